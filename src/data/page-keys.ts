// What an incremental build keys each skippable page on. With Astro's experimental.incrementalBuild, a page that
// getStaticPaths() gives a cacheKey is copied from the previous build when its key and its code (Astro hashes the
// page's module graph) are both unchanged; every other page is rendered again. So a key must name everything the
// page shows that is not code, or an edit would leave the page stale. The keys are built from the content model's
// digests, never from timestamps:
// - an article page (src/pages/articles/[slug].astro) shows its file (title, outlet, topics, its notes' kinds, the
//   reading time of its text), its rendered text with everything that depends on (renderingKey: every topic's
//   aliases, the articles and events its notes cite, the timeline pages of the events it links to, the deploy base),
//   its topics' titles, the repository its edit links point to (REPO_URL) and its file's last commit;
// - its notes as open data (src/pages/articles/[slug]/annotations.jsonld.ts) show its file, where each note sits in
//   the rendered text (renderingKey again, which also covers the cited articles' titles, outlets and paragraphs),
//   and each note's dates, read from every committed version of the file;
// - a page of the site-wide collection of notes (src/pages/annotations/page-[page].jsonld.ts) shows the notes of the
//   articles it overlaps, each named by that article's notes key, from a given note of the first, out of a total;
// - a page of a topic's coverage (src/pages/topics/[slug]/coverage/) shows its topic's title, and for each article on
//   it its file's fields and the passages that name the topic (the file's digest, and every topic's aliases: every
//   topic file), with the page's place in the list;
// - a page of the list of articles (src/pages/articles/[...page].astro) shows, for each article on it, fields of its
//   file (title, outlet, date, summary: the file's digest), with the page's place in the list and the number of
//   articles.
// The site's address and base are Astro's config, which Astro hashes itself. An MDX article gets no key: Astro
// renders it, and it is rendered every time. tests/scale/incremental-build.test.ts builds a site, edits it in each
// of these ways, and checks that an incremental build gives the same files as a full one.
import { createHash } from 'node:crypto';
import type { CollectionEntry } from 'astro:content';
import type { Page } from 'astro';
import { renderingKey } from './article-html.ts';
import { notesOf } from './article-notes.ts';
import type { Coverage } from './topic-index.ts';
import { articleVersions, inCollectionOrder } from './open-data.ts';
import { findArticleFile } from '../lib/article-files.ts';
import { contentDir } from '../lib/deploy-settings.ts';
import { repoUrl } from '../lib/repository/edit-links.ts';
import { fileLastUpdated } from '../lib/repository/git.ts';
import { ANNOTATIONS_PER_PAGE, pageCount } from '../lib/open-data/web-annotation.ts';

type Article = CollectionEntry<'articles'>;
type Topic = CollectionEntry<'topics'>;

const keyOf = (parts: unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/** The content file an article page's edit links name, and whose last commit it shows. */
export function articleContentFile(article: Article): string {
  return article.filePath ?? findArticleFile(`${contentDir(process.env)}/articles`, article.id) ?? `content/articles/${article.id}.md`;
}

/** The key of an article's page, given every topic's title by slug (its header and search data name its topics);
 * undefined for an MDX article, and in the dev server, which renders every request (and would read the git history
 * again for each article on every request). */
export function articlePageKey(article: Article, topicTitles: ReadonlyMap<string, string>): string | undefined {
  if (import.meta.env.DEV) return undefined;
  const contentFile = articleContentFile(article);
  const rendering = renderingKey(article);
  if (rendering === undefined) return undefined;
  const lastCommit = fileLastUpdated(contentFile, article.data.published)?.toISOString();
  const topics = article.data.topics.map((slug) => [slug, topicTitles.get(slug) ?? null]);
  return keyOf(['article page', article.digest, rendering, topics, repoUrl(process.env), contentFile, lastCommit]);
}

/** The key of an article's notes as open data; undefined for an MDX article, and in the dev server. */
export function articleNotesKey(article: Article): string | undefined {
  if (import.meta.env.DEV) return undefined;
  const rendering = renderingKey(article);
  if (rendering === undefined) return undefined;
  return keyOf(['article notes', article.digest, rendering, articleVersions(article)]);
}

/** The keys of the site-wide collection's pages, first page first, for its articles in any order; a page that holds a
 * note of an MDX article has none, and in the dev server no page has one. */
export function siteNotesPageKeys(articles: readonly Article[]): (string | undefined)[] {
  const counted = inCollectionOrder(articles).map((article) => ({ article, count: notesOf(article).length }));
  const total = counted.reduce((sum, { count }) => sum + count, 0);
  const parts: unknown[][] = Array.from({ length: pageCount(total) }, () => []);
  let first = 0;
  for (const { article, count } of counted) {
    if (count === 0) continue;
    // Each page the article's notes reach, with where they start: the key of its notes names what they say.
    const key = articleNotesKey(article) ?? null;
    for (let page = Math.floor(first / ANNOTATIONS_PER_PAGE); page * ANNOTATIONS_PER_PAGE < first + count; page++) parts[page]!.push(key, first);
    first += count;
  }
  return parts.map((part, page) => (import.meta.env.DEV || part.includes(null) ? undefined : keyOf(['site notes page', page + 1, total, part])));
}

/** The key of a page of a topic's coverage; none in the dev server. */
export function coveragePageKey(
  topics: readonly Topic[],
  topic: string,
  page: Pick<Page<Coverage>, 'currentPage' | 'lastPage' | 'total' | 'data'>,
): string | undefined {
  if (import.meta.env.DEV || topics.some((t) => t.digest === undefined)) return undefined;
  return keyOf([
    'topic coverage',
    topic,
    topics.map((t) => [t.id, t.digest]),
    page.currentPage,
    page.lastPage,
    page.total,
    page.data.map((c) => [c.article.id, c.article.digest, c.mentions]),
  ]);
}

/** The key of a page of the list of articles: its place in the list, how many articles there are, and the file of
 * each article on it; undefined in the dev server, and when an article has no digest. */
export function articleListPageKey(page: Pick<Page<Article>, 'currentPage' | 'lastPage' | 'total' | 'data'>): string | undefined {
  if (import.meta.env.DEV || page.data.some((article) => article.digest === undefined)) return undefined;
  return keyOf(['article list', page.currentPage, page.lastPage, page.total, page.data.map((article) => [article.id, article.digest])]);
}
