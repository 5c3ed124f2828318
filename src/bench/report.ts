// The benchmark's figures for one corpus size, and how they are printed: a Markdown table (for the terminal and
// the README) with one column per corpus size, and growth exponents that say whether a cost grows linearly.
import { BUILD_PHASES, type PhaseTimes } from '../lib/build-phases.ts';
import type { DevEditKind, DevServerResult } from './dev-edit.ts';
import type { PageWeight } from './page-weight.ts';
import type { OutputSummary } from './output-summary.ts';
import type { SearchTiming, SearchVisit } from './search-timing.ts';

export interface BenchResult {
  articles: number;
  events: number;
  seed: number;
  date: string;
  build: {
    ok: boolean;
    wallSeconds: number;
    cpuSeconds?: number;
    peakTreeBytes: number;
    peakProcessBytes: number;
    /** Each program's own peak, by name (older results have none). */
    peakByProcess?: Record<string, number>;
    pages: number;
    pagesPerSecond: number;
    /** Where the time went, as the build reported it (older results have none). */
    phases?: PhaseTimes;
  };
  output?: OutputSummary;
  articlePage?: PageWeight;
  search?: SearchTiming;
  rebuild?: { ok: boolean; wallSeconds: number; cpuSeconds?: number; peakTreeBytes: number };
  /** The machine's 1-minute load average when the run started: wall times are only comparable at similar load. */
  loadAverage?: number;
  /** The same articles built as a stock Starlight site just after ours (src/bench/starlight-baseline.ts). */
  starlight?: { ok: boolean; wallSeconds: number; cpuSeconds?: number; peakTreeBytes: number; pages: number };
  /** A dev server on the same corpus: start-up, and how long each kind of edit takes to show (src/bench/dev-server.ts). */
  dev?: DevServerResult;
  /** With --build-rounds N: every full build of ours and of Starlight's, in pairs built one after the other (the
   * first pair is `build` and `starlight`), the order of the two changing from pair to pair. */
  pairs?: BuildPair[];
}

/** The item of median value: the middle one of an odd count, the lower of the two middle ones of an even count
 * (an item that was measured, never an average of two). Undefined for none. */
export function medianOf<T>(items: readonly T[], value: (item: T) => number): T | undefined {
  const sorted = [...items].sort((a, b) => value(a) - value(b));
  return sorted[(sorted.length - 1) >> 1];
}

/** One full build of ours and one of the Starlight baseline, built one straight after the other. */
export interface BuildPair {
  /** Which was built first. */
  first: 'ours' | 'starlight';
  ours: { ok: boolean; wallSeconds: number; cpuSeconds?: number };
  starlight: { ok: boolean; wallSeconds: number; cpuSeconds?: number };
}

/** Each pair's ratios of our build to Starlight's (pairs where either failed left out), and the median of each: the
 * lower of the two middle ones for an even count (medianOf), a ratio that was measured. On a machine whose speed moves
 * through a day, a ratio taken within a pair is steadier than either time, and the median of several pairs steadier
 * than one. */
export function pairedRatios(pairs: readonly BuildPair[]): { wall: number[]; cpu: number[]; medianWall?: number; medianCpu?: number } {
  const built = pairs.filter((p) => p.ours.ok && p.starlight.ok && p.starlight.wallSeconds > 0);
  const wall = built.map((p) => p.ours.wallSeconds / p.starlight.wallSeconds);
  const cpu = built.flatMap((p) => (p.ours.cpuSeconds !== undefined && p.starlight.cpuSeconds ? [p.ours.cpuSeconds / p.starlight.cpuSeconds] : []));
  const medianWall = medianOf(wall, (ratio) => ratio);
  const medianCpu = medianOf(cpu, (ratio) => ratio);
  return { wall, cpu, ...(medianWall !== undefined ? { medianWall } : {}), ...(medianCpu !== undefined ? { medianCpu } : {}) };
}

