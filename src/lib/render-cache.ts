// What a Markdown article's rendered HTML depends on besides the article's own file, as one fingerprint, and what
// to do with Astro's content store when it changes (src/integrations/render-cache.ts explains why). Reading the
// inputs is cheap next to rendering: every topic file, the frontmatter of every article (to find the articles and
// events its notes cite) and those cited files, plus the few source files of the Markdown pipeline.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { articleSlug, findArticleFile } from './article-files.ts';

/** A file that went into the fingerprint: its name (relative to its folder) and text, undefined when it is missing. */
export interface InputFile {
  name: string;
  text: string | undefined;
}

export interface RenderInputs {
  /** The deploy base: site links in the text and in notes are written with it. */
  base: string;
  /** The content root, absolute: where topics and cited articles are read from. */
  contentDir: string;
  /** Every file in topics/: rehype-topic-links links their aliases, with their titles and summaries. */
  topics: InputFile[];
  /** The articles some note cites as its source: rehype-annotations links to the cited paragraph. */
  citedArticles: InputFile[];
  /** The events some note cites as its source (`event: <id>`): the note shows the event's date and title. */
  citedEvents: InputFile[];
  /** The Markdown pipeline's own code (plugins and what they import, the config, the lock file). */
  code: InputFile[];
}

/** Bumped when the fingerprint's recipe changes, so an old saved fingerprint never matches. */
const RECIPE = 2;

/** A source field naming one of our articles, in block (`- article: x`) or flow (`{ article: x }`) YAML. */
const ARTICLE_FIELD = /(?:^|[\s{,])article:[ \t]*(["']?)([a-z0-9]+(?:-[a-z0-9]+)*)\1/gm;
/** A source field naming one of our events, `event: 2021-07-13-self-discipline-convention-signed`, in either style. */
const EVENT_FIELD = /(?:^|[\s{,])event:[ \t]*(["']?)(\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*)\1/gm;
const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/;

const citedIn = (articleText: string, field: RegExp): string[] => {
  const frontmatter = FRONTMATTER.exec(articleText)?.[1] ?? '';
  return [...new Set([...frontmatter.matchAll(field)].map((match) => match[2]!))].sort();
};

/** The slugs of the articles an article's notes cite (`sources: - article: <slug>`), read from its frontmatter. */
export function citedArticleSlugs(articleText: string): string[] {
  return citedIn(articleText, ARTICLE_FIELD);
}

/** The ids of the events an article's notes cite (`sources: - event: <id>`), read from its frontmatter. */
export function citedEventIds(articleText: string): string[] {
  return citedIn(articleText, EVENT_FIELD);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** One hex string for everything outside an article that its HTML depends on; order of the lists does not matter. */
export function renderFingerprint(inputs: RenderInputs): string {
  const files = (list: InputFile[]) =>
    list.map((file) => [file.name, file.text === undefined ? null : sha256(file.text)]).sort(([a], [b]) => String(a).localeCompare(String(b)));
  return sha256(
    JSON.stringify({
      recipe: RECIPE,
      base: inputs.base,
      contentDir: inputs.contentDir,
      topics: files(inputs.topics),
      citedArticles: files(inputs.citedArticles),
      citedEvents: files(inputs.citedEvents),
      code: files(inputs.code),
    }),
  );
}

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

const listFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  } catch {
    return [];
  }
};

const RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The files `entries` import, directly or not, through relative imports: the code a plugin runs. */
export function importedFiles(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    const text = readText(file);
    if (text === undefined) continue;
    seen.add(file);
    for (const [, specifier] of text.matchAll(RELATIVE_IMPORT)) pending.push(resolve(dirname(file), specifier!));
  }
  return [...seen].sort();
}

/** Reads every input of the fingerprint from disk. `projectRoot` holds astro.config.mjs, src/plugins/ and the lock file. */
export function readRenderInputs(options: { base: string; contentDir: string; projectRoot: string }): RenderInputs {
  const contentDir = resolve(options.projectRoot, options.contentDir);
  const topicsDir = join(contentDir, 'topics');
  const articlesDir = join(contentDir, 'articles');
  const eventsDir = join(contentDir, 'events');
  const cited = new Set<string>();
  const citedEvents = new Set<string>();
  for (const name of listFiles(articlesDir)) {
    const citing = articleSlug(name);
    if (citing === undefined) continue;
    const text = readText(join(articlesDir, name)) ?? '';
    // A note citing its own article depends on nothing outside it: that file's digest already covers it.
    for (const slug of citedArticleSlugs(text)) if (slug !== citing) cited.add(slug);
    for (const id of citedEventIds(text)) citedEvents.add(id);
  }
  const pluginsDir = join(options.projectRoot, 'src', 'plugins');
  const codeFiles = [
    ...importedFiles([...listFiles(pluginsDir).map((name) => join(pluginsDir, name)), join(options.projectRoot, 'src', 'data', 'article-html.ts')]),
    join(options.projectRoot, 'astro.config.mjs'),
    join(options.projectRoot, 'package-lock.json'),
  ];
  return {
    base: options.base,
    contentDir,
    topics: listFiles(topicsDir).map((name) => ({ name, text: readText(join(topicsDir, name)) })),
    citedArticles: [...cited].map((slug) => {
      const file = findArticleFile(articlesDir, slug);
      return { name: file ? relative(articlesDir, file) : slug, text: file ? readText(file) : undefined };
    }),
    citedEvents: [...citedEvents].map((id) => {
      const name = [`${id}.yaml`, `${id}.yml`].find((file) => readText(join(eventsDir, file)) !== undefined) ?? id;
      return { name, text: readText(join(eventsDir, name)) };
    }),
    code: codeFiles.map((file) => ({ name: relative(options.projectRoot, file), text: readText(file) })),
  };
}

/** The folder, beside the content store, of the articles' HTML rendered at page time (src/data/article-html.ts). */
export const ARTICLE_HTML_DIR = 'article-html';
/** Astro's content store in a folder, our articles' HTML beside it, and the fingerprint saved beside them. */
export const STORE_FILES = ['data-store.json', 'data-store', ARTICLE_HTML_DIR] as const;
export const FINGERPRINT_FILE = 'render-fingerprint.txt';

export type CacheOutcome = 'kept' | 'cleared' | 'first';

/**
 * Compares the fingerprint with the one saved in `storeDir`. When they differ, or none was saved ('first': a store
 * written before may be stale too), the content store is deleted, so every article is rendered again, and the new
 * fingerprint is saved.
 */
export function refreshRenderCache(storeDir: string, fingerprint: string): CacheOutcome {
  const saved = readText(join(storeDir, FINGERPRINT_FILE))?.trim();
  if (saved === fingerprint) return 'kept';
  for (const name of STORE_FILES) rmSync(join(storeDir, name), { recursive: true, force: true });
  mkdirSync(storeDir, { recursive: true });
  writeFileSync(join(storeDir, FINGERPRINT_FILE), `${fingerprint}\n`);
  return saved === undefined ? 'first' : 'cleared';
}
