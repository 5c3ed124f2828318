// Pagefind's search engine, through its JS API (pagefind.js from the bundle the build writes to <base>/pagefind/),
// loaded once per page and only when a reader starts a search; and what both search UIs (the banner's list,
// src/browser/search-ui.ts, and the results page, src/browser/search-page.ts) show of a result. Nothing here asks
// Pagefind for every filter: a search loads the index chunks for its words and the filters it names, and each
// result's fragment when it is shown.
import { pageOpening, resultParts, shownParts, type ResultFragment, type ResultPart } from '../lib/search/sub-results.ts';
import { TYPE_LABELS, type ResultType } from '../lib/search/facets.ts';
import { metaMatches, unmatchedWords, type MetaMatch } from '../lib/search/meta-matches.ts';
import type { Filters } from '../lib/search/search-url.ts';
import { BUNDLE_PATH, HIGHLIGHT_PARAM } from './search-paths.ts';
import { formatPublished } from '../lib/dates.ts';

const base = import.meta.env.BASE_URL;

/**
 * Ranking. A title, a page's topics and a topic's aliases count most. Labels many pages share (type, date)
 * never lift a result. Field names: see recordFacets() in src/lib/search/facets.ts.
 */
export const RANKING = {
  metaWeights: { title: 5, topics: 5, aliases: 5, outlet: 1, type: 0, date: 0, precision: 0 },
};

/** Words of context around a match. */
export const EXCERPT_LENGTH = 24;

export interface PagefindResult {
  id: string;
  data(): Promise<ResultFragment>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  /** Per filter value, how many results the search would have with it: only for filters already loaded. */
  filters: Record<string, Record<string, number>>;
}

/** A search's filters as Pagefind takes them: a reader's values for one filter are alternatives. */
type PagefindFilters = Record<string, { any: string[] }>;

/** The parts of pagefind.js (its documented JS API) used here. */
export interface PagefindEngine {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, string> }): Promise<PagefindResponse | null>;
  /** Loads every filter (all its files) and gives each value's count over the whole index. */
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** The options pagefind.js is started with, here and by the search page's early start (src/pages/search.astro). */
export function engineOptions(): Record<string, unknown> {
  return { basePath: BUNDLE_PATH, baseUrl: base, excerptLength: EXCERPT_LENGTH, highlightParam: HIGHLIGHT_PARAM, ranking: RANKING };
}

declare global {
  interface Window {
    /** Pagefind as the search page started it while the page was still loading (src/pages/search.astro), when
     * its address asks for a search: the same module, options and start as loadSearchEngine() below. */
    searchEngineStarted?: Promise<PagefindEngine>;
  }
}

let loading: Promise<PagefindEngine> | undefined;

/** Loads and starts Pagefind once per page; rejects (and allows a retry) when the bundle is missing. */
export function loadSearchEngine(): Promise<PagefindEngine> {
  loading ??= (
    window.searchEngineStarted ??
    (async () => {
      const engine = (await import(/* @vite-ignore */ `${BUNDLE_PATH}pagefind.js`)) as PagefindEngine;
      await engine.options(engineOptions());
      await engine.init();
      return engine;
    })()
  ).catch((error: unknown) => {
    loading = undefined;
    window.searchEngineStarted = undefined;
    throw new Error(`The search index could not be loaded from ${BUNDLE_PATH} (it is written by npm run build): ${String(error)}`);
  });
  return loading;
}

/** Runs a search: words (or none, for filters alone), filters, and an order ({ date: 'desc' }). */
export async function runSearch(engine: PagefindEngine, term: string, filters: Filters = {}, sort: Record<string, string> = {}): Promise<PagefindResponse> {
  const named = Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, { any: values }]));
  const faceted = !term.trim() && Object.keys(named).length > 0;
  const response = await engine.search(faceted ? null : term, { filters: named, sort });
  return response ?? { results: [], filters: {} };
}

/** One result as the search UIs show it. */
export interface ShownResult {
  url: string;
  title: string;
  /** "Article", "Topic", "Timeline". */
  typeLabel: string;
  outlet?: string;
  /** YYYY-MM-DD. */
  date?: string;
  /** The date as the lists show it: "5 September 2024", "about 15 July 2021". */
  dateText?: string;
  /** The page's own matching words in context (HTML with <mark>, from Pagefind's escaped text). */
  excerpt: string;
  /** The metadata it was found by (its topics, author…) for the search's words its own text does not answer, those
   * words marked. */
  foundBy: MetaMatch[];
  /** The notes or events that match, the best few, in page order. */
  parts: ResultPart[];
  /** Matching parts not shown. */
  moreParts: number;
}

/** Parts shown under a result on the results page. */
export const PARTS_PER_RESULT = 3;

/** What a result shows, from its fragment, for the search's words (`term`); the filters keep only the notes of the
 * kinds and the events of the years filtered by. */
export function shownResult(fragment: ResultFragment, term: string, filters: Filters = {}, most = PARTS_PER_RESULT): ShownResult {
  const { parts, ownExcerpt, matchedWords } = resultParts(fragment, { excerptLength: EXCERPT_LENGTH, kinds: filters.kind, years: filters.year });
  const type = fragment.filters.type?.[0] as ResultType | undefined;
  const shown = shownParts(parts, most);
  return {
    url: fragment.url,
    title: fragment.meta.title ?? fragment.url,
    typeLabel: fragment.meta.type ?? (type ? TYPE_LABELS[type] : ''),
    outlet: fragment.meta.outlet,
    date: fragment.meta.date,
    dateText: fragment.meta.date && formatPublished(new Date(fragment.meta.date), fragment.meta.precision === 'approximate' ? 'approximate' : 'day'),
    // A page found by its title or metadata alone shows its first words.
    excerpt: ownExcerpt || (parts.length ? '' : pageOpening(fragment, EXCERPT_LENGTH)),
    // Found by words its text does not have ("618" in a topic's title): say what it was found by.
    foundBy: metaMatches(fragment.meta, unmatchedWords(term, matchedWords), fragment.filters.topic?.length),
    parts: shown,
    moreParts: parts.length - shown.length,
  };
}
