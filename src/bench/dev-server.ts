// Times edits in a running `astro dev` on the benchmark's staged corpus: starts the dev server in the staged project
// (the environment its builds get, see build-run.ts), waits until it answers, requests the pages once, then writes
// each edit of dev-edit.ts and requests the affected pages until they show it, and writes the file back. Every file
// is restored whatever happens, and the server (a process group this code started) is stopped.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { basePath } from '../lib/deploy-settings.ts';
import { joinBase } from '../lib/urls.ts';
import { astroEnv } from './build-run.ts';
import type { CorpusFile } from './corpus.ts';
import {
  linkedTopic,
  markerWord,
  pickEditTargets,
  pollPages,
  protectedQuotes,
  realClock,
  withOneWordChanged,
  withValueMarked,
  type DevEditKind,
  type DevServerResult,
  type PageCheck,
} from './dev-edit.ts';

export interface DevServerOptions {
  /** The staged project (stageProject) and the corpus in it. */
  cwd: string;
  corpus: string;
  files: readonly CorpusFile[];
  logFile: string;
  /** The port; 0 or undefined: one the system says is free. */
  port?: number;
  timeoutSeconds?: number;
  /** A folder for the dev server's CPU profile (node --cpu-prof), written when it stops. */
  cpuProfileDir?: string;
  say?: (line: string) => void;
}

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No free port.'))));
    });
  });
}

/** How long the server may take to answer at all: a 1,000-article corpus is checked and synced before it listens. */
const START_TIMEOUT_MS = 600_000;

