// Lays out the timeline chart at build time: a horizontal time axis with one lane for events and one for
// article publications. Items closer than a marker's width are stacked upward instead of overlapping, so
// busy months (September 2024) stay legible. Pure geometry, so it is tested without a browser.

export interface ChartItem {
  id: string;
  date: Date;
  lane: 'event' | 'article';
}

export interface PlacedItem extends ChartItem {
  x: number;
  y: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  axisY: number;
  ticks: { x: number; label: string }[];
  items: PlacedItem[];
}

export interface ChartOptions {
  width?: number;
  padding?: number;
  /** Minimum horizontal distance between two markers on one row. */
  markerGap?: number;
  rowHeight?: number;
}

const DAY = 86_400_000;

export function layoutTimeline(items: readonly ChartItem[], options: ChartOptions = {}): ChartLayout {
  const { width = 720, padding = 24, markerGap = 10, rowHeight = 11 } = options;
  if (items.length === 0) return { width, height: 40, axisY: 20, ticks: [], items: [] };
  const years = items.map((i) => i.date.getUTCFullYear());
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years) + 1;
  const start = Date.UTC(firstYear, 0, 1);
  const end = Date.UTC(lastYear, 0, 1);
  const span = Math.max(end - start, DAY);
  const xOf = (time: number) => padding + ((time - start) / span) * (width - 2 * padding);

  const sorted = [...items].sort((a, b) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id));
  const rows = { event: [] as number[], article: [] as number[] };
  const placedRows: { item: ChartItem; x: number; row: number }[] = [];
  for (const item of sorted) {
    const x = xOf(item.date.getTime());
    const lane = rows[item.lane];
    let row = lane.findIndex((lastX) => x - lastX >= markerGap);
    if (row === -1) {
      row = lane.length;
      lane.push(x);
    } else {
      lane[row] = x;
    }
    placedRows.push({ item, x, row });
  }

  const eventRows = Math.max(1, rows.event.length);
  const articleRows = Math.max(1, rows.article.length);
  const top = 16;
  const axisY = top + eventRows * rowHeight + 8;
  const height = axisY + 8 + articleRows * rowHeight + 24;
  const placed = placedRows.map(({ item, x, row }) => ({
    ...item,
    x: Math.round(x * 10) / 10,
    y: item.lane === 'event' ? axisY - 8 - row * rowHeight : axisY + 8 + row * rowHeight,
  }));
  const ticks = [];
  for (let year = firstYear; year <= lastYear; year++) ticks.push({ x: Math.round(xOf(Date.UTC(year, 0, 1)) * 10) / 10, label: String(year) });
  return { width, height, axisY, ticks, items: placed };
}

/** The sentence a screen reader hears for the chart: what it shows and where it is busiest. */
export function describeTimeline(items: readonly ChartItem[]): string {
  const events = items.filter((i) => i.lane === 'event');
  const articles = items.filter((i) => i.lane === 'article');
  if (items.length === 0) return 'No dated events yet.';
  const years = items.map((i) => i.date.getUTCFullYear());
  const perYear = new Map<number, number>();
  for (const e of events) perYear.set(e.date.getUTCFullYear(), (perYear.get(e.date.getUTCFullYear()) ?? 0) + 1);
  const busiest = [...perYear.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const range = `from ${Math.min(...years)} to ${Math.max(...years)}`;
  const busy = busiest ? ` The busiest year is ${busiest[0]}, with ${plural(busiest[1], 'event')}.` : '';
  return `${plural(events.length, 'event')} (circles, above the line) and ${plural(articles.length, 'article')} published (squares, below the line), ${range}.${busy} The list below gives each one with its date and sources.`;
}
