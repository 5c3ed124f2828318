// The HTML of a Markdown article's text, rendered when its page is built (the content store keeps only its
// frontmatter: src/loaders/articles.ts says why). The file is split by the content model (src/content-model/) and rendered with our pipeline (src/plugins/article-pipeline.ts)
// in the steps Astro's Markdown processor runs, so the page is what it was when Astro rendered it at content sync.
//
// The HTML is cached on disk, in the content model's one cache folder (src/content-model/html-cache.ts), under a
// name made of the digests of everything it depends on (the article's file, every topic, the articles its notes
// cite, the base, the pipeline's code): a build after a one-article edit renders one article, a topic edit renders
// again every article (in a running dev server too, at its next request), and a worker thread can render articles
// ahead of their pages (src/integrations/prerender-articles.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { CollectionEntry } from 'astro:content';
import { articlePipeline, type PipelineOptions } from '../plugins/article-pipeline.ts';
import { cacheDir, contentDir } from '../lib/deploy-settings.ts';
import { entryOfText } from '../content-model/entry.ts';
import { writeCacheFile } from '../content-model/cache-files.ts';
import { htmlCacheFile, htmlCacheFolder, htmlCacheKey, notesCacheFile, topicsDigest } from '../content-model/html-cache.ts';
import { measureNotes, type MeasuredArticle } from '../lib/open-data/rendered-notes.ts';
import { bodyOf } from '../content-model/frontmatter.ts';

type Article = CollectionEntry<'articles'>;

export interface ArticleSource {
  /** The file, absolute. */
  path: string;
  /** The frontmatter as written (before the collection's schema), which the pipeline's plugins read. */
  frontmatter: Record<string, unknown>;
  /** The text below the frontmatter, trimmed. */
  body: string;
}

/** An article file's text split by the content model (the values the pages see, the body trimmed as Astro trims it). */
export function sourceOfText(path: string, text: string): ArticleSource {
  return { path, frontmatter: entryOfText('article', path, text).data, body: bodyOf(text) };
}

/** The article's file, read and split as Astro's Markdown loader does. */
export function articleSource(article: Pick<Article, 'id' | 'filePath'>): ArticleSource {
  if (!article.filePath) throw new Error(`Article "${article.id}" has no file path in the content store.`);
  const path = resolve(article.filePath);
  return sourceOfText(path, readFileSync(path, 'utf8'));
}

export type ArticleTextRenderer = (source: ArticleSource) => Promise<string>;

/** An article's text rendered: its HTML, and where its notes are in it (measured on the same tree, for the open
 * data; undefined if they could not be measured, and then the open data reads them from the HTML and says why). */
export interface ArticleRendering {
  html: string;
  notes: MeasuredArticle | undefined;
}

/** A renderer of article text for a deploy base and content root (the site's own: see renderArticleText). */
export function articleTextRenderer(options: PipelineOptions): ArticleTextRenderer {
  const rendering = articleTextRendering(options);
  return async (source) => (await rendering(source)).html;
}

/** The same renderer, giving the notes' places too (see ArticleRendering). */
export function articleTextRendering(options: PipelineOptions): (source: ArticleSource) => Promise<ArticleRendering> {
  const { remarkPlugins, rehypePlugins } = articlePipeline(options);
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkPlugins as PluggableList)
    .use(remarkRehype)
    .use(rehypePlugins as PluggableList)
    .use(rehypeHeadingIds)
    .use(rehypeStringify)
    .freeze();
  return async (source) => {
    const file = new VFile({ value: source.body, path: pathToFileURL(source.path), data: { astro: { frontmatter: source.frontmatter } } });
    // process() in its three steps, to measure the notes on the finished tree before it becomes text.
    const tree = await processor.run(processor.parse(file), file);
    let notes: MeasuredArticle | undefined;
    try {
      notes = measureNotes(tree);
    } catch {
      notes = undefined;
    }
    return { html: String(processor.stringify(tree, file)), notes };
  };
}

let siteRenderer: ((source: ArticleSource) => Promise<ArticleRendering>) | undefined;

/** Renders an article's text (below its frontmatter) to HTML, with its frontmatter for the pipeline's plugins. */
export function renderArticleText(source: ArticleSource): Promise<ArticleRendering> {
  siteRenderer ??= articleTextRendering({ base: import.meta.env.BASE_URL, contentDir: contentDir(process.env) });
  return siteRenderer(source);
}

/** The folder of cached HTML: in .astro/ for the dev server, in cacheDir for builds. */
function htmlCacheDir(): string {
  return htmlCacheFolder(import.meta.env.DEV ? resolve('.astro') : resolve(cacheDir(process.env)));
}

