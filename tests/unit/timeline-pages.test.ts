// The timeline's order and pages (src/lib/timeline/timeline-pages.ts): the one function the timeline paginates with
// and every link to an event asks, so a link names the page that lists its event.
import { describe, expect, test } from 'vitest';
import {
  compareTimeline,
  eventPath,
  linkedEvent,
  linkedEvents,
  onItsPage,
  paginateTimeline,
  TIMELINE_PAGE_SIZE,
  timelinePagePath,
  yearPages,
  type TimelineKey,
} from '../../src/lib/timeline/timeline-pages.ts';

const event = (id: string, day: string, title = id): TimelineKey => ({ kind: 'event', id, date: new Date(`${day}T00:00:00Z`), title });
const article = (id: string, day: string, title = id): TimelineKey => ({ kind: 'article', id, date: new Date(`${day}T00:00:00Z`), title });
const ids = (keys: TimelineKey[]) => keys.map((key) => `${key.kind}:${key.id}`);

describe('the order of the timeline', () => {
  test.each<[string, TimelineKey[], string[]]>([
    ['oldest first', [article('b', '2021-01-02'), event('a', '2021-01-01')], ['event:a', 'article:b']],
    ['on one day, events before articles', [article('a', '2021-01-01'), event('z', '2021-01-01')], ['event:z', 'article:a']],
    [
      'events of one day by id',
      [event('2021-01-01-b', '2021-01-01', 'A'), event('2021-01-01-a', '2021-01-01', 'B')],
      ['event:2021-01-01-a', 'event:2021-01-01-b'],
    ],
    ['articles of one day by title', [article('a', '2021-01-01', 'Zebra'), article('b', '2021-01-01', 'Apple')], ['article:b', 'article:a']],
    ['articles of one day and one title by slug', [article('b', '2021-01-01', 'Same'), article('a', '2021-01-01', 'Same')], ['article:a', 'article:b']],
    ['nothing', [], []],
  ])('%s', (_name, keys, expected) => {
    expect(ids(paginateTimeline(keys).entries)).toEqual(expected);
    // The comparison alone gives the same order, whichever way round the input comes.
    expect(ids([...keys].reverse().sort(compareTimeline))).toEqual(expected);
  });

  test('keeps what it is given (the timeline list renders the entries it sorts)', () => {
    const given = { ...event('a', '2021-01-01'), extra: 1 };
    expect(paginateTimeline([given]).entries[0]).toBe(given);
  });
});

/** `count` articles a day apart from 2020-01-01, with events placed among them. */
function timeline(count: number, events: TimelineKey[]): TimelineKey[] {
  const articles = Array.from({ length: count }, (_, i) => article(`a${i}`, new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)));
  return [...articles, ...events];
}

describe('the page that lists an event', () => {
  test.each<[string, TimelineKey[], number | undefined, Record<string, number>, number]>([
    ['a short timeline is one page', timeline(3, [event('e', '2020-01-02')]), undefined, { e: 1 }, 1],
    ['the 100th entry is on page 1', timeline(99, [event('last', '2030-01-01')]), undefined, { last: 1 }, 1],
    ['the 101st entry is on page 2', timeline(100, [event('last', '2030-01-01')]), undefined, { last: 2 }, 2],
    ['the first entry stays on page 1', timeline(250, [event('first', '2010-01-01')]), undefined, { first: 1 }, 3],
    [
      'one per page of three',
      [event('a', '2020-01-01'), article('x', '2020-01-02'), article('y', '2020-01-03'), event('b', '2020-01-04'), event('c', '2020-01-10')],
      3,
      { a: 1, b: 2, c: 2 },
      2,
    ],
    ['an event after 250 articles of its day is on page 3', timeline(250, [event('late', '2030-01-01')]), undefined, { late: 3 }, 3],
    ['no entries is still one page', [], undefined, {}, 1],
  ])('%s', (_name, keys, pageSize, pages, pageCount) => {
    const result = paginateTimeline(keys, pageSize);
    expect(Object.fromEntries(result.eventPages)).toEqual(pages);
    expect(result.pageCount).toBe(pageCount);
  });

  test('the page size is the timeline pages’ own, 100 entries', () => expect(TIMELINE_PAGE_SIZE).toBe(100));

  test('a page is the slice Astro’s paginate() makes of the same list', () => {
    const keys = timeline(230, [event('e1', '2019-06-01'), event('e2', '2020-04-15'), event('e3', '2020-08-01'), event('e4', '2031-01-01')]);
    const { entries, eventPages } = paginateTimeline(keys);
    for (const [id, page] of eventPages) {
      const slice = entries.slice((page - 1) * TIMELINE_PAGE_SIZE, page * TIMELINE_PAGE_SIZE);
      expect(slice.some((entry) => entry.kind === 'event' && entry.id === id)).toBe(true);
    }
  });
});

