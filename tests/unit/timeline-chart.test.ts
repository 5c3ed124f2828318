import { describe, expect, test } from 'vitest';
import { describeTimeline, layoutTimeline, NARROW_CHART, WIDE_CHART, type ChartItem } from '../../src/lib/timeline/chart-layout.ts';

const item = (id: string, iso: string, lane: ChartItem['lane'] = 'event'): ChartItem => ({ id, date: new Date(iso), lane });

describe('timeline chart layout', () => {
  test('years become ticks spread evenly across the width', () => {
    const layout = layoutTimeline([item('a', '2016-01-01'), item('b', '2017-06-01')], { width: 224, padding: 12 });
    expect(layout.ticks.map((t) => t.label)).toEqual(['2016', '2017', '2018']);
    expect(layout.ticks.map((t) => t.x)).toEqual([12, expect.closeTo(112, 0), 212]);
  });

  // Each year's label (A) or its tick alone (-), from the years' spacing: at least 55 units between labels, in the
  // drawing for the text column (600 units) and in the phone's (360).
  test.each([
    ['two years of items, three ticks', WIDE_CHART, '2016-01-01', '2017-06-01', 'AAA'],
    ['nine years, ten ticks: every year', WIDE_CHART, '2016-04-12', '2024-09-05', 'AAAAAAAAAA'],
    ['nine years on a phone: every other year', NARROW_CHART, '2016-04-12', '2024-09-05', 'A-A-A-A-A-'],
    ['thirteen years: every other year', WIDE_CHART, '2011-01-01', '2023-12-31', 'A-A-A-A-A-A-A-'],
    ['thirty years: every third year', WIDE_CHART, '1995-01-01', '2024-12-31', 'A--A--A--A--A--A--A--A--A--A--A'],
    ['thirty years on a phone: every sixth year', NARROW_CHART, '1995-01-01', '2024-12-31', 'A-----A-----A-----A-----A-----A'],
  ])('%s', (_, options, first, last, expected) => {
    const layout = layoutTimeline([item('a', first), item('b', last)], options);
    expect(layout.width).toBe(options.width);
    expect(layout.ticks.map((t) => (t.labelled ? 'A' : '-')).join('')).toBe(expected);
    for (const tick of layout.ticks) expect(tick.percent).toBeCloseTo((tick.x / layout.width) * 100, 1);
  });

  test('events sit above the axis and articles below it', () => {
    const layout = layoutTimeline([item('e', '2020-01-01'), item('a', '2020-06-01', 'article')]);
    const [e, a] = layout.items;
    expect(e!.y).toBeLessThan(layout.axisY);
    expect(a!.y).toBeGreaterThan(layout.axisY);
  });

  test('markers too close together stack instead of overlapping', () => {
    const layout = layoutTimeline([item('a', '2024-09-04'), item('b', '2024-09-05'), item('c', '2024-09-12'), item('d', '2016-04-12')], { markerGap: 10 });
    const byId = Object.fromEntries(layout.items.map((i) => [i.id, i]));
    expect(new Set([byId.a!.y, byId.b!.y, byId.c!.y]).size).toBe(3);
    for (const p of layout.items) for (const q of layout.items) if (p !== q && p.y === q.y) expect(Math.abs(p.x - q.x)).toBeGreaterThanOrEqual(10);
  });

  test('an empty timeline has no markers', () => {
    expect(layoutTimeline([]).items).toEqual([]);
  });
});

describe('timeline description for screen readers', () => {
  test.each([
    [
      [item('a', '2021-03-17'), item('b', '2021-07-13'), item('c', '2024-09-05'), item('x', '2022-06-28', 'article')],
      '3 events (circles, above the line) and 1 article published (squares, below the line), from 2021 to 2024. The busiest year is 2021, with 2 events. The list below gives each one with its date and sources.',
    ],
    [[], 'No dated events yet.'],
  ])('%#', (items, sentence) => {
    expect(describeTimeline(items)).toBe(sentence);
  });
});

describe('a crowded lane becomes monthly bars', () => {
  const many = Array.from({ length: 400 }, (_, i) => item(`a${i}`, `20${16 + (i % 9)}-0${1 + (i % 9)}-15`, 'article'));

  test('the chart stays the same size however many articles there are', () => {
    const small = layoutTimeline([...many.slice(0, 200), item('e', '2020-01-01')]);
    const large = layoutTimeline([...many, ...many.map((m) => ({ ...m, id: `${m.id}b` })), item('e', '2020-01-01')]);
    expect(large.items.filter((i) => i.lane === 'article')).toEqual([]);
    expect(large.bars.length).toBe(small.bars.length);
    expect(large.height).toBe(small.height);
  });

  test('bars count the articles of their month and the description says so', () => {
    const layout = layoutTimeline(many);
    expect(layout.bars.reduce((sum, b) => sum + b.count, 0)).toBe(400);
    expect(describeTimeline(many, layout)).toContain('400 articles published (bars per month, below the line)');
  });
});