export async function measureDevServer(options: DevServerOptions): Promise<DevServerResult> {
  const timeoutSeconds = options.timeoutSeconds ?? 60;
  const result: DevServerResult = { edits: [], timeoutSeconds, logFile: options.logFile };
  const say = options.say ?? (() => undefined);
  const port = options.port || (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const base = basePath(process.env);
  const url = (path: string) => `${origin}${joinBase(base, path)}`;
  const fetchText = async (path: string) => {
    const response = await fetch(url(path), { headers: { 'cache-control': 'no-cache' }, signal: AbortSignal.timeout(timeoutSeconds * 1000) });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.text();
  };

  const astro = join(options.cwd, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // Node writes a CPU profile only when the process exits of itself: Astro's dev server does not handle SIGINT, so
  // a preloaded handler turns the stop below into an exit.
  const exitOnInterrupt = `data:text/javascript,${encodeURIComponent("process.on('SIGINT', () => process.exit(130));")}`;
  const profile = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir, '--import', exitOnInterrupt] : [];
  result.loadAverage = loadavg()[0]!;
  const started = realClock.now();
  // Its own process group, so stopping it stops whatever it started too.
  // --ignore-lock: the staged project is this run's alone, and it keeps Astro from moving a server it thinks an AI
  // agent started into the background, out of this process's reach.
  const child = spawn(process.execPath, [...profile, astro, 'dev', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    cwd: options.cwd,
    env: astroEnv(options.cwd, options.corpus),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const log = createWriteStream(options.logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('close', () => ((exited = true), resolve())));

  const restore: { path: string; text: string }[] = [];
  try {
    // Answering at all: the site's icon is a public file, served without rendering a page.
    const up = await pollPages([{ label: 'start', path: '/favicon.svg', marker: '' }], fetchText, {
      since: started,
      intervalMs: 250,
      timeoutMs: START_TIMEOUT_MS,
    });
    if (up[0]!.seconds === undefined || exited) {
      result.error = exited ? `astro dev stopped before it answered; see ${options.logFile}` : `astro dev did not answer in ${START_TIMEOUT_MS / 1000} s`;
      return result;
    }
    result.startSeconds = up[0]!.seconds;

    const targets = pickEditTargets(options.files);
    if (!targets.article) {
      result.error = 'The corpus has no generated article with a word to change.';
      return result;
    }
    const articlePath = `/articles/${targets.article.slug}/`;
    const firstAt = realClock.now();
    const firstPage = await fetchText(articlePath);
    result.firstRequest = { path: articlePath, seconds: (realClock.now() - firstAt) / 1000 };
    say(`dev server answered after ${result.startSeconds.toFixed(1)} s; first article page in ${result.firstRequest.seconds.toFixed(1)} s`);

    const nonce = Date.now().toString(36);
    /** Writes `edited` over `file`, times `checks` until they show it, writes the original back and waits for that. */
    const timeEdit = async (edit: DevEditKind, file: string, edited: (text: string) => string | undefined, checks: PageCheck[]) => {
      const path = join(options.corpus, file);
      const original = await readFile(path, 'utf8');
      const text = edited(original);
      if (text === undefined) {
        say(`dev: no ${edit} edit could be made to ${file}`);
        return;
      }
      // Every page once before the edit, so the time measured is the edit's, not a first render's.
      for (const check of checks) await fetchText(check.path).catch(() => undefined);
      restore.push({ path, text: original });
      await writeFile(path, text);
      const timings = await pollPages(checks, fetchText, { since: realClock.now(), timeoutMs: timeoutSeconds * 1000 });
      await writeFile(path, original);
      restore.pop();
      const back = await pollPages(checks, fetchText, { since: realClock.now(), timeoutMs: timeoutSeconds * 1000, present: false });
      const restored = back.every((b) => b.seconds !== undefined) ? Math.max(...back.map((b) => b.seconds!)) : undefined;
      result.edits.push({ edit, file, checks: timings, ...(restored !== undefined ? { restoredSeconds: restored } : {}) });
      const shown = timings.map((t) => `${t.label} ${t.seconds === undefined ? `not within ${timeoutSeconds} s` : `${t.seconds.toFixed(2)} s`}`);
      say(`dev: ${edit} edit of ${file}: ${shown.join(', ')}`);
    };

    const article = targets.article;
    const articleMarker = markerWord('article-text', nonce);
    await timeEdit('article-text', article.file, (text) => withOneWordChanged(text, articleMarker, protectedQuotes(text)), [
      { label: 'its page', path: articlePath, marker: articleMarker },
    ]);

    // The topic an article page links a mention to: its summary shows in that link's preview (from /topics/summaries.json).
    const linked = linkedTopic(firstPage) ?? (targets.citing ? linkedTopic(await fetchText(`/articles/${targets.citing.slug}/`)) : undefined);
    if (linked) {
      const topicFile = `topics/${linked}.mdx`;
      const topicPage = `/topics/${linked}/`;
      const overview = markerWord('topic-overview', nonce);
      await timeEdit('topic-overview', topicFile, (text) => withOneWordChanged(text, overview), [{ label: 'topic page', path: topicPage, marker: overview }]);
      const summary = markerWord('topic-summary', nonce);
      await timeEdit('topic-summary', topicFile, (text) => withValueMarked(text, 'summary', summary), [
        { label: 'topic page', path: topicPage, marker: summary },
        { label: 'link previews', path: '/topics/summaries.json', marker: summary },
      ]);
    } else say('dev: no article page links a topic; the topic edits are left out');

    if (targets.citing) {
      const title = markerWord('cited-title', nonce);
      await timeEdit('cited-title', targets.citing.citedFile, (text) => withValueMarked(text, 'title', title), [
        { label: 'citing article', path: `/articles/${targets.citing.slug}/`, marker: title },
        { label: 'its page', path: `/articles/${targets.citing.cited}/`, marker: title },
      ]);
    } else say('dev: no generated article cites another; the cited-article edit is left out');
    return result;
  } catch (error) {
    result.error = (error as Error).message;
    return result;
  } finally {
    for (const file of restore) await writeFile(file.path, file.text);
    if (!exited) {
      // SIGINT, as Ctrl+C in a terminal.
      process.kill(-child.pid!, 'SIGINT');
      const stopped = await Promise.race([exit.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000))]);
      if (!stopped) process.kill(-child.pid!, 'SIGKILL');
      await exit;
    }
    log.end();
  }
}
