// Runs the project's build on a corpus (`npm run build`'s script, src/cli/build.ts: `astro build`, then the search
// index) and measures it: wall time, peak memory of the whole process tree, pages, and what was written. The build
// runs in a staged copy of the project (its config, src/ and public/, with node_modules linked), because Astro
// writes per-build state into the project itself: .astro/content-modules.mjs lists the collection's files and
// node_modules/.astro/ caches the content store. Building a 10,000-article corpus in the working tree would
// overwrite that state under anyone else building or running the dev server there.
import { readPhases, type PhaseTimes } from '../lib/build-phases.ts';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { descendants, parseProcStatus, parseTimeVerbose, peaksByName, programName } from './process-memory.ts';

/** What the build reads from the project; everything else (tests, content/, dist/) stays behind. */
const PROJECT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public'];
/** Caches Astro and Vite keep in node_modules: the staged copy gets its own. */
const PRIVATE_MODULES = new Set(['.astro', '.vite', '.cache']);

/** Copies the project into `stage` (replacing it) and links its dependencies; returns `stage`. */
export async function stageProject(projectRoot: string, stage: string): Promise<string> {
  await rm(stage, { recursive: true, force: true });
  await mkdir(join(stage, 'node_modules'), { recursive: true });
  for (const name of PROJECT_FILES) {
    if (existsSync(join(projectRoot, name))) await cp(join(projectRoot, name), join(stage, name), { recursive: true });
  }
  for (const name of await readdir(join(projectRoot, 'node_modules'))) {
    if (!PRIVATE_MODULES.has(name)) await symlink(join(projectRoot, 'node_modules', name), join(stage, 'node_modules', name));
  }
  return stage;
}

export interface BuildMeasurement {
  ok: boolean;
  exitCode: number | null;
  wallSeconds: number;
  /** Largest sum of resident memory over the build's process tree, sampled every `sampleMs`. */
  peakTreeBytes: number;
  /** Largest single process's peak (VmHWM, or /usr/bin/time's maximum resident set size). */
  peakProcessBytes: number;
  /** Each program's own peak (VmHWM), by name ("node", "pagefind_extend"), as sampled: which process the peak is. */
  peakByProcess: Record<string, number>;
  /** CPU time (user + system) of the build and its children, when /usr/bin/time is there. On a shared machine
   * it is the steadier figure: wall time grows with everyone else's load, CPU time hardly does. */
  cpuSeconds?: number;
  /** "N page(s) built" from Astro's log, or the number of HTML files written. */
  pages: number;
  /** Where the time went, as the build reported it (src/lib/build-phases.ts); empty for a build that does not. */
  phases: PhaseTimes;
  logFile: string;
}

async function sampleTree(root: number, peaks: Map<string, number>): Promise<{ total: number; hwm: number }> {
  const parents = new Map<number, number>();
  const statuses = new Map<number, ReturnType<typeof parseProcStatus>>();
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const status = parseProcStatus(await readFile(`/proc/${name}/status`, 'utf8').catch(() => ''));
    if (!status) continue;
    parents.set(status.pid, status.ppid);
    statuses.set(status.pid, status);
  }
  let total = 0;
  let hwm = 0;
  const tree = await Promise.all(
    [...descendants(root, parents)]
      .flatMap((pid) => statuses.get(pid) ?? [])
      .map(async (s) => ({ ...s, name: programName(await readFile(`/proc/${s.pid}/cmdline`, 'utf8').catch(() => ''), s.name) })),
  );
  for (const s of tree) {
    total += s.rss;
    hwm = Math.max(hwm, s.hwm);
  }
  peaksByName(tree, peaks);
  return { total, hwm };
}

export interface BuildOptions {
  /** The staged project (see stageProject). */
  cwd: string;
  /** CONTENT_DIR for the build, relative to cwd or absolute. */
  contentDir: string;
  outDir: string;
  logFile: string;
  extraArgs?: string[];
  env?: Record<string, string>;
  /** Astro's command-line script, run as the whole build (the Starlight baseline, whose cwd has no node_modules of
   * its own and whose search index Starlight builds inside `astro build`). */
  astroBin?: string;
  sampleMs?: number;
}