describe('the page where each year starts', () => {
  const days = (...list: string[]) => list.map((day) => new Date(`${day}T00:00:00Z`));
  test.each<[string, Date[], number, { year: number; page: number }[]]>([
    [
      'one page: every year on it',
      days('2016-04-12', '2016-06-01', '2017-01-02', '2021-03-01'),
      100,
      [
        { year: 2016, page: 1 },
        { year: 2017, page: 1 },
        { year: 2021, page: 1 },
      ],
    ],
    [
      'a year running over two pages starts on the first',
      days('2016-01-01', '2017-01-01', '2017-02-01', '2017-03-01', '2018-01-01'),
      2,
      [
        { year: 2016, page: 1 },
        { year: 2017, page: 1 },
        { year: 2018, page: 3 },
      ],
    ],
    [
      'a year that starts a page',
      days('2016-01-01', '2016-02-01', '2017-01-01'),
      2,
      [
        { year: 2016, page: 1 },
        { year: 2017, page: 2 },
      ],
    ],
    // The list groups by the UTC year: an entry of 31 December stays in its year whatever the build machine's zone.
    [
      'years counted in UTC',
      [new Date('2016-12-31T23:30:00Z'), new Date('2017-01-01T00:30:00Z')],
      100,
      [
        { year: 2016, page: 1 },
        { year: 2017, page: 1 },
      ],
    ],
    ['an empty timeline has no years', [], 100, []],
  ])('%s', (_name, dates, pageSize, expected) => expect(yearPages(dates, pageSize)).toEqual(expected));

  test('each year starts on the page that paginateTimeline puts its first entry on', () => {
    const keys = timeline(230, [event('e1', '2019-06-01'), event('e2', '2020-04-15'), event('e3', '2031-01-01')]);
    const { entries } = paginateTimeline(keys);
    for (const { year, page } of yearPages(entries.map((entry) => entry.date))) {
      const first = entries.findIndex((entry) => entry.date.getUTCFullYear() === year);
      expect(Math.floor(first / TIMELINE_PAGE_SIZE) + 1).toBe(page);
    }
  });
});

describe('addresses', () => {
  test.each<[number, string, string]>([
    [1, '/timeline/', '/timeline/#event-2021-01-01-a'],
    [2, '/timeline/2/', '/timeline/2/#event-2021-01-01-a'],
    [12, '/timeline/12/', '/timeline/12/#event-2021-01-01-a'],
  ])('page %i', (page, path, link) => {
    expect(timelinePagePath(page)).toBe(path);
    expect(eventPath('2021-01-01-a', page)).toBe(link);
  });

  test.each<[string, string | undefined]>([
    ['/timeline/#event-2021-09-28-alibaba-apps', '2021-09-28-alibaba-apps'],
    ['/timeline/3/#event-2021-09-28-x', '2021-09-28-x'],
    ['/timeline/', undefined],
    ['/timeline/#chart', undefined],
    ['/timeline/#event-', undefined],
    ['/articles/x/#event-2021-01-01-a', undefined],
    ['/walled-gardens/timeline/#event-a', undefined],
    ['/timeline/#event-a b', undefined],
  ])('%s links to event %s', (path, id) => expect(linkedEvent(path)).toBe(id));

  test.each<[string, string, string[]]>([
    ['none', 'See the [topic](/topics/x/).', []],
    ['in a note body', '    body: See the [timeline](/timeline/#event-2021-09-28-b).\n', ['2021-09-28-b']],
    ['with a page, twice, in order', '[x](/timeline/2/#event-b) and [y](/timeline/#event-a) and [z](/timeline/#event-b)', ['a', 'b']],
    ['under a base already', '<a href="/walled-gardens/timeline/#event-c">', ['c']],
  ])('the events a file links to: %s', (_name, text, expected) => expect(linkedEvents(text)).toEqual(expected));
});

describe('a link pointed at the page that lists its event', () => {
  const pages = new Map([
    ['a', 1],
    ['b', 3],
  ]);
  test.each<[string, string]>([
    ['/timeline/#event-a', '/timeline/#event-a'],
    ['/timeline/#event-b', '/timeline/3/#event-b'],
    ['/timeline/2/#event-b', '/timeline/3/#event-b'],
    ['/timeline/4/#event-a', '/timeline/#event-a'],
    ['/timeline/#event-missing', '/timeline/#event-missing'],
    ['/timeline/2/', '/timeline/2/'],
    ['/articles/x/#p-1', '/articles/x/#p-1'],
  ])('%s → %s', (path, expected) => expect(onItsPage(path, pages)).toBe(expected));
});
