// Builds the site search index from the built site, with Pagefind's Node API, into dist/pagefind/ (run by
// `npm run build` once `astro build` has written the pages and exited: src/cli/build.ts).
// Everything the index holds is what the page templates write from the content entries they render (their
// data-pagefind-* attributes): this step only hands the built site to Pagefind, with the parts of a page that are
// not its own text, and writes the bundle as Pagefind ships it. One record per page; an article's margin notes
// and a timeline page's events are sub-results of that page, not records of their own.
//
// ## Search indexing conventions (for page templates)
//
// A page is a search result only if it carries `data-pagefind-body`; every other page (home, lists, about,
// search) is left out. Pagefind reads only the page files listed in src/lib/search/searched-pages.ts: a new page
// type marked for search goes there too (the link check stops the build if one is missing). Inside the body,
// Pagefind already skips <nav>, <footer>, <form> and <script>; mark anything else that repeats other pages with
// `data-pagefind-ignore`.
//
// - The main wrapper: `<article data-pagefind-body>` whose first <h1> is the result's title.
// - Facets, as hidden inline values, one element per value: render them with src/components/SearchFacets.astro,
//   which spells them with `facetAttributes()` from src/lib/search/facets.ts:
//     <div hidden data-pagefind-ignore>
//       <span data-pagefind-filter="type:article"></span>       type: article | topic | timeline
//       <span data-pagefind-filter="topic:taobao"></span>       one per topic slug (the search page shows titles)
//       <span data-pagefind-filter="year:2024"></span>          from the date (a timeline page: its events' years)
//       <span data-pagefind-filter="outlet:PYMNTS"></span>      articles only
//       <span data-pagefind-filter="kind:correction"></span>    articles: one per kind of note the article has
//       <span data-pagefind-meta="type:Article"></span>         the label a result shows
//       <span data-pagefind-meta="date:2024-09-05"></span>      YYYY-MM-DD; also outlet:… and author:… for articles
//       <span data-pagefind-meta="precision:approximate"></span> an inferred date: "about 5 September 2024"
//       <span data-pagefind-meta="topics:Taobao"></span>        searchable: a page ranks for its topics
//       <span data-pagefind-sort="date:2024-09-05"></span>      pages without a date drop out of a date sort
//     </div>
// - Sub-results: an element with an `id` and `data-pagefind-title` inside the body is a part of its page that a
//   search can point to (Pagefind 1.6 records it as a titled anchor). A margin note is
//   `<div class="sidenote" id="note-X" data-pagefind-title="Correction on “…”">` (src/plugins/rehype-annotations.ts;
//   the title starts with the kind's label, which the search page reads back for the kind filter); a timeline
//   event is `<li id="event-X" data-pagefind-title="<event title>">` (src/components/TimelineList.astro). A part
//   runs to the next element with an id (src/lib/search/sub-results.ts).
// - Topic pages: src/pages/topics/[slug]/index.astro, `<SearchFacets type="topic" …/>` (no date, so no year, and
//   a date sort leaves topics out). The aliases are shown as text inside the body ("Also written: Taobao
//   Marketplace, 淘宝") in an element marked `data-pagefind-meta="aliases"`: aliases then rank like a title
//   (RANKING in src/browser/search-engine.ts). What the build gathers from other pages (the counts, coverage,
//   mentions, notes, timeline and related topics) is wrapped in `data-pagefind-ignore`, so a topic is found by its
//   own overview and figures.
// - Article pages: src/pages/articles/[slug].astro; the "Notes" list at the end and the header's labels are left
//   out by EXCLUDED_SELECTORS below (the notes themselves are indexed where they stand, beside their paragraph).
// - Timeline pages: src/pages/timeline/[...page].astro (paginated), one result each, its events as sub-results;
//   the articles' publications it lists are left out (they are results of their own).
//
// Every language is indexed as one ("en", forceLanguage), so Chinese names (淘宝) and English text are found
// from the same search box.
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchedPagesGlob } from './searched-pages.ts';

