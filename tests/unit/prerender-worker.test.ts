// The pre-render worker (src/data/prerender-worker.ts) fills the HTML cache that article pages read. Run on a
// generated corpus, it must write, under the name a page looks for, exactly the HTML the page would render, and
// leave alone what is already cached. The corpus's timeline has two pages, so the links to events the worker writes
// must name the page the build gives it, as a page rendering the article itself would.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { articleTextRenderer, sourceOfText } from '../../src/data/article-html.ts';
import { htmlCacheFile, htmlCacheKey } from '../../src/content-model/html-cache.ts';
import { readEntry, settledEntries } from '../../src/content-model/entry.ts';
import type { PrerenderReport, PrerenderStart, PrerenderTask } from '../../src/data/prerender-worker.ts';
import { assembleCorpus } from '../../src/bench/corpus.ts';
import { timelineEventPages } from '../../src/lib/timeline/event-file.ts';
import { readSourceContent, writeCorpus } from '../../src/bench/corpus-files.ts';

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'prerender-'));
  await writeCorpus(join(root, 'content'), assembleCorpus(await readSourceContent('content'), { articles: 12, events: 120 }));
}, 60_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Starts the worker as the build does: it loads, then is given the entries the main thread read (or told to stop).
 * Its one report, once the thread has ended by itself: once it has reported it must end, so that its memory is
 * freed while Astro renders the remaining pages, not when the build stops it (a thread that reports twice, or ends
 * with an error or not at all, fails here). */
function runWorker(task: PrerenderTask, start: PrerenderStart | 'stop'): Promise<PrerenderReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../src/data/prerender-worker.ts', import.meta.url), { workerData: task });
    const reports: PrerenderReport[] = [];
    worker.on('message', (report: PrerenderReport) => reports.push(report));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code === 0 && reports.length === 1) resolve(reports[0]!);
      else reject(new Error(`the worker ended with code ${code} after ${reports.length} reports (one was expected)`));
    });
    worker.postMessage(start);
  });
}

test('renders every article into the cache, as its page would, and skips what is cached', { timeout: 60_000 }, async () => {
  const contentDir = join(root, 'content');
  const cacheDir = join(root, 'cache');
  const eventPages = new Map(timelineEventPages(contentDir));
  expect(Math.max(...eventPages.values())).toBe(2);
  const task: PrerenderTask = { projectRoot: root, contentDir, base: '/', cacheDir };
  const names = (await readdir(join(contentDir, 'articles'))).filter((name) => name.endsWith('.md')).sort();

  // One article is cached already (by an earlier build): the worker leaves it as it is.
  const first = join(contentDir, 'articles', names[0]!);
  const firstText = await readFile(first, 'utf8');
  await mkdir(cacheDir, { recursive: true });
  // The name a page looks for: its own pages of the timeline, from the content model.
  const pageOptions = { projectRoot: root, contentDir, base: '/' };
  const cacheFile = (path: string, text: string) => htmlCacheFile(cacheDir, htmlCacheKey(pageOptions, path, text, sourceOfText(path, text).frontmatter));
  await writeFile(cacheFile(first, firstText), '<p>cached before</p>');

  expect(await runWorker(task, { entries: [] })).toMatchObject({ rendered: names.length - 1, skipped: 0 });
  const render = articleTextRenderer({ base: '/', contentDir });
  const linkedPages = new Set<number>();
  for (const name of names.slice(1)) {
    const path = join(contentDir, 'articles', name);
    const text = await readFile(path, 'utf8');
    const html = await readFile(cacheFile(path, text), 'utf8');
    expect(html, name).toBe(await render(sourceOfText(path, text)));
    for (const [, page] of html.matchAll(/href="\/timeline\/(?:(\d+)\/)?#event-/g)) linkedPages.add(Number(page ?? 1));
  }
  expect([...linkedPages].sort()).toEqual([1, 2]);
  expect(await readFile(cacheFile(first, firstText), 'utf8')).toBe('<p>cached before</p>');
  // Nothing half-written is left behind.
  expect((await readdir(cacheDir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  // Beside each page text it rendered, where its notes are (for the open data).
  expect((await readdir(cacheDir)).filter((file) => file.endsWith('.notes.json'))).toHaveLength(names.length - 1);
});

test('given the entries the main thread read, the worker parses no file again', { timeout: 60_000 }, async () => {
  const contentDir = join(root, 'content');
  const cacheDir = join(root, 'cache-given');
  for (const kind of ['articles', 'topics', 'events'] as const) {
    for (const name of await readdir(join(contentDir, kind))) {
      const entry = readEntry(kind === 'articles' ? 'article' : kind === 'topics' ? 'topic' : 'event', join(contentDir, kind, name));
      void entry?.body?.passages; // what the content check computes for every article and topic
    }
  }
  const entries = settledEntries(contentDir);
  expect(entries.length).toBeGreaterThan(12);
  const given = await runWorker({ projectRoot: root, contentDir, base: '/', cacheDir }, { entries });
  expect(given).toEqual({ rendered: 12, skipped: 0, parsed: 0 });
  // The same worker with nothing given parses the files it renders (and those their notes cite).
  const alone = await runWorker({ projectRoot: root, contentDir, base: '/', cacheDir: join(root, 'cache-alone') }, { entries: [] });
  expect(alone.rendered).toBe(12);
  expect(alone.parsed).toBeGreaterThanOrEqual(12);
});

test('told to stop before it is given the entries (the build ended first), the worker renders nothing', { timeout: 60_000 }, async () => {
  const contentDir = join(root, 'content');
  const cacheDir = join(root, 'cache-stopped');
  expect(await runWorker({ projectRoot: root, contentDir, base: '/', cacheDir }, 'stop')).toEqual({ rendered: 0, skipped: 0, parsed: 0 });
  await expect(readdir(cacheDir)).rejects.toThrow();
});
