// A search as an address: /search/?q=wechat+pay&year=2024&type=article&sort=newest. The search page reads
// its state from here on load and on Back/Forward, and writes it back after every change, so a search can be
// bookmarked or shared and the browser's history walks through it.
import { countOf, formatCount } from '../counts.ts';
import { FILTER_KEYS, filterLabel, type FilterLabels } from './facets.ts';

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORTS)[number];

/** Pagefind's sort option for each order; relevance is Pagefind's default ranking. */
export const PAGEFIND_SORT: Record<SortOrder, Record<string, 'asc' | 'desc'>> = {
  relevance: {},
  newest: { date: 'desc' },
  oldest: { date: 'asc' },
};

export type Filters = Record<string, string[]>;

export interface SearchState {
  term: string;
  filters: Filters;
  sort: SortOrder;
}

export const TERM_PARAM = 'q';
export const SORT_PARAM = 'sort';

const isSort = (value: string | null): value is SortOrder => (SORTS as readonly string[]).includes(value ?? '');

/** Reads a search from a query string; unknown parameters and empty values are ignored. */
export function readSearchState(query: string | URLSearchParams): SearchState {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length) filters[key] = values;
  }
  const sort = params.get(SORT_PARAM);
  return { term: (params.get(TERM_PARAM) ?? '').trim(), filters, sort: isSort(sort) ? sort : 'relevance' };
}

/** The query string of a search ("" for an empty one), keys in a stable order so equal searches compare equal. */
export function searchQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.term.trim()) params.set(TERM_PARAM, state.term.trim());
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort !== 'relevance') params.set(SORT_PARAM, state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Drops filters with no values (Pagefind reports a cleared filter as an empty list). */
export function activeFilters(filters: Record<string, unknown>): Filters {
  const active: Filters = {};
  for (const [key, values] of Object.entries(filters)) {
    if (Array.isArray(values) && values.length) active[key] = values.map(String);
  }
  return active;
}

/** True when two searches differ in more than their words: a change worth its own history entry. */
export function refinementChanged(a: SearchState, b: SearchState): boolean {
  return searchQuery({ ...a, term: '' }) !== searchQuery({ ...b, term: '' });
}

/**
 * The page's title for a search, so a tab, a bookmark and each entry of the browser's history say what was searched
 * (and a screen reader announces it): the words in quotes, then the filters' values as readers see them, before the
 * page's own title. `“wechat pay”, 2024 · Search · Walled Gardens, Annotated`; the page's own title alone when
 * nothing is asked.
 */
export function searchTitle(state: SearchState, labels: FilterLabels, pageTitle: string): string {
  const asked = [
    ...(state.term ? [`“${state.term}”`] : []),
    ...FILTER_KEYS.flatMap((key) => (state.filters[key] ?? []).map((value) => filterLabel(labels, key, value))),
  ];
  return asked.length ? `${asked.join(', ')} · ${pageTitle}` : pageTitle;
}

/**
 * What a search found, as both search UIs announce it: "3 results for “wechat pay”", "12 results" (filters alone),
 * "No results for “zzz”"; the banner's list, which shows the first few, adds how many it lists ("23 results for
 * “lazada”, 6 listed"). The words are quoted, as the page's title quotes them, so they read apart from ours.
 */
export function searchSummary(count: number, term: string, listed = count): string {
  const found = `${count === 0 ? 'No results' : countOf(count, 'result')}${term ? ` for “${term}”` : ''}`;
  return listed < count ? `${found}, ${formatCount(listed)} listed` : found;
}
