// `npm run audit [-- --dir DIR] [--build] [--strict] [--runs N]`: Lighthouse (performance, accessibility, best
// practices, SEO) on the home, an article, a topic and the search page of a built site, with Debian's Chromium and
// no network: the site is served from DIR (default dist/, built first when missing or with --build) by a local
// server with gzip, as a host would serve it. The article and topic audited are the largest of their kind, the
// pages most likely to fall short. Prints a table and the audits that cost points, writes JSON to bench-out/, and
// exits 1 when a score is below 100 only with --strict (scores on a loaded machine vary; see the README).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from '../bench/search-timing.ts';
import { serveStatic } from '../bench/static-server.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const USAGE = 'Usage: npm run audit [-- --dir DIR] [--build] [--strict] [--runs N] [--query "wechat pay"]';

let values;
try {
  ({ values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      build: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      runs: { type: 'string', default: '1' },
      query: { type: 'string', default: 'wechat pay' },
      out: { type: 'string', default: 'bench-out' },
    },
  }));
} catch (error) {
  process.stderr.write(`audit: ${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
const dir = resolve(values.dir);
const runs = Math.max(1, Number(values.runs) || 1);
const say = (line: string) => process.stderr.write(`audit: ${line}\n`);

if (values.build || !existsSync(join(dir, 'index.html'))) {
  say(`building into ${dir}`);
  const built = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dir], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

/** The largest page under DIR/<section>/<slug>/ (pagination folders are numbers and skipped). */
async function largestPage(section: string): Promise<string | undefined> {
  const root = join(dir, section);
  if (!existsSync(root)) return undefined;
  let best: { path: string; bytes: number } | undefined;
  for (const name of await readdir(root)) {
    const file = join(root, name, 'index.html');
    if (/^\d+$/.test(name) || !existsSync(file)) continue;
    const { size } = await stat(file);
    if (!best || size > best.bytes) best = { path: `/${section}/${name}/`, bytes: size };
  }
  return best?.path;
}

/** Starts Chromium with a DevTools port for Lighthouse; the port is read from what Chromium prints. */
async function startChromium(): Promise<{ port: number; process: ChildProcess; profile: string }> {
  const profile = await mkdtemp(join(tmpdir(), 'audit-chromium-'));
  const child = spawn(chromiumPath()!, ['--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...CHROMIUM_ARGS, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port: ${seen.slice(-500)}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}) before it was ready: ${seen.slice(-500)}`)));
  });
  return { port, process: child, profile };
}

interface PageAudit {
  page: string;
  url: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits that cost points, with their scores, from the median run. */
  shortfalls: string[];
  runs: number[][];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await serveStatic(dir, { gzip: true });
const chrome = await startChromium();
const results: PageAudit[] = [];
try {
  const pages: [string, string | undefined][] = [
    ['home', '/'],
    ['article', await largestPage('articles')],
    ['topic', await largestPage('topics')],
    ['search', `/search/?q=${encodeURIComponent(values.query)}`],
  ];
  for (const [page, path] of pages) {
    if (!path) {
      say(`no ${page} page in ${dir}; skipped`);
      continue;
    }
    const url = `${server.url}${path}`;
    const all: { scores: PageAudit['scores']; shortfalls: string[] }[] = [];
    for (let run = 0; run < runs; run++) {
      say(`${page}: ${path} (run ${run + 1} of ${runs})`);
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as PageAudit['scores'];
      const shortfalls = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map(
            (ref) =>
              `${c}: ${ref.id} (${Math.round((lhr.audits[ref.id]!.score ?? 0) * 100)}${lhr.audits[ref.id]!.displayValue ? `, ${lhr.audits[ref.id]!.displayValue}` : ''})`,
          ),
      );
      all.push({ scores, shortfalls });
    }
    const perf = all.map((r) => r.scores.performance);
    const chosen = all.find((r) => r.scores.performance === median(perf))!;
    results.push({ page, url: path, scores: chosen.scores, shortfalls: chosen.shortfalls, runs: all.map((r) => CATEGORIES.map((c) => r.scores[c])) });
  }
} finally {
  chrome.process.kill();
  await rm(chrome.profile, { recursive: true, force: true }).catch(() => {});
  await server.close();
}

const table = [
  `| page | ${CATEGORIES.join(' | ')} |`,
  `|---|${CATEGORIES.map(() => '---:').join('|')}|`,
  ...results.map((r) => `| ${r.page} (${r.url}) | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} |`),
].join('\n');
process.stdout.write(`${table}\n`);
for (const r of results) if (r.shortfalls.length) process.stdout.write(`\n${r.page}:\n${r.shortfalls.map((s) => `  - ${s}`).join('\n')}\n`);
await mkdir(values.out, { recursive: true });
await writeFile(join(values.out, 'lighthouse.json'), `${JSON.stringify({ date: new Date().toISOString(), dir, runs, results }, null, 2)}\n`);
const below = results.filter((r) => CATEGORIES.some((c) => r.scores[c] < 100));
if (below.length && values.strict) {
  say(`${below.length} page(s) score below 100 (--strict)`);
  process.exit(1);
}
