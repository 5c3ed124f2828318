// Lays out the timeline chart at build time: a horizontal time axis with one lane for events (above) and one
// for article publications (below). Items closer than a marker's width are stacked instead of overlapping, so
// busy months (September 2024) stay legible. A lane with more items than can be drawn one by one becomes a
// bar per month, so the chart stays the same size however large the corpus grows. Pure geometry, tested
// without a browser.
import { countOf } from '../counts.ts';

export type Lane = 'event' | 'article';

export interface ChartItem {
  id: string;
  date: Date;
  lane: Lane;
}

export interface PlacedItem extends ChartItem {
  x: number;
  y: number;
}

export interface MonthBar {
  lane: Lane;
  /** First day of the month, YYYY-MM. */
  month: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A year on the axis. Its label is drawn under the chart, at the same share of the width, in the page's own text
 * size (not scaled with the chart), or not at all (the tick alone, when the years are too many for the width). */
export interface Tick {
  x: number;
  label: string;
  /** x as a percentage of the chart's width, where the label's middle goes. */
  percent: number;
  labelled: boolean;
}

export interface ChartLayout {
  width: number;
  height: number;
  axisY: number;
  ticks: Tick[];
  items: PlacedItem[];
  bars: MonthBar[];
}

export interface ChartOptions {
  width?: number;
  padding?: number;
  /** Minimum horizontal distance between two markers on one row. */
  markerGap?: number;
  rowHeight?: number;
  /** A lane needing more rows than this is drawn as monthly bars instead. */
  maxRows?: number;
  /** The tallest bar, in the chart's units. */
  maxBarHeight?: number;
  /** The least distance between two labelled years, in the chart's units: 55 units is room for "2016" in 12 px
   * type wherever a drawing is shown at 0.62 of its size or more (see WIDE_CHART and NARROW_CHART). */
  labelGap?: number;
}

/** The drawing for a column 32rem (512 px) wide or more: the text column's width (38rem) at 1:1, 0.85:1 at 32rem. */
export const WIDE_CHART = { width: 600 } as const satisfies ChartOptions;
/** The drawing for a phone's column (288 px on a 320 px screen, 343 on a 375 px one): the text column's drawing
 * would shrink its 8-unit markers to dots under 4 px across there; drawn for 360 units, a marker keeps 0.8-1.4 of
 * its size up to the switch at 32rem. */
export const NARROW_CHART = { width: 360 } as const satisfies ChartOptions;

const DAY = 86_400_000;
const round = (n: number) => Math.round(n * 10) / 10;

interface Stacked {
  item: ChartItem;
  x: number;
  row: number;
}

function stack(items: readonly ChartItem[], xOf: (time: number) => number, markerGap: number): { placed: Stacked[]; rows: number } {
  const rowEnds: number[] = [];
  const placed = items.map((item) => {
    const x = xOf(item.date.getTime());
    let row = rowEnds.findIndex((lastX) => x - lastX >= markerGap);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(x);
    } else {
      rowEnds[row] = x;
    }
    return { item, x, row };
  });
  return { placed, rows: rowEnds.length };
}

export function layoutTimeline(items: readonly ChartItem[], options: ChartOptions = {}): ChartLayout {
  const { width = WIDE_CHART.width, padding = 24, markerGap = 10, rowHeight = 11, maxRows = 8, maxBarHeight = 60, labelGap = 55 } = options;
  if (items.length === 0) return { width, height: 40, axisY: 20, ticks: [], items: [], bars: [] };
  const years = items.map((i) => i.date.getUTCFullYear());
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years) + 1;
  const start = Date.UTC(firstYear, 0, 1);
  const span = Math.max(Date.UTC(lastYear, 0, 1) - start, DAY);
  const xOf = (time: number) => padding + ((time - start) / span) * (width - 2 * padding);

  const sorted = [...items].sort((a, b) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id));
  const lanes = (['event', 'article'] as const).map((lane) => {
    const own = sorted.filter((i) => i.lane === lane);
    const { placed, rows } = stack(own, xOf, markerGap);
    return { lane, own, placed, rows, asBars: rows > maxRows };
  });
  const laneHeight = (l: (typeof lanes)[number]) => (l.asBars ? maxBarHeight : Math.max(1, l.rows) * rowHeight);
  const [events, articles] = lanes as [(typeof lanes)[number], (typeof lanes)[number]];

  const top = 16;
  const axisY = top + laneHeight(events) + 8;
  const height = axisY + 8 + laneHeight(articles) + 4;

  const placedItems: PlacedItem[] = [];
  const bars: MonthBar[] = [];
  for (const lane of lanes) {
    const direction = lane.lane === 'event' ? -1 : 1;
    if (!lane.asBars) {
      for (const { item, x, row } of lane.placed) placedItems.push({ ...item, x: round(x), y: axisY + direction * (8 + row * rowHeight) });
      continue;
    }
    const perMonth = new Map<string, number>();
    for (const item of lane.own) {
      const month = item.date.toISOString().slice(0, 7);
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    const most = Math.max(...perMonth.values());
    for (const [month, count] of perMonth) {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const x0 = xOf(Date.UTC(y, m - 1, 1));
      const x1 = xOf(Date.UTC(y, m, 1));
      const h = Math.max(2, (count / most) * maxBarHeight);
      bars.push({
        lane: lane.lane,
        month,
        count,
        x: round(x0),
        width: round(Math.max(1, x1 - x0 - 0.5)),
        height: round(h),
        y: round(direction < 0 ? axisY - 4 - h : axisY + 4),
      });
    }
  }
  // Every year gets a tick; labels every `step` years where a year's share of the width is too small for one.
  const spacing = (width - 2 * padding) / Math.max(1, lastYear - firstYear);
  const step = Math.ceil(labelGap / spacing);
  const ticks: Tick[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const x = xOf(Date.UTC(year, 0, 1));
    const i = year - firstYear;
    ticks.push({ x: round(x), label: String(year), percent: Math.round((x / width) * 10_000) / 100, labelled: i % step === 0 });
  }
  return { width, height, axisY, ticks, items: placedItems, bars };
}

/** The sentence a screen reader hears for the chart: what it shows and where it is busiest. */
export function describeTimeline(items: readonly ChartItem[], layout?: ChartLayout): string {
  const events = items.filter((i) => i.lane === 'event');
  const articles = items.filter((i) => i.lane === 'article');
  if (items.length === 0) return 'No dated events yet.';
  const years = items.map((i) => i.date.getUTCFullYear());
  const perYear = new Map<number, number>();
  for (const e of events) perYear.set(e.date.getUTCFullYear(), (perYear.get(e.date.getUTCFullYear()) ?? 0) + 1);
  const busiest = [...perYear.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const barred = new Set((layout?.bars ?? []).map((b) => b.lane));
  const eventShape = barred.has('event') ? 'bars per month' : 'circles';
  const articleShape = barred.has('article') ? 'bars per month' : 'squares';
  const range = `from ${Math.min(...years)} to ${Math.max(...years)}`;
  const busy = busiest ? ` The busiest year is ${busiest[0]}, with ${countOf(busiest[1], 'event')}.` : '';
  return `${countOf(events.length, 'event')} (${eventShape}, above the line) and ${countOf(articles.length, 'article')} published (${articleShape}, below the line), ${range}.${busy} The list below gives each one with its date and sources.`;
}
