// What an incremental build keys each skippable page on. With Astro's experimental.incrementalBuild, a page that
// getStaticPaths() gives a cacheKey is copied from the previous build when its key and its code (Astro hashes the
// page's module graph) are both unchanged; every other page is rendered again. So a key must name everything the
// page shows that is not code, or an edit would leave the page stale. The keys are built from the content model's
// digests, never from timestamps:
// - an article page (src/pages/articles/[slug].astro) shows its file (title, outlet, topics, its notes' kinds, the
//   reading time of its text), its rendered text with everything that depends on (renderingKey: every topic file,
//   the articles and events its notes cite, the timeline pages of the events it links to, the deploy base), its
//   topics' titles (topic files again), the repository its edit links point to (REPO_URL) and its file's last
//   commit;
// - its notes as open data (src/pages/articles/[slug]/annotations.jsonld.ts) show its file, where each note sits in
//   the rendered text (renderingKey again, which also covers the cited articles' titles, outlets and paragraphs),
//   and each note's dates, read from every committed version of the file.
// The site's address and base are Astro's config, which Astro hashes itself. An MDX article gets no key: Astro
// renders it, and it is rendered every time. tests/scale/incremental-build.test.ts builds a site, edits it in each
// of these ways, and checks that an incremental build gives the same files as a full one.
import { createHash } from 'node:crypto';
import type { CollectionEntry } from 'astro:content';
import { renderingKey } from './article-html.ts';
import { articleVersions } from './open-data.ts';
import { findArticleFile } from '../lib/article-files.ts';
import { contentDir } from '../lib/deploy-settings.ts';
import { repoUrl } from '../lib/repository/edit-links.ts';
import { fileLastUpdated } from '../lib/repository/git.ts';

type Article = CollectionEntry<'articles'>;

const keyOf = (parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/** The content file an article page's edit links name, and whose last commit it shows. */
export function articleContentFile(article: Article): string {
  return article.filePath ?? findArticleFile(`${contentDir(process.env)}/articles`, article.id) ?? `content/articles/${article.id}.md`;
}

/** The key of an article's page; undefined for an MDX article, and in the dev server, which renders every request
 * (and would read the git history again for each article on every request). */
export function articlePageKey(article: Article): string | undefined {
  if (import.meta.env.DEV) return undefined;
  const contentFile = articleContentFile(article);
  const rendering = renderingKey(article);
  if (rendering === undefined) return undefined;
  const lastCommit = fileLastUpdated(contentFile, article.data.published)?.toISOString();
  return keyOf(['article page', article.digest, rendering, repoUrl(process.env), contentFile, lastCommit]);
}

/** The key of an article's notes as open data; undefined for an MDX article, and in the dev server. */
export function articleNotesKey(article: Article): string | undefined {
  if (import.meta.env.DEV) return undefined;
  const rendering = renderingKey(article);
  if (rendering === undefined) return undefined;
  return keyOf(['article notes', article.digest, rendering, articleVersions(article)]);
}
