// Builds the site search index at the end of `astro build`, with Pagefind's Node API, into dist/pagefind/.
// Why a build hook rather than the pagefind CLI after the build: notes and timeline events are results of their
// own (with their own URL, kind and topics), which the CLI cannot make from a page; the Node API takes them as
// custom records next to the pages it reads from dist/.
//
// ## Search indexing conventions (for page templates)
//
// A page is a search result only if it carries `data-pagefind-body`; every other page (home, lists, about,
// search, the timeline page as a whole) is left out. Inside the body, Pagefind already skips <nav>, <footer>,
// <form> and <script>; mark anything else that repeats other pages with `data-pagefind-ignore`.
//
// - The main wrapper: `<article data-pagefind-body>` whose first <h1> is the result's title.
// - Facets, as hidden inline values, one element per value: render them with src/components/SearchFacets.astro,
//   which spells them with `facetAttributes()` from src/lib/search/facets.ts, as the notes and events are spelled:
//     <div hidden data-pagefind-ignore>
//       <span data-pagefind-filter="type:topic"></span>         type: article | topic (note, event: added here)
//       <span data-pagefind-filter="topic:taobao"></span>       one per topic slug (the search page shows titles)
//       <span data-pagefind-filter="year:2024"></span>          from the date, if the page has one
//       <span data-pagefind-filter="outlet:PYMNTS"></span>      articles only
//       <span data-pagefind-meta="type:Topic"></span>           the label a result shows
//       <span data-pagefind-meta="date:2024-09-05"></span>      YYYY-MM-DD; also outlet:… and author:… for articles
//       <span data-pagefind-meta="topics:taobao"></span>        searchable: a page ranks for its topics
//       <span data-pagefind-sort="date:2024-09-05"></span>      pages without a date drop out of a date sort
//     </div>
// - Topic pages: src/pages/topics/[slug]/index.astro, `<SearchFacets type="topic" topics={[slug]}
//   topicNames={[title]} />` (no date, so no year, and a date sort leaves topics out). The aliases are shown as
//   text inside the body ("Also written: Taobao Marketplace, 淘宝") in an element marked
//   `data-pagefind-meta="aliases"`: aliases then rank like a title (RANKING in src/scripts/search-ui.ts). What the
//   build gathers from other pages (the counts, coverage, mentions, notes, timeline and related topics) is wrapped
//   in `data-pagefind-ignore`, so a topic is found by its own overview and figures.
// - Article pages: src/pages/articles/[slug].astro. Their margin notes and "Notes" list are left out of the
//   article's own record by EXCLUDED_SELECTORS below; each note becomes a record of its own, read from the
//   built page (markup contract in src/plugins/rehype-annotations.ts), with its topics from the frontmatter.
// - Timeline events: not marked up for Pagefind at all (no data-pagefind-body on the timeline). This hook reads
//   every page under /timeline/ (it is paginated) and makes one record per
//   `<li id="event-<id>" data-event data-date="YYYY-MM-DD" data-topics="slug1 slug2">` with an <h3> title and a
//   <p> description, linking to that page's #event-<id> (type event, year and topic filters). Events listed on
//   other pages (a topic page's latest events) are not read, so each event is one result.
//
// Every language is indexed as one ("en", forceLanguage), so Chinese names (淘宝) and English text are found
// from the same search box.
//
// The browser half of the bundle is then made smaller (trimBundle): the Component UI keeps its English text only,
// and Pagefind's scripts and stylesheet are minified (src/lib/search/trim-bundle.ts).
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { findArticleFile } from '../lib/article-files.ts';
import { contentDir } from '../lib/deploy-settings.ts';
import { readArticlePage, readTimelineEvents } from '../lib/search/extract.ts';
import { keepOneLanguage, minify } from '../lib/search/trim-bundle.ts';
import { noteTopicsFromSource } from '../lib/search/note-topics.ts';
import { articleContext, eventRecord, noteRecord, SEARCH_LANGUAGE, TIMELINE_PATH, type SearchRecord } from '../lib/search/records.ts';

/**
 * Parts of an indexed page that are not its own text: margin notes and the "Notes" list (an article's notes are
 * records of their own; a topic page's are its sources), the notes' numbers in the text, and the article header's
 * labels (outlet, author, date, reading time, topics, original's address), which the page's metadata and
 * filters carry instead; left in, they would match every article ("read", "published") and fill its excerpt.
 */
export const EXCLUDED_SELECTORS = [
  '.sidenotes',
  'section.endnotes',
  '.note-marker',
  '.article-header__outlet',
  '.article-meta',
  '.article-header__topics',
  '.article-header__note',
  '.article-header__source',
];

const ARTICLE_PAGE = /^\/articles\/[^/]+\/$/;