/** The table's cell for the paired rounds: "1.68× / 2.49× (median of 3 pairs; wall 1.55-1.72×)". */
export function pairedCell(pairs: readonly BuildPair[] | undefined): string {
  if (!pairs || pairs.length < 2) return 'n/a';
  const { wall, medianWall, medianCpu } = pairedRatios(pairs);
  if (medianWall === undefined) return 'n/a';
  return `${times(medianWall)} / ${times(medianCpu)} (median of ${wall.length} pairs; wall ${Math.min(...wall).toFixed(2)}-${times(Math.max(...wall))})`;
}

/** Our build's cost divided by the Starlight baseline's: below 1 is faster or smaller than Starlight. */
export function starlightRatios(r: Pick<BenchResult, 'build' | 'starlight'>): { wall?: number; cpu?: number; memory?: number } {
  const base = r.starlight;
  if (!base?.ok || !r.build.ok) return {};
  const ratio = (ours: number | undefined, theirs: number | undefined) =>
    ours === undefined || theirs === undefined || theirs <= 0 ? undefined : ours / theirs;
  const ratios = {
    wall: ratio(r.build.wallSeconds, base.wallSeconds),
    cpu: ratio(r.build.cpuSeconds, base.cpuSeconds),
    memory: ratio(r.build.peakTreeBytes, base.peakTreeBytes),
  };
  return Object.fromEntries(Object.entries(ratios).filter(([, value]) => value !== undefined));
}

export function times(ratio: number | undefined): string {
  return ratio === undefined ? 'n/a' : `${ratio.toFixed(2)}×`;
}

function starlightCell(r: BenchResult, cell: (base: NonNullable<BenchResult['starlight']>) => string): string {
  if (!r.starlight) return 'n/a';
  return r.starlight.ok ? cell(r.starlight) : `failed after ${seconds(r.starlight.wallSeconds)}`;
}

