// The HTML of a Markdown article's text, rendered when its page is built (the content store keeps only its
// frontmatter: src/loaders/articles.ts says why). The file is read and split exactly as Astro's Markdown loader
// does (Astro's parseFrontmatter, the body trimmed) and rendered with Astro's Markdown processor and our pipeline
// (src/plugins/article-pipeline.ts), so the page is what it was when Astro rendered it at content sync.
//
// The HTML is cached on disk, one file per article digest, under the content store's folder: a build after a
// one-article edit renders one article. What else an article's HTML depends on (topics, cited articles, the
// pipeline's code) is fingerprinted by the render-cache integration, which empties this folder with the store
// when any of it changes (src/integrations/render-cache.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter, type MarkdownRenderer } from '@astrojs/markdown-remark';
import type { CollectionEntry } from 'astro:content';
import { articlePipeline } from '../plugins/article-pipeline.ts';
import { cacheDir, contentDir } from '../lib/deploy-settings.ts';
import { ARTICLE_HTML_DIR } from '../lib/render-cache.ts';

type Article = CollectionEntry<'articles'>;

export interface ArticleSource {
  /** The file, absolute. */
  path: string;
  /** The frontmatter as written (before the collection's schema), which the pipeline's plugins read. */
  frontmatter: Record<string, unknown>;
  /** The text below the frontmatter, trimmed. */
  body: string;
}

/** The article's file, read and split as Astro's Markdown loader does. */
export function articleSource(article: Pick<Article, 'id' | 'filePath'>): ArticleSource {
  if (!article.filePath) throw new Error(`Article "${article.id}" has no file path in the content store.`);
  const path = resolve(article.filePath);
  const parsed = parseFrontmatter(readFileSync(path, 'utf8'), { frontmatter: 'empty-with-spaces' });
  return { path, frontmatter: parsed.frontmatter, body: parsed.content.trim() };
}

let processor: Promise<MarkdownRenderer> | undefined;

function markdownProcessor(): Promise<MarkdownRenderer> {
  // The settings astro.config.mjs gives Astro: no syntax highlighting, GFM, no smart punctuation, our plugins.
  processor ??= createMarkdownProcessor({
    syntaxHighlight: false,
    gfm: true,
    smartypants: false,
    ...articlePipeline({ base: import.meta.env.BASE_URL, contentDir: contentDir(process.env) }),
  });
  return processor;
}

/** The folder of cached HTML: beside the content store (.astro/ for the dev server, cacheDir for builds). */
function htmlCacheDir(): string {
  return join(import.meta.env.DEV ? resolve('.astro') : resolve(cacheDir(process.env)), ARTICLE_HTML_DIR);
}

/** The rendered text of a Markdown article (undefined for an .mdx one: render() it). */
export async function articleHtml(article: Article): Promise<string | undefined> {
  if (!article.filePath?.endsWith('.md')) return undefined;
  const key = createHash('sha256').update(`${article.filePath}\n${article.digest ?? ''}`).digest('hex').slice(0, 32);
  const cached = join(htmlCacheDir(), `${key}.html`);
  try {
    if (article.digest) return readFileSync(cached, 'utf8');
  } catch {
    // Not rendered yet.
  }
  const source = articleSource(article);
  const { code } = await (await markdownProcessor()).render(source.body, { frontmatter: source.frontmatter, fileURL: pathToFileURL(source.path) });
  if (article.digest) {
    mkdirSync(htmlCacheDir(), { recursive: true });
    // Written aside and renamed, so a build stopped half-way never leaves half a page in the cache.
    writeFileSync(`${cached}.tmp`, code);
    renameSync(`${cached}.tmp`, cached);
  }
  return code;
}
