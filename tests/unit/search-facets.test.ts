import { describe, expect, test } from 'vitest';
import {
  facetAttributes,
  filterLabel,
  orderFilterValues,
  recordFacets,
  RESULT_TYPES,
  searchFilterLabels,
  yearOf,
  type Facets,
  type FilterLabels,
} from '../../src/lib/search/facets.ts';
import { NOTE_KINDS } from '../../src/lib/annotations/kinds.ts';

describe('the year filter of a date', () => {
  test.each([
    ['2024-09-05', '2024'],
    ['2016-12-14', '2016'],
    ['2024-9-5', undefined],
    ['September 2024', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s gives %s', (day, year) => {
    expect(yearOf(day)).toBe(year);
  });
});

describe('what each kind of result carries', () => {
  test.each<[string, Facets, ReturnType<typeof recordFacets>]>([
    [
      'an article: its topics are searchable, so it ranks for what it is about',
      { type: 'article', date: '2024-09-05', topics: ['wechat-pay', 'taobao'], outlet: 'TechNewsAgency' },
      {
        filters: { type: ['article'], topic: ['wechat-pay', 'taobao'], year: ['2024'], outlet: ['TechNewsAgency'] },
        meta: { type: 'Article', outlet: 'TechNewsAgency', date: '2024-09-05', topics: 'wechat pay, taobao' },
        sort: { date: '2024-09-05' },
      },
    ],
    [
      'a republished article: the result names both outlets; the outlet filter keeps the one that published it',
      { type: 'article', date: '2021-03-25', outlet: 'Luxury Daily', outletShown: 'Luxury Daily (from Jing Daily)' },
      {
        filters: { type: ['article'], year: ['2021'], outlet: ['Luxury Daily'] },
        meta: { type: 'Article', outlet: 'Luxury Daily (from Jing Daily)', date: '2021-03-25' },
        sort: { date: '2021-03-25' },
      },
    ],
    [
      'an article whose date was inferred: the result says "about"',
      { type: 'article', date: '2024-09-05', datePrecision: 'approximate', outlet: 'TechNewsAgency' },
      {
        filters: { type: ['article'], year: ['2024'], outlet: ['TechNewsAgency'] },
        meta: { type: 'Article', outlet: 'TechNewsAgency', date: '2024-09-05', precision: 'approximate' },
        sort: { date: '2024-09-05' },
      },
    ],
    [
      'an article with a byline: the author is searchable metadata, not a filter',
      { type: 'article', date: '2022-06-28', outlet: 'Luxury Daily', author: 'Yishu Wang' },
      {
        filters: { type: ['article'], year: ['2022'], outlet: ['Luxury Daily'] },
        meta: { type: 'Article', outlet: 'Luxury Daily', author: 'Yishu Wang', date: '2022-06-28' },
        sort: { date: '2022-06-28' },
      },
    ],
    [
      "an article's topics known by name: the names are searched, once each",
      { type: 'article', topics: ['jd-com', 'taobao'], topicNames: ['JD.com', 'Taobao', 'Taobao'] },
      { filters: { type: ['article'], topic: ['jd-com', 'taobao'] }, meta: { type: 'Article', topics: 'JD.com, Taobao' }, sort: {} },
    ],
    [
      'an article with notes: one kind filter per kind of note it has, once each',
      { type: 'article', date: '2022-06-28', outlet: 'Luxury Daily', kinds: ['correction', 'definition', 'correction'] },
      {
        filters: { type: ['article'], year: ['2022'], outlet: ['Luxury Daily'], kind: ['correction', 'definition'] },
        meta: { type: 'Article', outlet: 'Luxury Daily', date: '2022-06-28' },
        sort: { date: '2022-06-28' },
      },
    ],
    [
      'a topic: no date, so no year and no date sort',
      { type: 'topic', topics: ['taobao'] },
      { filters: { type: ['topic'], topic: ['taobao'] }, meta: { type: 'Topic', topics: 'taobao' }, sort: {} },
    ],
    [
      "a timeline page: its events' years and topics as filters, no date sort, topics not searchable",
      { type: 'timeline', days: ['2024-09-05', '2021-01-01', 'about 2021', '2024-01-02'], topics: [' alibaba', 'alibaba', ''] },
      { filters: { type: ['timeline'], topic: ['alibaba'], year: ['2021', '2024'] }, meta: { type: 'Timeline' }, sort: {} },
    ],
  ])('%s', (_, facets, expected) => {
    expect(recordFacets(facets)).toEqual(expected);
  });
});

describe('facets as page attributes', () => {
  test('one inline value per element; a value may hold commas', () => {
    expect(facetAttributes({ type: 'article', date: '2021-07-15', topics: ['antitrust'], outlet: 'Smith, Jones & Co' })).toEqual({
      filters: ['type:article', 'topic:antitrust', 'year:2021', 'outlet:Smith, Jones & Co'],
      meta: ['type:Article', 'outlet:Smith, Jones & Co', 'date:2021-07-15', 'topics:antitrust'],
      sort: ['date:2021-07-15'],
    });
  });
});

describe('filter values as the search page shows them', () => {
  const labels: FilterLabels = { topic: { 'wechat-pay': 'WeChat Pay', 'jd-com': 'JD.com' } };
  test.each([
    ['topic', 'wechat-pay', 'WeChat Pay'],
    ['topic', 'jd-com', 'JD.com'],
    ['topic', 'a-topic-since-removed', 'a-topic-since-removed'],
    ['year', '2024', '2024'],
    ['outlet', 'wechat-pay', 'wechat-pay'],
    ['topic', 'constructor', 'constructor'],
  ])('%s %s reads %s', (key, value, label) => {
    expect(filterLabel(labels, key, value)).toBe(label);
  });
});

describe("the search page's filter labels", () => {
  const labels = searchFilterLabels([{ slug: 'wechat-pay', title: 'WeChat Pay' }]);
  test.each([
    ['type', 'article', 'Articles'],
    ['type', 'topic', 'Topics'],
    ['type', 'timeline', 'Timeline'],
    ['kind', 'correction', 'Corrections'],
    ['kind', 'fact-check', 'Fact-checks'],
    ['kind', 'context', 'Context'],
    ['kind', 'cross-reference', 'Cross-references'],
    ['kind', 'footnote', 'Footnotes'],
    ['topic', 'wechat-pay', 'WeChat Pay'],
    ['year', '2024', '2024'],
    ['outlet', 'PYMNTS', 'PYMNTS'],
  ])('%s %s reads %s', (key, value, label) => {
    expect(filterLabel(labels, key, value)).toBe(label);
  });

  test('every result type and every kind of note has a label of its own', () => {
    for (const type of RESULT_TYPES) expect(filterLabel(labels, 'type', type)).not.toBe(type);
    for (const kind of NOTE_KINDS) expect(filterLabel(labels, 'kind', kind)).not.toBe(kind);
  });
});

describe('the order the search page lists filter values in', () => {
  const labels = searchFilterLabels([
    { slug: 'wechat-pay', title: 'WeChat Pay' },
    { slug: 'alibaba', title: 'Alibaba' },
  ]);
  test.each<[Parameters<typeof orderFilterValues>[1], string[], string[]]>([
    ['type', ['timeline', 'topic', 'article'], ['article', 'topic', 'timeline']],
    ['kind', ['update', 'footnote', 'context', 'correction'], ['context', 'correction', 'update', 'footnote']],
    ['year', ['2016', '2024', '2021'], ['2024', '2021', '2016']],
    ['topic', ['wechat-pay', 'alibaba'], ['alibaba', 'wechat-pay']],
    ['outlet', ['Reuters', 'CNBC', 'Luxury Daily'], ['CNBC', 'Luxury Daily', 'Reuters']],
  ])('%s: %j is listed as %j', (key, values, expected) => {
    expect(orderFilterValues(labels, key, values)).toEqual(expected);
  });
});
