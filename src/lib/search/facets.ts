// The search index's vocabulary: which kinds of result exist, which filters, metadata and sort keys each
// page carries, and how they are spelled. Page templates write them as data-pagefind-* attributes
// (src/components/SearchFacets.astro) from the entries they render, so a filter value is written one way
// everywhere and the search page can rely on it. Results are whole pages; an article's notes and the
// timeline's events are sub-results of their page (see src/lib/search/sub-results.ts).
import { KIND_PLURAL_LABELS, NOTE_KINDS } from '../annotations/kinds.ts';
import type { DatePrecision } from '../dates.ts';

export const RESULT_TYPES = ['article', 'topic', 'timeline'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

/** Filters a reader can narrow results by, in the order the search page offers them. */
export const FILTER_KEYS = ['type', 'topic', 'year', 'outlet', 'kind'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The filters as the search page offers them: what each is called, in the order readers narrow by. */
export const FILTER_NAMES: [FilterKey, string][] = [
  ['type', 'Type'],
  ['year', 'Year'],
  ['topic', 'Topic'],
  ['outlet', 'Outlet'],
  ['kind', 'Kind of note'],
];

/** What a result is, as the search page labels it. */
export const TYPE_LABELS: Record<ResultType, string> = {
  article: 'Article',
  topic: 'Topic',
  timeline: 'Timeline',
};

/** What a result is, in the plural, as the type filter lists it ("Articles 12"). */
export const TYPE_PLURAL_LABELS: Record<ResultType, string> = {
  article: 'Articles',
  topic: 'Topics',
  timeline: 'Timeline',
};

/**
 * What readers see for filter values that are not words, by filter: topic titles for the topic slugs the index
 * and the search address keep (?topic=wechat-pay shows as "WeChat Pay"), "Articles" for ?type=article,
 * "Corrections" for ?kind=correction. A value without a label shows as is.
 */
export type FilterLabels = Partial<Record<FilterKey, Record<string, string>>>;

/** The labels of the search page's filters, given the site's topics. */
export function searchFilterLabels(topics: readonly { slug: string; title: string }[]): FilterLabels {
  return {
    type: { ...TYPE_PLURAL_LABELS },
    kind: { ...KIND_PLURAL_LABELS },
    topic: Object.fromEntries(topics.map((topic) => [topic.slug, topic.title])),
  };
}

/** The label of one filter value. */
export function filterLabel(labels: FilterLabels, key: string, value: string): string {
  const names = Object.hasOwn(labels, key) ? labels[key as FilterKey] : undefined;
  return names && Object.hasOwn(names, value) ? names[value]! : value;
}

const FIXED_ORDER: Partial<Record<FilterKey, readonly string[]>> = { type: RESULT_TYPES, kind: [...NOTE_KINDS, 'footnote'] };

/** A filter's values in the order the search page lists them: types and kinds as declared, the latest year
 * first, the rest by their labels. */
export function orderFilterValues(labels: FilterLabels, key: FilterKey, values: readonly string[]): string[] {
  const fixed = FIXED_ORDER[key];
  const rank = (value: string) => (fixed?.includes(value) ? fixed.indexOf(value) : Infinity);
  return [...values].sort((a, b) => {
    if (fixed) return rank(a) - rank(b) || a.localeCompare(b);
    if (key === 'year') return b.localeCompare(a);
    return filterLabel(labels, key, a).localeCompare(filterLabel(labels, key, b), 'en');
  });
}

export interface Facets {
  type: ResultType;
  /** Calendar day, YYYY-MM-DD: an article's publication. */
  date?: string;
  /** `approximate` when that day was inferred: a result then says "about 15 July 2021", as the lists do. */
  datePrecision?: DatePrecision;
  /** More days the page covers, for the year filter only: a timeline page's events. */
  days?: readonly string[];
  /** Topic slugs (the /topics/<slug>/ part). */
  topics?: readonly string[];
  /** What those topics are called ("WeChat Pay"), for a page's searchable topics; without them, the slugs. */
  topicNames?: readonly string[];
  outlet?: string;
  /** How a result names its outlet, when more than the outlet filter's value: "Luxury Daily (from Jing Daily)". */
  outletShown?: string;
  /** An article's byline, searchable. */
  author?: string;
  /** The kinds of the page's notes (correction, fact-check…): the kind filter keeps pages that have one. */
  kinds?: readonly string[];
}

/** Filters, metadata and sort keys, by name. */
export interface RecordFacets {
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  sort: Record<string, string>;
}

const ISO_DAY = /^(\d{4})-\d{2}-\d{2}$/;

/** The year filter value of a YYYY-MM-DD day; undefined for anything else. */
export function yearOf(day: string | undefined): string | undefined {
  return day ? ISO_DAY.exec(day)?.[1] : undefined;
}

const unique = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

export function recordFacets(facets: Facets): RecordFacets {
  const filters: Record<string, string[]> = { type: [facets.type] };
  const meta: Record<string, string> = { type: TYPE_LABELS[facets.type] };
  const sort: Record<string, string> = {};
  const year = yearOf(facets.date);
  const topics = unique(facets.topics ?? []);
  const years = unique([facets.date, ...(facets.days ?? [])].map(yearOf).filter((y) => y !== undefined)).sort();
  const kinds = unique(facets.kinds ?? []);

  if (topics.length) filters.topic = topics;
  if (years.length) filters.year = years;
  if (facets.outlet) {
    filters.outlet = [facets.outlet];
    meta.outlet = facets.outletShown ?? facets.outlet;
  }
  if (facets.author) meta.author = facets.author;
  if (kinds.length) filters.kind = kinds;
  if (facets.date && year) {
    meta.date = facets.date;
    sort.date = facets.date;
    if (facets.datePrecision === 'approximate') meta.precision = 'approximate';
  }
  // Articles and topics rank for the topics they are about (a searchable meta field, boosted in the ranking);
  // a timeline page, which lists every topic's events, ranks by its own words only.
  if (topics.length && facets.type !== 'timeline') {
    const names = facets.topicNames?.length ? facets.topicNames : topics.map((t) => t.replaceAll('-', ' '));
    meta.topics = [...new Set(names)].join(', ');
  }
  return { filters, meta, sort };
}

/**
 * The same facets as inline data-pagefind-* attribute values, for a page template: one element per value,
 * `<span data-pagefind-filter={value} />`. Inline values may contain commas ("outlet:Smith, Jones" is one
 * value) because Pagefind reads an inline value to the end of the attribute.
 */
export function facetAttributes(facets: Facets): { filters: string[]; meta: string[]; sort: string[] } {
  const { filters, meta, sort } = recordFacets(facets);
  return {
    filters: Object.entries(filters).flatMap(([key, values]) => values.map((value) => `${key}:${value}`)),
    meta: Object.entries(meta).map(([key, value]) => `${key}:${value}`),
    sort: Object.entries(sort).map(([key, value]) => `${key}:${value}`),
  };
}
