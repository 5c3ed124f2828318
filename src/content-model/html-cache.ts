// The one cache of rendered article HTML: a folder of files, each named by the digests of everything that HTML
// depends on, so a stale page can never be found under a current name, and nothing ever has to be deleted for
// correctness. A Markdown article's HTML depends on:
// - its own file (the text and the notes in its frontmatter);
// - every topic's aliases (rehype-topic-links links their mentions; a topic's title, summary or overview is not in
//   the text, so editing one renders no article again);
// - the articles its notes cite (rehype-annotations turns a cited quote into a paragraph number there);
// - the timeline events its notes cite (`event: <id>`: the note shows the event's date and title);
// - the timeline page of every event it cites or links to (/timeline/#event-<id>, rehype-event-links): an event
//   moves to another page when earlier events or articles are added, and the link must follow it;
// - the deploy base and content root, and the Markdown pipeline's own code.
// The page, the pre-render worker and the dev server compute the same name (htmlCacheKey); an edit to a topic or a
// cited article changes the name of every page that depends on it, so the next render of those pages (the next
// build, or the next request to a running dev server) renders them again. After a build, files no current article
// would look for are pruned (pruneHtmlCache).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pruneCacheFiles } from './cache-files.ts';
import { findArticleFile } from '../lib/article-files.ts';
import { timelineEventPages, type EventPages } from '../lib/timeline/event-file.ts';
import { linkedEvents } from '../lib/timeline/timeline-pages.ts';
import { importedFiles } from './code-files.ts';
import { digestOf, readEntry } from './entry.ts';
import { readTopicAliases, type TopicAliases } from './topic-aliases.ts';

/** Bumped when the recipe of the name changes, so no file named by an older recipe is ever taken. */
const RECIPE = 5;

/** The cache's folder inside Astro's cacheDir (builds) or .astro/ (the dev server). */
export function htmlCacheFolder(cacheDir: string): string {
  return join(cacheDir, 'content-model', 'html');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The values of one field of an article's notes' sources (`annotations: - sources: - <field>: <value>`). */
function citedBySources(data: Record<string, unknown>, field: 'article' | 'event'): string[] {
  const values = new Set<string>();
  for (const note of Array.isArray(data.annotations) ? data.annotations : []) {
    const sources = (note as { sources?: unknown } | null)?.sources;
    for (const source of Array.isArray(sources) ? sources : []) {
      const value = (source as Record<string, unknown> | null)?.[field];
      if (typeof value === 'string') values.add(value);
    }
  }
  return [...values].sort();
}

/** The slugs of the articles an article's notes cite (`annotations: - sources: - article: <slug>`). */
export function citedArticles(data: Record<string, unknown>): string[] {
  return citedBySources(data, 'article');
}

/** The ids of the timeline events an article's notes cite (`annotations: - sources: - event: <id>`). */
export function citedEvents(data: Record<string, unknown>): string[] {
  return citedBySources(data, 'event');
}

const listFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
};

let topics: { read: readonly TopicAliases[]; digest: string } | undefined;

/** One digest of what an article's text takes from topics/: each topic's slug and aliases, as rehype-topic-links
 * reads them (readTopicAliases, which reads the folder again only when a topic file came, went or changed). */
export function topicsDigest(contentDir: string): string {
  const read = readTopicAliases(join(contentDir, 'topics'));
  if (topics?.read !== read) topics = { read, digest: sha256(JSON.stringify(read)) };
  return topics.digest;
}

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** The pipeline's code files: the plugins and what they import, the page-time renderer, the config, the lock file. */
export function pipelineFiles(projectRoot: string): string[] {
  const plugins = join(projectRoot, 'src', 'plugins');
  return [
    ...importedFiles([...listFiles(plugins).map((name) => join(plugins, name)), join(projectRoot, 'src', 'data', 'article-html.ts')]),
    join(projectRoot, 'astro.config.mjs'),
    join(projectRoot, 'package-lock.json'),
  ];
}

const codeDigests = new Map<string, string>();

/** One digest of the pipeline's code, once per process (a change to it restarts the dev server). */
export function codeDigest(projectRoot: string): string {
  let digest = codeDigests.get(projectRoot);
  if (digest === undefined) {
    digest = sha256(
      pipelineFiles(projectRoot)
        .map((file) => `${relative(projectRoot, file)}:${sha256(readText(file) ?? '')}`)
        .join('\n'),
    );
    codeDigests.set(projectRoot, digest);
  }
  return digest;
}

export interface HtmlKeyOptions {
  /** The deploy base: site links in the text and notes are written with it. */
  base: string;
  /** The content root, absolute. */
  contentDir: string;
  /** The project root, absolute: paths in the name are relative to it, and the pipeline's code is found there. */
  projectRoot: string;
  /** The timeline page of each event, when the caller has them (the pre-render worker); else the content model's. */
  eventPages?: EventPages | undefined;
  /** The digest of the topics (topicsDigest), when the caller names many articles while no topic can change (a
   * build): else each name looks at every topic file again (a stat each), as a dev server must. */
  topics?: string | undefined;
}

/** `id@page` for each of `events`: the timeline page that lists it (`id@` for an event that does not exist). */
export function timelinePlaces(contentDir: string, events: readonly string[], given?: EventPages): string[] {
  if (events.length === 0) return [];
  const pages = given ?? timelineEventPages(contentDir);
  return [...new Set(events)].sort().map((id) => `${id}@${pages.get(id) ?? ''}`);
}

/** The name of the cache file of an article's HTML, from everything the HTML depends on (see the top of this file). */
export function htmlCacheKey(options: HtmlKeyOptions, path: string, text: string, data: Record<string, unknown>): string {
  const own = relative(options.projectRoot, path).split('\\').join('/');
  const articles = join(options.contentDir, 'articles');
  // A note citing its own article depends on nothing outside it: the article's own text is in the name already.
  const cited = citedArticles(data).map((slug) => {
    const file = findArticleFile(articles, slug);
    const entry = file && resolve(file) !== resolve(path) ? readEntry('article', resolve(file)) : undefined;
    return `${slug}:${file ? relative(articles, file) : ''}:${entry?.digest ?? ''}`;
  });
  const events = citedEvents(data).map((id) => `${id}:${digestOf(readText(join(options.contentDir, 'events', `${id}.yaml`)) ?? '')}`);
  const eventPages = timelinePlaces(options.contentDir, [...citedEvents(data), ...linkedEvents(text)], options.eventPages);
  const inputs = [
    RECIPE,
    options.base,
    options.contentDir,
    own,
    digestOf(text),
    options.topics ?? topicsDigest(options.contentDir),
    codeDigest(options.projectRoot),
    ...cited,
    ...events,
    ...eventPages,
  ];
  return sha256(inputs.join('\n')).slice(0, 40);
}

/** The cache file for a key. */
export function htmlCacheFile(folder: string, key: string): string {
  return join(folder, `${key}.html`);
}

/** The file beside it that holds where the article's notes are in that HTML (for the open data). */
export function notesCacheFile(folder: string, key: string): string {
  return join(folder, `${key}.notes.json`);
}

/** Deletes every file of the folder that is not one of `keep` (keys), but not another process's file still being
 * written (cache-files.ts); returns how many page texts were deleted. */
export function pruneHtmlCache(folder: string, keep: ReadonlySet<string>): number {
  const deleted = pruneCacheFiles(folder, listFiles(folder), (name) => keep.has(name.replace(/\.(html|notes\.json)$/, '')));
  return deleted.filter((name) => name.endsWith('.html')).length;
}
