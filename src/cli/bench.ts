// `npm run bench -- --articles N[,N…]`: builds a generated corpus of each size and reports build time, peak
// memory, pages per second, output size, what an article page loads, search index size, search in Chromium (cold,
// warm, and once the index is loaded), the time to rebuild after one article changes, and how long a dev server on
// the corpus takes to show an edit to an article, a topic and a cited article (src/bench/dev-server.ts). Each size is also built as a
// stock Starlight site of the same article text (src/bench/starlight-baseline.ts), and our build's time, CPU and
// memory are reported as ratios to it, the figure issue 14's targets are stated in. Prints a Markdown table
// and writes JSON to bench-out/. With several sizes, --chart FILE draws build time against corpus size (SVG).
//
// Builds run in a staged copy of the project under --work (default: the system temp folder), never in dist/ or
// the working tree: see src/bench/build-run.ts for why. Figures on a shared machine are noisy; the JSON keeps
// the load average at the start of each run so a slow figure can be told from a slow machine.
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findArticleFile } from '../lib/article-files.ts';
import { listFiles, runBuild, stageProject } from '../bench/build-run.ts';
import { buildTimeChart } from '../bench/chart.ts';
import { measureDevServer } from '../bench/dev-server.ts';
import { DEFAULT_SEED } from '../bench/corpus.ts';
import { generateCorpus, readSourceContent } from '../bench/corpus-files.ts';
import { measurePage, type PageWeight } from '../bench/page-weight.ts';
import { summarizeOutput } from '../bench/output-summary.ts';
import { fetchedFilesTable, growthExponent, markdownTable, type BenchResult, type BuildPair } from '../bench/report.ts';
import { SEARCH_ROUNDS, timeSearch } from '../bench/search-timing.ts';
import { stageStarlightSite } from '../bench/starlight-baseline.ts';
import { serveStatic } from '../bench/static-server.ts';
import { contentDir } from '../lib/deploy-settings.ts';

const USAGE = `Usage: npm run bench -- --articles N[,N…] [--query "wechat pay"] [--search-rounds N] [--build-rounds N] [--seed N]
       [--events N] [--work DIR] [--out bench-out] [--chart FILE] [--no-search] [--no-rebuild] [--rebuild-up-to N] [--no-starlight]
       [--no-dev] [--dev-up-to N] [--dev-port N] [--dev-timeout SECONDS] [--dev-cpu-prof DIR] [--project DIR]
       npm run bench -- --dist DIR    (measure an existing build: output, article pages, search)`;

/** Above this many articles the dev server is not timed unless --dev-up-to says otherwise: its start-up alone checks
 * and syncs every file, and issue 14's target is stated at 1,000. */
const DEV_UP_TO = 2000;

function fail(code: number, message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(code);
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        articles: { type: 'string' },
        query: { type: 'string', default: 'wechat pay' },
        'search-rounds': { type: 'string', default: String(SEARCH_ROUNDS) },
        'build-rounds': { type: 'string', default: '1' },
        seed: { type: 'string' },
        events: { type: 'string' },
        work: { type: 'string', default: join(tmpdir(), 'walled-gardens-bench') },
        out: { type: 'string', default: 'bench-out' },
        chart: { type: 'string' },
        'no-search': { type: 'boolean', default: false },
        'no-rebuild': { type: 'boolean', default: false },
        'rebuild-up-to': { type: 'string' },
        'no-starlight': { type: 'boolean', default: false },
        'no-dev': { type: 'boolean', default: false },
        'dev-up-to': { type: 'string', default: String(DEV_UP_TO) },
        'dev-port': { type: 'string' },
        'dev-timeout': { type: 'string', default: '60' },
        'dev-cpu-prof': { type: 'string' },
        dist: { type: 'string' },
        project: { type: 'string' },
      },
    }).values;
  } catch (error) {
    fail(2, `${(error as Error).message}\n${USAGE}`);
  }
}
const values = readArgs();
const sizes = (values.articles ?? '').split(',').filter(Boolean).map(Number);
if (!values.dist && (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)))
  fail(2, `--articles takes one or more whole numbers, e.g. --articles 100,1000.\n${USAGE}`);