/** Sizes in kB of 1,000 bytes, the unit the budgets are stated in. */
export function kb(bytes: number | undefined): string {
  if (bytes === undefined) return 'n/a';
  return bytes >= 10_000_000 ? `${(bytes / 1e6).toFixed(0)} MB` : bytes >= 1_000_000 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1000).toFixed(1)} kB`;
}

export function seconds(s: number | undefined): string {
  return s === undefined ? 'n/a' : s >= 100 ? `${s.toFixed(0)} s` : `${s.toFixed(1)} s`;
}

export function ms(n: number | undefined): string {
  return n === undefined ? 'n/a' : `${n.toFixed(0)} ms`;
}

/** A median time with the rounds it was taken from: "338 ms (median of 5: 320-360 ms)"; one round, the time alone. */
export function medianMs(median: number | undefined, runs: readonly number[] | undefined): string {
  if (median === undefined) return 'n/a';
  if (!runs || runs.length < 2) return ms(median);
  return `${ms(median)} (median of ${runs.length}: ${Math.min(...runs).toFixed(0)}-${ms(Math.max(...runs))})`;
}

/**
 * The exponent k in cost ∝ articlesᵏ between two measurements: 1 is linear, 2 quadratic. Fixed costs (Vite
 * start-up, the topic pages) pull it below 1 for small corpora.
 */
export function growthExponent(a: { articles: number; value: number }, b: { articles: number; value: number }): number {
  return Math.log(b.value / a.value) / Math.log(b.articles / a.articles);
}

/** Bytes fetched, uncompressed and (in brackets) as sent by a host that gzips text. */
export function fetched(visit: Pick<SearchVisit, 'bytes' | 'gzipBytes'>): string {
  return `${kb(visit.bytes)} (${kb(visit.gzipBytes)})`;
}

/** Seconds to two decimals: the dev server's figures are compared with a 2-second target. */
function shortSeconds(s: number): string {
  return `${s.toFixed(2)} s`;
}

/** The dev server's start-up and first article page, or why it was not measured. */
export function devStartCell(dev: DevServerResult | undefined): string {
  if (!dev) return 'n/a';
  if (dev.skipped) return `skipped: ${dev.skipped}`;
  if (dev.startSeconds === undefined) return `failed: ${dev.error ?? 'no answer'}`;
  const load = dev.loadAverage === undefined ? '' : ` (load ${dev.loadAverage.toFixed(1)})`;
  return `${seconds(dev.startSeconds)} / ${dev.firstRequest ? seconds(dev.firstRequest.seconds) : 'n/a'}${load}`;
}

/** How long one kind of edit took to show on each page it affects (" / " between pages), "not shown in N s" for a page
 * that never showed it, and whether the restored file showed again. */
export function devEditCell(dev: DevServerResult | undefined, kind: DevEditKind): string {
  if (!dev) return 'n/a';
  if (dev.skipped) return 'skipped';
  const edit = dev.edits.find((e) => e.edit === kind);
  if (!edit) return dev.error ? 'not measured' : 'n/a';
  const shown = edit.checks.map((c) => (c.seconds === undefined ? `not shown in ${dev.timeoutSeconds} s` : shortSeconds(c.seconds))).join(' / ');
  return edit.restoredSeconds === undefined ? `${shown} (restore not shown in ${dev.timeoutSeconds} s)` : shown;
}

/** "57.0 / 3.1 / 193.4 / 38.2 / 55.0 s": the build's phases in their order (BUILD_PHASES), "?" for one it did not
 * report; "n/a" when it reported none (a build before the phases were reported, or Starlight's). */
export function phasesCell(phases: PhaseTimes | undefined): string {
  if (!phases || Object.keys(phases).length === 0) return 'n/a';
  return `${BUILD_PHASES.map((phase) => (phases[phase] === undefined ? '?' : phases[phase].toFixed(1))).join(' / ')} s`;
}

/** "node 1,480 MB, pagefind_extend 610 MB": each program's own peak, largest first. */
export function processPeaks(peaks: Record<string, number> | undefined): string {
  const listed = Object.entries(peaks ?? {}).sort((a, b) => b[1] - a[1]);
  return listed.length ? listed.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ') : 'n/a';
}

type Row = [string, (r: BenchResult) => string];

const ROWS: Row[] = [
  ['build time (wall)', (r) => (r.build.ok ? seconds(r.build.wallSeconds) : `failed after ${seconds(r.build.wallSeconds)}`)],
  ['build CPU time (user + system)', (r) => seconds(r.build.cpuSeconds)],
  [`build phases: ${BUILD_PHASES.join(' / ')}`, (r) => phasesCell(r.build.phases)],
  ['load average at start (2 cores)', (r) => (r.loadAverage === undefined ? 'n/a' : r.loadAverage.toFixed(1))],
  ['peak memory (process tree)', (r) => kb(r.build.peakTreeBytes)],
  ['peak memory of each program (its own peak)', (r) => processPeaks(r.build.peakByProcess)],
  ['pages built', (r) => String(r.build.pages)],
  ['pages per second', (r) => r.build.pagesPerSecond.toFixed(0)],
  ['output size', (r) => kb(r.output?.totalBytes)],
  ['HTML in output', (r) => kb(r.output?.htmlBytes)],
  ['article page: HTML', (r) => kb(r.articlePage?.bytes.html)],
  ['article page: CSS', (r) => kb(r.articlePage?.bytes.css)],
  ['article page: JS', (r) => kb(r.articlePage?.bytes.js)],
  ['article page: total (requests)', (r) => (r.articlePage ? `${kb(r.articlePage.total)} (${r.articlePage.requests})` : 'n/a')],
  ['largest topic page', (r) => kb(r.output?.largest.topic?.bytes)],
  [
    'largest page of any kind',
    (r) => {
      const all = Object.values(r.output?.largest ?? {});
      const top = all.sort((a, b) => b.bytes - a.bytes)[0];
      return top ? `${kb(top.bytes)} (${top.path.replace(/index\.html$/, '')})` : 'n/a';
    },
  ],
  [
    'search index (pagefind/, of which index data)',
    (r) => (r.output?.searchIndexBytes === undefined ? 'n/a' : `${kb(r.output.searchIndexBytes)} (${kb(r.output.searchIndexDataBytes)})`),
  ],
  [
    'search, cold: first results / fetched (gzip)',
    (r) => (r.search?.cold ? `${medianMs(r.search.cold.firstResultMs, r.search.coldRunsMs)} / ${fetched(r.search.cold)}` : 'n/a'),
  ],
  [
    'search, warm: first results / fetched (gzip)',
    (r) => (r.search?.warm ? `${medianMs(r.search.warm.firstResultMs, r.search.warmRunsMs)} / ${fetched(r.search.warm)}` : 'n/a'),
  ],
  [
    'search after index loaded: time / fetched',
    (r) => (r.search?.afterLoadMs !== undefined ? `${medianMs(r.search.afterLoadMs, r.search.afterLoadRunsMs)} / ${kb(r.search.afterLoadBytes)}` : 'n/a'),
  ],
  ['Starlight baseline: build time (wall / CPU)', (r) => starlightCell(r, (b) => `${seconds(b.wallSeconds)} / ${seconds(b.cpuSeconds)}`)],
  ['Starlight baseline: peak memory (pages)', (r) => starlightCell(r, (b) => `${kb(b.peakTreeBytes)} (${b.pages})`)],
  ["build time ÷ Starlight's (wall / CPU)", (r) => (r.starlight ? `${times(starlightRatios(r).wall)} / ${times(starlightRatios(r).cpu)}` : 'n/a')],
  ["peak memory ÷ Starlight's", (r) => (r.starlight ? times(starlightRatios(r).memory) : 'n/a')],
  ["build time ÷ Starlight's over alternated pairs (wall / CPU)", (r) => pairedCell(r.pairs)],
  [
    'rebuild after one article changes (wall / CPU)',
    (r) => (r.rebuild ? (r.rebuild.ok ? `${seconds(r.rebuild.wallSeconds)} / ${seconds(r.rebuild.cpuSeconds)}` : 'failed') : 'n/a'),
  ],
  ['dev server: start / first article page (load average)', (r) => devStartCell(r.dev)],
  ['dev: article text edit shown on its page', (r) => devEditCell(r.dev, 'article-text')],
  ['dev: topic overview edit shown on the topic page', (r) => devEditCell(r.dev, 'topic-overview')],
  ['dev: topic summary edit shown (topic page / link previews)', (r) => devEditCell(r.dev, 'topic-summary')],
  ["dev: cited article's title edit shown (citing article / its page)", (r) => devEditCell(r.dev, 'cited-title')],
];

export function markdownTable(results: readonly BenchResult[]): string {
  const head = `| | ${results.map((r) => `${r.articles.toLocaleString('en-US')} articles`).join(' | ')} |`;
  const rule = `|---|${results.map(() => '---:').join('|')}|`;
  return [head, rule, ...ROWS.map(([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`)].join('\n');
}

/** What one search visit fetched, file by file, largest first, with the totals: a Markdown table. */
export function fetchedFilesTable(visit: Pick<SearchVisit, 'files' | 'bytes' | 'gzipBytes'>): string {
  const rows = [...visit.files].sort((a, b) => b.bytes - a.bytes).map((f) => `| ${f.path} | ${kb(f.bytes)} | ${kb(f.gzipBytes)} |`);
  return [
    '| fetched | uncompressed | gzip |',
    '|---|---:|---:|',
    ...rows,
    `| **total** (${visit.files.length} requests) | ${kb(visit.bytes)} | ${kb(visit.gzipBytes)} |`,
  ].join('\n');
}