/** Every language as one, so Chinese names and English words are searched together. */
export const SEARCH_LANGUAGE = 'en';

/**
 * Parts of an indexed page that are not its own text: a topic page's footnotes (its sources), the "Notes" list at the
 * end (which names the notes shown beside the text), a note's number and kind label (its sub-result title says the
 * kind) and its sources line, the notes' numbers in the text, the article header's labels (outlet, author, date,
 * reading time, topics, original's address, the credit line the outlet printed), which the page's metadata and
 * filters carry instead (left in, they would match every article: "read", "published"), and the timeline's chart and
 * publications (each article is a result of its own).
 */
export const EXCLUDED_SELECTORS = [
  '.topic .sidenotes',
  'section.endnotes',
  '.note-head',
  '.note-sources',
  '.note-marker',
  '.article-header__outlet',
  '.article-meta',
  '.article-header__topics',
  '.article-header__note',
  '.article-header__source',
  '.article-header__credit',
  '.timeline-chart',
  '.timeline-publication',
  '.timeline-event__topics',
];

export interface IndexSummary {
  /** HTML pages Pagefind read: those of the searched page types. */
  pages: number;
  /** Records it wrote, one per page marked data-pagefind-body (a fragment file each). */
  records: number;
  /** Bytes of the index proper (word index, fragments, filters, metadata), without the bundle's scripts. */
  indexBytes: number;
}

async function check<T extends { errors: string[] }>(what: string, response: Promise<T>): Promise<T> {
  const result = await response;
  if (result.errors.length) throw new Error(`Search index: ${what} failed: ${result.errors.join('; ')}`);
  return result;
}

/** A written bundle's records (fragment files) and bytes of index data: the word index, fragments, filters and
 * metadata (not the scripts). */
async function indexSize(bundleDir: string): Promise<{ records: number; indexBytes: number }> {
  const entries = await readdir(bundleDir, { recursive: true, withFileTypes: true });
  const data = entries.filter((e) => e.isFile() && (/^(index|fragment|filter)$/.test(basename(e.parentPath)) || e.name.endsWith('.pf_meta')));
  const sizes = await Promise.all(data.map(async (e) => (await stat(join(e.parentPath, e.name))).size));
  return { records: data.filter((e) => basename(e.parentPath) === 'fragment').length, indexBytes: sizes.reduce((sum, size) => sum + size, 0) };
}

/** Indexes the built site in siteDir and writes the bundle to siteDir/pagefind/. */
export async function buildSearchIndex(siteDir: string): Promise<IndexSummary> {
  const { index } = await check('starting Pagefind', pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE, excludeSelectors: EXCLUDED_SELECTORS }));
  if (!index) throw new Error('Search index: Pagefind did not create an index.');
  try {
    // Only the page types that are search results (src/lib/search/searched-pages.ts): given every page, Pagefind
    // parses them all before it drops those without data-pagefind-body.
    const { page_count: pages } = await check(`reading ${siteDir}`, index.addDirectory({ path: siteDir, glob: searchedPagesGlob() }));
    // Pagefind writes into the folder as it finds it and removes nothing: an index left there (the output folder is
    // not emptied between builds, astro.config.mjs) would keep every file it no longer uses.
    await rm(join(siteDir, 'pagefind'), { recursive: true, force: true });
    await check('writing the index', index.writeFiles({ outputPath: join(siteDir, 'pagefind') }));
    // Measured on disk: asking Pagefind for its files (getFiles) would send the whole index over its pipe.
    return { pages, ...(await indexSize(join(siteDir, 'pagefind'))) };
  } finally {
    await pagefind.close();
  }
}

/** The line the build prints about the index it wrote. */
export function indexReport(summary: IndexSummary): string {
  return `${summary.records} search records written to pagefind/ from ${summary.pages} pages, notes and events as sub-results of their page (${Math.round(summary.indexBytes / 1024)} KiB of index).`;
}