const VITEST_ENV = new Set(['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST']);

/** The environment Astro runs with in a staged project (a build, or the dev server the benchmark times edits in), as
 * `npm run build` and `npm run dev` give it: the corpus as CONTENT_DIR, and the staged project's own cache, since a CACHE_DIR set by the caller would share one
 * content store between builds. */
export function astroEnv(cwd: string, contentDir: string, extra?: Record<string, string>): NodeJS.ProcessEnv {
  // Not what Vitest adds to its own environment (NODE_ENV=test, DEV=1, PROD, MODE, BASE_URL, SSR, VITEST…) to imitate
  // import.meta.env: Vite reads them, and a build made with them is not a production build (import.meta.env.DEV is
  // true in its pages: no page keys, no index kept for the build), which is not what `npm run build` makes.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_ENV.has(name) && !name.startsWith('VITEST')));
  return {
    ...inherited,
    CONTENT_DIR: contentDir,
    CACHE_DIR: join(cwd, 'node_modules', '.astro'),
    ASTRO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

export async function runBuild(options: BuildOptions): Promise<BuildMeasurement> {
  const timeFile = `${options.logFile}.time`;
  const useTime = existsSync('/usr/bin/time');
  const build = options.astroBin ? [options.astroBin, 'build'] : [join(options.cwd, 'src', 'cli', 'build.ts')];
  const command = [process.execPath, ...build, '--outDir', options.outDir, ...(options.extraArgs ?? [])];
  const [file, ...args] = useTime ? ['/usr/bin/time', '-v', '-o', timeFile, ...command] : command;
  const started = performance.now();
  const child = spawn(file!, args, {
    cwd: options.cwd,
    env: astroEnv(options.cwd, options.contentDir, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Streamed to the log file as it comes, so a long build can be followed with tail -f.
  const logStream = createWriteStream(options.logFile);
  const log: Buffer[] = [];
  const keep = (b: Buffer) => {
    log.push(b);
    logStream.write(b);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let peakTree = 0;
  let peakProcess = 0;
  const peaks = new Map<string, number>();
  let done = false;
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => ((done = true), resolve(code))));
  const sampler = (async () => {
    while (!done) {
      const { total, hwm } = await sampleTree(child.pid!, peaks);
      peakTree = Math.max(peakTree, total);
      peakProcess = Math.max(peakProcess, hwm);
      await new Promise((r) => setTimeout(r, options.sampleMs ?? 100));
    }
  })();
  const exitCode = await exited;
  const wallSeconds = (performance.now() - started) / 1000;
  await sampler;
  const text = Buffer.concat(log).toString('utf8');
  await new Promise((resolve) => logStream.end(resolve));
  let cpuSeconds: number | undefined;
  if (useTime) {
    const timed = parseTimeVerbose(await readFile(timeFile, 'utf8').catch(() => ''));
    peakProcess = Math.max(peakProcess, timed.maxRss ?? 0);
    cpuSeconds = timed.cpuSeconds;
  }
  const built = /(\d+) page\(s\) built/.exec(text)?.[1];
  const pages = built ? Number(built) : (await listFiles(options.outDir).catch(() => [])).filter((f) => f.path.endsWith('.html')).length;
  return {
    ok: exitCode === 0,
    exitCode,
    wallSeconds,
    ...(cpuSeconds !== undefined ? { cpuSeconds } : {}),
    peakTreeBytes: Math.max(peakTree, peakProcess),
    peakProcessBytes: peakProcess,
    peakByProcess: Object.fromEntries([...peaks].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1])),
    pages,
    phases: readPhases(text),
    logFile: options.logFile,
  };
}

export interface OutputFile {
  /** Path inside the output folder, with forward slashes. */
  path: string;
  bytes: number;
}

export async function listFiles(dir: string): Promise<OutputFile[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const out: OutputFile[] = [];
  for (let at = 0; at < files.length; at += 256) {
    const sizes = await Promise.all(files.slice(at, at + 256).map((f) => stat(f)));
    sizes.forEach((s, i) =>
      out.push({
        path: relative(dir, files[at + i]!)
          .split(sep)
          .join('/'),
        bytes: s.size,
      }),
    );
  }
  return out;
}