for (const [flag, example] of [
  ['search-rounds', '5'],
  ['build-rounds', '3'],
  ['rebuild-up-to', '1000'],
  ['dev-up-to', '1000'],
  ['dev-port', '4413'],
  ['dev-timeout', '60'],
] as const) {
  if (values[flag] !== undefined && !/^\d+$/.test(values[flag])) fail(2, `--${flag} takes a whole number, e.g. --${flag} ${example}.\n${USAGE}`);
}
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
// --project stages another copy of the project (a snapshot), so runs made at different times measure the same code.
const project = resolve(values.project ?? process.cwd());
const work = resolve(values.work);
const out = resolve(values.out);
const from = contentDir(process.env);

const say = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** The real articles are in every corpus; their pages are the ones compared across sizes. */
async function realArticlePages(origin: string): Promise<PageWeight[]> {
  const real = (await readSourceContent(from)).articles.map((a) => a.slug);
  const fetchBytes = async (url: string) => {
    const response = await fetch(url);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined;
  };
  return Promise.all(real.map((slug) => measurePage(`${origin}/articles/${slug}/`, fetchBytes)));
}

/** Adds a paragraph to one generated article: the smallest edit a contributor makes, away from every note's quote. */
async function touchOneArticle(corpus: string, slug: string): Promise<void> {
  const file = findArticleFile(join(corpus, 'articles'), slug);
  if (!file) throw new Error(`The corpus has no article ${slug} to edit.`);
  await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\n\nThis paragraph was added by the benchmark to time a rebuild.\n`);
}

/** What a built site costs a reader: the output, the real article pages, and search. */
async function measureBuilt(dist: string): Promise<Pick<BenchResult, 'output' | 'articlePage' | 'search'> & { realArticlePages: unknown }> {
  const output = summarizeOutput(await listFiles(dist));
  const server = await serveStatic(dist);
  try {
    const pages = await realArticlePages(server.url);
    const summaries = pages.map((p) => ({ url: p.url.replace(server.url, ''), bytes: p.bytes, total: p.total, requests: p.requests }));
    let search;
    if (!values['no-search']) {
      say(`timing search for "${values.query}" in Chromium, ${values['search-rounds']} rounds`);
      search = await timeSearch(server, values.query, { rounds: Number(values['search-rounds']) });
    }
    return { output, articlePage: [...pages].sort((a, b) => b.total - a.total)[0], realArticlePages: summaries, ...(search ? { search } : {}) };
  } finally {
    await server.close();
  }
}

/** A build's figures as a pair of builds keeps them. */
const pick = ({ ok, wallSeconds, cpuSeconds }: BuildPair['ours']): BuildPair['ours'] => ({
  ok,
  wallSeconds,
  ...(cpuSeconds !== undefined ? { cpuSeconds } : {}),
});

/** The corpus built as a stock Starlight site, in a folder of its own (see stageStarlightSite); the folder is returned
 * for the caller to remove once nothing more is measured. */
async function buildStarlight(
  articles: number,
  files: Awaited<ReturnType<typeof generateCorpus>>,
  round = 1,
): Promise<{ result: NonNullable<BenchResult['starlight']>; site: string }> {
  // Inside the project (bench-out/ is ignored by git): see stageStarlightSite for why.
  const name = round === 1 ? `starlight-${articles}` : `starlight-${articles}-${round}`;
  const site = await stageStarlightSite(join(project, 'bench-out', name), files);
  const logFile = join(work, `${name}.log`);
  say(`${articles} articles: building the Starlight baseline (log: ${logFile})`);
  const astroBin = join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const baseline = await runBuild({ cwd: site, contentDir: join(site, 'src', 'content', 'docs'), outDir: join(site, 'dist'), logFile, astroBin });
  if (!baseline.ok) say(`${articles} articles: the Starlight build failed (exit ${baseline.exitCode}); see ${baseline.logFile}`);
  return { result: { ...pick(baseline), peakTreeBytes: baseline.peakTreeBytes, pages: baseline.pages }, site };
}

/** Another full build of ours, in a staged project of its own with a copy of the corpus, as the first one was built.
 * Not in the first one with its output and caches removed: on this machine's file system, files created in the
 * minutes after many were deleted cost more (the allocator passes over the inodes just freed), which made every
 * later build of ours slower than the first and none of Starlight's. */
async function buildOursAgain(articles: number, corpus: string, round: number): Promise<BuildPair['ours']> {
  const stage = await stageProject(project, join(work, `site-${articles}-${round}`));
  await cp(corpus, join(stage, 'corpus'), { recursive: true });
  const logFile = join(work, `build-${articles}-${round}.log`);
  say(`${articles} articles: building ours again (log: ${logFile})`);
  const again = await runBuild({ cwd: stage, contentDir: join(stage, 'corpus'), outDir: join(stage, 'dist'), logFile });
  if (!again.ok) say(`${articles} articles: the build failed (exit ${again.exitCode}); see ${again.logFile}`);
  return pick(again);
}

async function benchOne(articles: number): Promise<BenchResult> {
  const load = loadavg()[0]!;
  say(`${articles} articles: staging the project and writing the corpus (load average ${load.toFixed(1)})`);
  // An earlier run's staged projects for the later rounds go now, before any build: see buildOursAgain.
  for (let round = 2; round <= Number(values['build-rounds']); round++) await rm(join(work, `site-${articles}-${round}`), { recursive: true, force: true });
  const stage = await stageProject(project, join(work, `site-${articles}`));
  const corpus = join(stage, 'corpus');
  const files = await generateCorpus(from, corpus, { articles, seed, ...(values.events ? { events: Number(values.events) } : {}) });
  const events = files.filter((f) => f.path.startsWith('events/')).length;
  // Inside the staged project: Astro's prerender step resolves packages from the output folder's own location.
  const dist = join(stage, 'dist');
  await rm(dist, { recursive: true, force: true });

  say(`${articles} articles: building (log: ${join(work, `build-${articles}.log`)})`);
  const build = await runBuild({ cwd: stage, contentDir: corpus, outDir: dist, logFile: join(work, `build-${articles}.log`) });
  const result: BenchResult = {
    articles,
    events,
    seed,
    date: new Date().toISOString(),
    build: { ...build, pagesPerSecond: build.pages / build.wallSeconds },
  };
  result.loadAverage = load;
  if (!build.ok) {
    say(`${articles} articles: the build failed (exit ${build.exitCode}); see ${build.logFile}`);
    return result;
  }
  Object.assign(result, await measureBuilt(dist));

  // Straight after ours, so both builds meet about the same load on a shared machine. The Starlight sites are
  // removed only once everything is measured (the end of this function), so no deletion runs between two builds.
  const starlightSites: { site: string; ok: boolean }[] = [];
  if (!values['no-starlight']) {
    const baseline = await buildStarlight(articles, files);
    starlightSites.push({ site: baseline.site, ok: baseline.result.ok });
    result.starlight = baseline.result;
    // With --build-rounds N, N - 1 more pairs, each a full build of ours (in a staged project of its own) and one
    // of Starlight's, the order of the two alternating, so a machine speeding up or slowing down through the rounds
    // weighs on both alike.
    const rounds = Number(values['build-rounds']);
    if (rounds > 1) {
      const pairs: BuildPair[] = [{ first: 'ours', ours: pick(build), starlight: pick(result.starlight) }];
      for (let round = 2; round <= rounds; round++) {
        const first = round % 2 === 0 ? 'starlight' : 'ours';
        say(`${articles} articles: pair ${round} of ${rounds}, ${first === 'ours' ? 'ours, then Starlight' : 'Starlight, then ours'}`);
        const theirsFirst = first === 'starlight' ? await buildStarlight(articles, files, round) : undefined;
        const ours = await buildOursAgain(articles, corpus, round);
        const theirs = theirsFirst ?? (await buildStarlight(articles, files, round));
        starlightSites.push({ site: theirs.site, ok: theirs.result.ok });
        pairs.push({ first, ours, starlight: pick(theirs.result) });
      }
      result.pairs = pairs;
    }
  }

  // A rebuild of the largest corpus takes nearly as long as its build: --rebuild-up-to N skips it above N articles.
  if (!values['no-rebuild'] && (values['rebuild-up-to'] === undefined || articles <= Number(values['rebuild-up-to']))) {
    const generated = files.map((f) => /^articles\/(.+-\d{5})\.md$/.exec(f.path)?.[1]).find(Boolean);
    if (generated) {
      await touchOneArticle(corpus, generated);
      say(`${articles} articles: rebuilding after editing ${generated}`);
      const again = await runBuild({ cwd: stage, contentDir: corpus, outDir: dist, logFile: join(work, `rebuild-${articles}.log`) });
      result.rebuild = {
        ok: again.ok,
        wallSeconds: again.wallSeconds,
        ...(again.cpuSeconds !== undefined ? { cpuSeconds: again.cpuSeconds } : {}),
        peakTreeBytes: again.peakTreeBytes,
      };
    }
  }

  // Last, on the corpus as the builds left it: the dev server's own caches are the staged project's.
  if (!values['no-dev']) {
    const upTo = Number(values['dev-up-to']);
    if (articles > upTo) result.dev = { skipped: `above ${upTo.toLocaleString('en-US')} articles (--dev-up-to)`, edits: [], timeoutSeconds: 0 };
    else {
      const logFile = join(work, `dev-${articles}.log`);
      say(`${articles} articles: timing edits in astro dev (log: ${logFile})`);
      result.dev = await measureDevServer({
        cwd: stage,
        corpus,
        files,
        logFile,
        timeoutSeconds: Number(values['dev-timeout']),
        say: (line) => say(`${articles} articles: ${line}`),
        ...(values['dev-port'] ? { port: Number(values['dev-port']) } : {}),
        ...(values['dev-cpu-prof'] ? { cpuProfileDir: resolve(values['dev-cpu-prof']) } : {}),
      });
      if (result.dev.error) say(`${articles} articles: the dev server was not measured in full: ${result.dev.error}`);
    }
  }
  // A Starlight site that built is removed (one that failed stays, with its log, to be looked at): no second content
  // config lingers in the project where its own checks would read it.
  for (const { site, ok } of starlightSites) if (ok) await rm(site, { recursive: true, force: true });
  return result;
}

/** What the cold and the warm search fetched, file by file. */
function searchFiles(result: Pick<BenchResult, 'search'>, label: string): string {
  const visits = (['cold', 'warm'] as const).flatMap((when) =>
    result.search?.[when] ? [`Search "${result.search.query}", ${when}, ${label}:\n\n${fetchedFilesTable(result.search[when])}`] : [],
  );
  return visits.join('\n\n');
}

if (values.dist) {
  // Measure an existing build only: no corpus, no build, no rebuild.
  const measured = await measureBuilt(resolve(values.dist));
  process.stdout.write(`${JSON.stringify(measured, null, 2)}\n\n${searchFiles(measured, values.dist)}\n`);
  process.exit(0);
}
await mkdir(out, { recursive: true });
await mkdir(work, { recursive: true });
const results: BenchResult[] = [];
for (const articles of sizes) {
  if (articles < (await readSourceContent(from)).articles.length)
    fail(2, `--articles ${articles} is fewer than the real articles, which every corpus includes.`);
  const result = await benchOne(articles);
  results.push(result);
  await writeFile(join(out, `bench-${articles}.json`), `${JSON.stringify(result, null, 2)}\n`);
  await appendFile(join(out, 'history.jsonl'), `${JSON.stringify(result)}\n`);
}

process.stdout.write(`\n${markdownTable(results)}\n`);
for (const result of results) process.stdout.write(`\n${searchFiles(result, `${result.articles.toLocaleString('en-US')} articles`)}\n`);
const ok = results.filter((r) => r.build.ok).sort((a, b) => a.articles - b.articles);
if (ok.length >= 2) {
  const lines = ok.slice(1).map((r, i) => {
    const a = ok[i]!;
    const time = growthExponent({ articles: a.articles, value: a.build.wallSeconds }, { articles: r.articles, value: r.build.wallSeconds });
    const memory = growthExponent({ articles: a.articles, value: a.build.peakTreeBytes }, { articles: r.articles, value: r.build.peakTreeBytes });
    return `${a.articles} → ${r.articles} articles: build time ∝ n^${time.toFixed(2)}, peak memory ∝ n^${memory.toFixed(2)} (1.00 is linear)`;
  });
  process.stdout.write(`\n${lines.join('\n')}\n`);
}
if (values.chart && ok.length > 0) {
  const svg = buildTimeChart(
    ok.map((r) => ({ articles: r.articles, seconds: r.build.wallSeconds, ...(r.build.cpuSeconds !== undefined ? { cpuSeconds: r.build.cpuSeconds } : {}) })),
    [
      { articles: 1000, seconds: 10, label: 'target: 1,000 in < 10 s' },
      { articles: 10000, seconds: 120, label: 'target: 10,000 in < 2 min' },
    ],
  );
  await writeFile(values.chart, svg);
  say(`chart written to ${values.chart}`);
}
await writeFile(join(out, 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
say(`JSON written to ${join(out, 'bench.json')}${existsSync(join(out, 'history.jsonl')) ? ' (every run is appended to history.jsonl)' : ''}`);