/** Reads a cached page text, or undefined when there is none. */
export function readCachedHtml(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Saves a rendering in the cache under `key` (cache-files.ts): the notes' places first, and the page text only once
 * they are in, so a page text found means they are there too. */
export function writeCachedRendering(folder: string, key: string, rendering: ArticleRendering): void {
  if (rendering.notes && !writeCacheFile(notesCacheFile(folder, key), JSON.stringify(rendering.notes))) return;
  writeCacheFile(htmlCacheFile(folder, key), rendering.html);
}

/** The notes' places cached beside a page text, or undefined when there are none. */
function readCachedNotes(folder: string, key: string): MeasuredArticle | undefined {
  const text = readCachedHtml(notesCacheFile(folder, key));
  return text === undefined ? undefined : (JSON.parse(text) as MeasuredArticle);
}

/** The text of an article below its frontmatter, without reading the frontmatter (reading time, passages). */
export function articleBody(article: Pick<Article, 'id' | 'filePath'>): string {
  if (!article.filePath) throw new Error(`Article "${article.id}" has no file path in the content store.`);
  return bodyOf(readFileSync(resolve(article.filePath), 'utf8'));
}

/** In a build, the name each article's text was given, by file, with the content store's digest of that text. */
const namedInBuild = new Map<string, { digest: string; key: string }>();
/** In a build, the digest of the topics (topicsDigest). */
let topicsInBuild: string | undefined;

/** The cache name of a Markdown article's rendering, and its source (split only when it has to be rendered). */
function cacheKeyOf(article: Article): { key: string; source: () => ArticleSource } {
  const path = resolve(article.filePath!);
  // An article's page and its open data both ask. In a build nothing the name depends on changes while the pages
  // are written, so the second ask takes the first answer for the same version of the file, known by the digest the
  // content store holds for it (src/loaders/articles.ts), without reading the file again; a dev server asks afresh
  // (a topic or a cited article may have changed since).
  const known = import.meta.env.DEV ? undefined : namedInBuild.get(path);
  if (known && known.digest === article.digest) return { key: known.key, source: () => sourceOfText(path, readFileSync(path, 'utf8')) };
  const text = readFileSync(path, 'utf8');
  const source = sourceOfText(path, text);
  const root = resolve(contentDir(process.env));
  // No topic changes while a build writes its pages: their digest once per build (a dev server looks every time).
  if (!import.meta.env.DEV) topicsInBuild ??= topicsDigest(root);
  const key = htmlCacheKey(
    { base: import.meta.env.BASE_URL, contentDir: root, projectRoot: process.cwd(), topics: topicsInBuild },
    path,
    text,
    source.frontmatter,
  );
  if (!import.meta.env.DEV && typeof article.digest === 'string') namedInBuild.set(path, { digest: article.digest, key });
  return { key, source: () => source };
}

/** The name of a Markdown article's rendering: the digests of everything its text depends on
 * (src/content-model/html-cache.ts); undefined for an .mdx one, which Astro renders. */
export function renderingKey(article: Article): string | undefined {
  return article.filePath?.endsWith('.md') ? cacheKeyOf(article).key : undefined;
}

/** Renders a Markdown article's text and caches it; the rendering. */
async function renderAndCache(key: string, source: ArticleSource): Promise<ArticleRendering> {
  const rendering = await renderArticleText(source);
  writeCachedRendering(htmlCacheDir(), key, rendering);
  return rendering;
}

/** The rendered text of a Markdown article (undefined for an .mdx one: render() it). */
export async function articleHtml(article: Article): Promise<string | undefined> {
  if (!article.filePath?.endsWith('.md')) return undefined;
  const { key, source } = cacheKeyOf(article);
  // Rendered by an earlier build, earlier in this one, or by the pre-render worker (src/integrations/prerender-articles.ts).
  const hit = readCachedHtml(htmlCacheFile(htmlCacheDir(), key));
  if (hit !== undefined) return hit;
  return (await renderAndCache(key, source())).html;
}

/** Where a Markdown article's notes are in its rendered text (undefined for an .mdx one): measured when it was
 * rendered and cached beside its HTML, so the open data does not parse the HTML again; read from the HTML when the
 * renderer could not measure them. */
export async function articleNotesMeasured(article: Article): Promise<MeasuredArticle | undefined> {
  if (!article.filePath?.endsWith('.md')) return undefined;
  const { key, source } = cacheKeyOf(article);
  const folder = htmlCacheDir();
  // The places alone, when they were measured: the page text beside them is not needed (and is the larger file).
  const measured = readCachedNotes(folder, key);
  if (measured) return measured;
  const html = readCachedHtml(htmlCacheFile(folder, key));
  if (html === undefined) {
    const rendering = await renderAndCache(key, source());
    return rendering.notes ?? measureNotes(fromHtml(rendering.html, { fragment: true }));
  }
  return readCachedNotes(folder, key) ?? measureNotes(fromHtml(html, { fragment: true }));
}
