// The README's chart of build time against corpus size, drawn as a small standalone SVG by the benchmark so it is
// regenerated from measured figures rather than edited by hand. Both axes are logarithmic: corpus sizes span
// 100 to 10,000, and on log-log axes linear growth is a straight line of slope 1, drawn dashed from the smallest
// measurement so a reader sees at a glance whether the build scales linearly. Targets are marked as crosses.
import { escapeHtml } from '../lib/escape-html.ts';

export interface ChartPoint {
  articles: number;
  /** Wall-clock build time. */
  seconds: number;
  /** CPU time (user + system), drawn as a second line when given: on a loaded machine it is the steadier one. */
  cpuSeconds?: number;
}

export interface ChartTarget {
  articles: number;
  seconds: number;
  label: string;
}

const WIDTH = 640;
const HEIGHT = 360;
const PAD = { left: 64, right: 24, top: 40, bottom: 48 };

const fmt = (n: number) => (n >= 100 ? String(Math.round(n)) : n >= 10 ? n.toFixed(0) : n.toFixed(1));
const thousands = (n: number) => n.toLocaleString('en-US');

/** Powers of ten from below `min` to above `max`. */
export function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let p = Math.floor(Math.log10(min)); p <= Math.ceil(Math.log10(max)); p++) out.push(10 ** p);
  return out;
}

export function buildTimeChart(points: readonly ChartPoint[], targets: readonly ChartTarget[] = [], title = 'Build time against corpus size'): string {
  if (points.length === 0) throw new Error('The chart needs at least one measurement.');
  const sorted = [...points].sort((a, b) => a.articles - b.articles);
  const cpu = sorted.filter((p) => p.cpuSeconds !== undefined).map((p) => ({ articles: p.articles, seconds: p.cpuSeconds! }));
  const all = [...sorted, ...cpu, ...targets];
  const xs = decades(Math.min(...all.map((p) => p.articles)), Math.max(...all.map((p) => p.articles)));
  const ys = decades(Math.min(...all.map((p) => p.seconds)), Math.max(...all.map((p) => p.seconds)));
  const lx = (v: number) => Math.log10(v);
  const x = (v: number) => PAD.left + ((lx(v) - lx(xs[0]!)) / (lx(xs.at(-1)!) - lx(xs[0]!) || 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - ((lx(v) - lx(ys[0]!)) / (lx(ys.at(-1)!) - lx(ys[0]!) || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  const r = (n: number) => n.toFixed(1);

  const grid = [
    ...xs.map(
      (v) =>
        `<line x1="${r(x(v))}" y1="${PAD.top}" x2="${r(x(v))}" y2="${HEIGHT - PAD.bottom}" class="grid"/><text x="${r(x(v))}" y="${HEIGHT - PAD.bottom + 18}" text-anchor="middle">${thousands(v)}</text>`,
    ),
    ...ys.map(
      (v) =>
        `<line x1="${PAD.left}" y1="${r(y(v))}" x2="${WIDTH - PAD.right}" y2="${r(y(v))}" class="grid"/><text x="${PAD.left - 8}" y="${r(y(v) + 4)}" text-anchor="end">${fmt(v)} s</text>`,
    ),
  ];
  const first = sorted[0]!;
  const last = xs.at(-1)!;
  const linear = `<line x1="${r(x(first.articles))}" y1="${r(y(first.seconds))}" x2="${r(x(last))}" y2="${r(y(first.seconds * (last / first.articles)))}" class="linear" clip-path="url(#plot)"/>`;
  const line = `<polyline points="${sorted.map((p) => `${r(x(p.articles))},${r(y(p.seconds))}`).join(' ')}" class="measured"/>`;
  const cpuLine = cpu.length
    ? [
        `<polyline points="${cpu.map((p) => `${r(x(p.articles))},${r(y(p.seconds))}`).join(' ')}" class="cpu"/>`,
        ...cpu.map(
          (p) =>
            `<circle cx="${r(x(p.articles))}" cy="${r(y(p.seconds))}" r="3" class="cpu-dot"/><text x="${r(x(p.articles) + 8)}" y="${r(y(p.seconds) + 14)}" class="cpu-label">${fmt(p.seconds)} s CPU</text>`,
        ),
      ]
    : [];
  const legend = [
    `<line x1="${WIDTH - 250}" y1="20" x2="${WIDTH - 230}" y2="20" class="measured"/><text x="${WIDTH - 225}" y="24">wall time</text>`,
    ...(cpu.length ? [`<line x1="${WIDTH - 160}" y1="20" x2="${WIDTH - 140}" y2="20" class="cpu"/><text x="${WIDTH - 135}" y="24">CPU time</text>`] : []),
  ];
  const dots = sorted.map(
    (p) =>
      `<circle cx="${r(x(p.articles))}" cy="${r(y(p.seconds))}" r="4" class="measured-dot"/><text x="${r(x(p.articles) + 8)}" y="${r(y(p.seconds) - 8)}">${fmt(p.seconds)} s</text>`,
  );
  const marks = targets.map(
    (t) =>
      `<path d="M${r(x(t.articles) - 5)},${r(y(t.seconds))}h10M${r(x(t.articles))},${r(y(t.seconds) - 5)}v10" class="target"/><text x="${r(x(t.articles) - 8)}" y="${r(y(t.seconds) - 8)}" text-anchor="end" class="target-label">${escapeHtml(t.label)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">${escapeHtml(title)}: ${sorted.map((p) => `${thousands(p.articles)} articles in ${fmt(p.seconds)} s${p.cpuSeconds !== undefined ? ` (${fmt(p.cpuSeconds)} s CPU)` : ''}`).join(', ')}</title>`,
    '<style>text{font:12px system-ui,sans-serif;fill:#333}.grid{stroke:#ddd}.linear{stroke:#999;stroke-dasharray:4 4}.measured{fill:none;stroke:#1f6feb;stroke-width:2}.measured-dot{fill:#1f6feb}.cpu{fill:none;stroke:#2da44e;stroke-width:2}.cpu-dot{fill:#2da44e}.cpu-label{fill:#2da44e}.target{stroke:#c2410c;stroke-width:2}.target-label{fill:#c2410c}.title{font-weight:600;font-size:14px}@media (prefers-color-scheme:dark){text{fill:#ddd}.grid{stroke:#444}}</style>',
    `<clipPath id="plot"><rect x="${PAD.left}" y="${PAD.top}" width="${WIDTH - PAD.left - PAD.right}" height="${HEIGHT - PAD.top - PAD.bottom}"/></clipPath>`,
    `<text x="${PAD.left}" y="24" class="title">${escapeHtml(title)}</text>`,
    ...grid,
    linear,
    line,
    ...dots,
    ...cpuLine,
    ...legend,
    ...marks,
    `<text x="${(WIDTH + PAD.left - PAD.right) / 2}" y="${HEIGHT - 10}" text-anchor="middle">articles (log scale); dashed: linear growth from the first point</text>`,
    '</svg>',
    '',
  ].join('\n');
}
