import { describe, expect, test } from 'vitest';
import { searchFilterLabels } from '../../src/lib/search/facets.ts';
import {
  activeFilters,
  readSearchState,
  refinementChanged,
  searchQuery,
  searchSummary,
  searchTitle,
  type SearchState,
} from '../../src/lib/search/search-url.ts';

const state = (term: string, filters: Record<string, string[]> = {}, sort: SearchState['sort'] = 'relevance'): SearchState => ({ term, filters, sort });

describe('a search read from its address', () => {
  test.each<[string, SearchState]>([
    ['', state('')],
    ['?q=lazada', state('lazada')],
    ['?q=wechat+pay&year=2024', state('wechat pay', { year: ['2024'] })],
    ['?q=%E6%B7%98%E5%AE%9D', state('淘宝')],
    ['?type=note&type=event&kind=correction', state('', { type: ['note', 'event'], kind: ['correction'] })],
    ['?q=+tmall+&type=note&type=note&type=', state('tmall', { type: ['note'] })],
    ['?q=x&sort=newest', state('x', {}, 'newest')],
    ['?q=x&sort=sideways&utm_source=mail&colour=red', state('x')],
  ])('%s', (query, expected) => {
    expect(readSearchState(query)).toEqual(expected);
  });
});

describe('a search written as an address', () => {
  test.each<[SearchState, string]>([
    [state(''), ''],
    [state('  '), ''],
    [state('wechat pay', { year: ['2024'] }), '?q=wechat+pay&year=2024'],
    // Filters in a fixed order, whatever order they were chosen in, so equal searches have equal addresses.
    [state('x', { kind: ['update'], type: ['note'], topic: ['taobao', 'tmall'] }), '?q=x&type=note&topic=taobao&topic=tmall&kind=update'],
    [state('x', {}, 'oldest'), '?q=x&sort=oldest'],
    [state('淘宝'), '?q=%E6%B7%98%E5%AE%9D'],
  ])('%o is %s', (search, query) => {
    expect(searchQuery(search)).toBe(query);
  });

  test.each(['?q=cost+per+mille&type=note&kind=correction&sort=newest', '?topic=ipmart', '?q=a%26b'])('%s reads back as itself', (query) => {
    expect(searchQuery(readSearchState(query))).toBe(query);
  });
});

describe('what makes a new history entry', () => {
  test.each<[SearchState, SearchState, boolean]>([
    [state('wechat'), state('wechat pay'), false],
    [state('wechat'), state('wechat', { year: ['2024'] }), true],
    [state('wechat', { year: ['2024'] }), state('wechat'), true],
    [state('wechat'), state('wechat', {}, 'newest'), true],
    [state('a', { type: ['note', 'event'] }), state('b', { type: ['note', 'event'] }), false],
  ])('%o → %o: %s', (before, after, expected) => {
    expect(refinementChanged(before, after)).toBe(expected);
  });
});

test('cleared filters (empty lists) are dropped', () => {
  expect(activeFilters({ type: [], year: ['2024'], topic: 'x' })).toEqual({ year: ['2024'] });
});

describe("the page's title for a search", () => {
  const labels = searchFilterLabels([{ slug: 'wechat-pay', title: 'WeChat Pay' }]);
  const page = 'Search · Walled Gardens, Annotated';
  test.each<[SearchState, string]>([
    [state(''), page],
    [state('wechat pay'), `“wechat pay” · ${page}`],
    [state('wechat pay', { year: ['2024'] }), `“wechat pay”, 2024 · ${page}`],
    [state('', { kind: ['correction'], topic: ['wechat-pay'], type: ['article'] }), `Articles, WeChat Pay, Corrections · ${page}`],
    [state('淘宝', {}, 'newest'), `“淘宝” · ${page}`],
    [state('x', { topic: ['no-such-topic'] }), `“x”, no-such-topic · ${page}`],
  ])('%o', (search, title) => {
    expect(searchTitle(search, labels, page)).toBe(title);
  });
});

describe('what a search found, as the search UIs announce it', () => {
  test.each<[number, string, number | undefined, string]>([
    [3, 'wechat pay', undefined, '3 results for “wechat pay”'],
    [1, 'ipmart', undefined, '1 result for “ipmart”'],
    [12, '', undefined, '12 results'],
    [0, 'zzz', undefined, 'No results for “zzz”'],
    [0, '', undefined, 'No results'],
    [1316, 'alibaba', undefined, '1,316 results for “alibaba”'],
    // The banner's list shows the first six.
    [23, 'lazada', 6, '23 results for “lazada”, 6 listed'],
    [6, 'lazada', 6, '6 results for “lazada”'],
    [2, 'lazada', 2, '2 results for “lazada”'],
  ])('%i found for "%s", %s listed: %s', (count, term, listed, text) => {
    expect(searchSummary(count, term, listed)).toBe(text);
  });
});
