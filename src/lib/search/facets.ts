// The search index's vocabulary: which kinds of result exist, which filters, metadata and sort keys each
// record carries, and how they are spelled. Page templates (through their data-pagefind-* attributes) and the
// records the build adds for notes and timeline events both go through here, so a filter value is written
// one way everywhere and the search page can rely on it.
import { KIND_PLURAL_LABELS } from '../annotations/kinds.ts';

export const RESULT_TYPES = ['article', 'topic', 'note', 'event'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

/** Filters a reader can narrow results by, in the order the search page offers them. */
export const FILTER_KEYS = ['type', 'topic', 'year', 'outlet', 'kind'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** What a result is, as the search page labels it. */
export const TYPE_LABELS: Record<ResultType, string> = {
  article: 'Article',
  topic: 'Topic',
  note: 'Note',
  event: 'Event',
};

/** What a result is, in the plural, as the type filter lists it ("Articles 12"). */
export const TYPE_PLURAL_LABELS: Record<ResultType, string> = {
  article: 'Articles',
  topic: 'Topics',
  note: 'Notes',
  event: 'Events',
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

export interface Facets {
  type: ResultType;
  /** Calendar day, YYYY-MM-DD: an article's publication, a note's article, an event's date. */
  date?: string;
  /** Topic slugs (the /topics/<slug>/ part). */
  topics?: readonly string[];
  /** What those topics are called ("WeChat Pay"), for a page's searchable topics; without them, the slugs. */
  topicNames?: readonly string[];
  outlet?: string;
  /** An article's byline, searchable. */
  author?: string;
  /** A note's kind, as its data-kind says: correction, fact-check… */
  kind?: string;
  /** The kind as readers see it: "Correction". */
  kindLabel?: string;
  /** For a note or an event: the page it belongs to, shown under the result's title. */
  context?: string;
}

/** Filters, metadata and sort keys in the shape Pagefind's addCustomRecord takes. */
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

export function recordFacets(facets: Facets): RecordFacets {
  const filters: Record<string, string[]> = { type: [facets.type] };
  const meta: Record<string, string> = { type: TYPE_LABELS[facets.type] };
  const sort: Record<string, string> = {};
  const year = yearOf(facets.date);
  const topics = [...new Set((facets.topics ?? []).map((t) => t.trim()).filter(Boolean))];

  if (topics.length) filters.topic = topics;
  if (year) filters.year = [year];
  if (facets.outlet) {
    filters.outlet = [facets.outlet];
    meta.outlet = facets.outlet;
  }
  if (facets.author) meta.author = facets.author;
  if (facets.kind) {
    filters.kind = [facets.kind];
    meta.kind = facets.kindLabel ?? facets.kind;
  }
  if (facets.date && year) {
    meta.date = facets.date;
    sort.date = facets.date;
  }
  // Whole pages rank for the topics they are about (a searchable meta field, boosted in the ranking);
  // notes and events rank by their own words only, so a page comes before its parts.
  if (topics.length && (facets.type === 'article' || facets.type === 'topic')) {
    const names = facets.topicNames?.length ? facets.topicNames : topics.map((t) => t.replaceAll('-', ' '));
    meta.topics = [...new Set(names)].join(', ');
  }
  if (facets.context) meta.context = facets.context;
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