export interface IndexSummary {
  /** Pages marked data-pagefind-body (articles, topics); the others are read but left out. */
  pages: number;
  notes: number;
  events: number;
  /** Bytes of the index proper (word index, fragments, filters, metadata), without the bundle's scripts. */
  indexBytes: number;
  /** What trimBundle left as Pagefind wrote it, and why. */
  untrimmed: string[];
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** dist/articles/x/index.html → /articles/x/ */
function sitePath(siteDir: string, file: string): string {
  const rel = relative(siteDir, file).split(sep).join('/');
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`;
}

async function check<T extends { errors: string[] }>(what: string, response: Promise<T>): Promise<T> {
  const result = await response;
  if (result.errors.length) throw new Error(`Search index: ${what} failed: ${result.errors.join('; ')}`);
  return result;
}

/** What the built site holds for the index: how many whole pages are marked as results, and the records
 * that are parts of pages (every article's notes, the timeline's events). */
export async function readSite(siteDir: string, contentRoot: string): Promise<{ pages: number; notes: SearchRecord[]; events: SearchRecord[] }> {
  let pages = 0;
  const notes: SearchRecord[] = [];
  const events: SearchRecord[] = [];
  for (const file of (await htmlFiles(siteDir)).sort()) {
    const html = await readFile(file, 'utf8');
    const path = sitePath(siteDir, file);
    // The timeline is paginated (/timeline/, /timeline/2/…): each event links to the page that shows it.
    if (path.startsWith(TIMELINE_PATH) && html.includes('data-event')) {
      events.push(...readTimelineEvents(html).map((event) => eventRecord(event, path)));
    }
    if (!html.includes('data-pagefind-body')) continue;
    pages += 1;
    // Only an article's margin notes are results of their own (a topic page's footnotes are its sources).
    if (!ARTICLE_PAGE.test(path) || !html.includes('class="sidenote"')) continue;
    const page = readArticlePage(html);
    const source = findArticleFile(join(contentRoot, 'articles'), basename(path));
    const topics = source ? noteTopicsFromSource(await readFile(source, 'utf8')) : new Map<string, string[]>();
    const article = articleContext(path, page.title, page.filters, page.meta);
    notes.push(...page.notes.map((note) => noteRecord(article, note, topics.get(note.id))));
  }
  return { pages, notes, events };
}

/** Pagefind's browser files that a search loads, as Pagefind writes them, and how each is made smaller. */
const TRIMMED_FILES: [file: string, trim: (code: string) => Promise<{ code: string; untouched?: string }>][] = [
  ['pagefind-component-ui.js', async (code) => keepOneLanguage(code)],
  ['pagefind-component-ui.css', async (code) => ({ code: await minify(code, 'css') })],
  ['pagefind.js', async (code) => ({ code: await minify(code, 'module') })],
  ['pagefind-worker.js', async (code) => ({ code: await minify(code, 'script') })],
  ['pagefind-highlight.js', async (code) => ({ code: await minify(code, 'module') })],
];

/** Makes the browser files of the bundle in bundleDir smaller; returns what was left as it was, and why. */
export async function trimBundle(bundleDir: string): Promise<string[]> {
  const untrimmed: string[] = [];
  for (const [file, trim] of TRIMMED_FILES) {
    const path = join(bundleDir, file);
    if (!existsSync(path)) {
      untrimmed.push(`${file}: not in the bundle`);
      continue;
    }
    const { code, untouched } = await trim(await readFile(path, 'utf8'));
    if (untouched) untrimmed.push(`${file}: ${untouched}`);
    else await writeFile(path, code);
  }
  return untrimmed;
}

/** How many custom records are handed to Pagefind before waiting for it to take them. */
const RECORDS_IN_FLIGHT = 64;

/** Bytes of index data in a written bundle: the word index, fragments, filters and metadata (not the scripts). */
async function indexSize(bundleDir: string): Promise<number> {
  const entries = await readdir(bundleDir, { recursive: true, withFileTypes: true });
  const data = entries.filter((e) => e.isFile() && (/^(index|fragment|filter)$/.test(basename(e.parentPath)) || e.name.endsWith('.pf_meta')));
  const sizes = await Promise.all(data.map(async (e) => (await stat(join(e.parentPath, e.name))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** Indexes the built site in siteDir and writes the bundle to siteDir/pagefind/, trimmed. */
export async function buildSearchIndex(siteDir: string, contentRoot: string): Promise<IndexSummary> {
  const { index } = await check(
    'starting Pagefind',
    pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE, excludeSelectors: EXCLUDED_SELECTORS }),
  );
  if (!index) throw new Error('Search index: Pagefind did not create an index.');
  try {
    // Pagefind reads the pages in its own process while this one reads the notes and events out of them.
    const [, { pages, notes, events }] = await Promise.all([check(`reading ${siteDir}`, index.addDirectory({ path: siteDir })), readSite(siteDir, contentRoot)]);
    // A few records in flight at a time: handed all at once (143,000 at 10,000 articles), Pagefind's process
    // queued every one of them and grew past 10 GB.
    const records = [...notes, ...events];
    for (let at = 0; at < records.length; at += RECORDS_IN_FLIGHT) {
      await Promise.all(records.slice(at, at + RECORDS_IN_FLIGHT).map((record) => check(`adding ${record.url}`, index.addCustomRecord(record))));
    }
    await check('writing the index', index.writeFiles({ outputPath: join(siteDir, 'pagefind') }));
    // Measured on disk: asking Pagefind for its files (getFiles) would send the whole index over its pipe.
    const indexBytes = await indexSize(join(siteDir, 'pagefind'));
    const untrimmed = await trimBundle(join(siteDir, 'pagefind'));
    return { pages, notes: notes.length, events: events.length, indexBytes, untrimmed };
  } finally {
    await pagefind.close();
  }
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const summary = await buildSearchIndex(fileURLToPath(dir), contentDir(process.env));
        logger.info(`${summary.pages} pages, ${summary.notes} notes and ${summary.events} timeline events indexed into pagefind/ (${Math.round(summary.indexBytes / 1024)} KiB of index).`);
        for (const reason of summary.untrimmed) logger.warn(`left as Pagefind wrote it: ${reason}`);
      },
    },
  };
}
