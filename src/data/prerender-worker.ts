// A worker thread that renders Markdown articles into the HTML cache ahead of their pages, so a build uses both
// cores while Astro renders pages on one (src/integrations/prerender-articles.ts). It takes the articles from the
// end of the list while the pages start from the beginning, skips any already cached, and sends back how many it
// rendered. An article it cannot render is left to its page, which reports the problem.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { htmlCacheFile, htmlCacheKey, topicsDigest } from '../content-model/html-cache.ts';
import { parseCounts, rememberEntry, type Entry } from '../content-model/entry.ts';
import { articleTextRendering, readCachedHtml, sourceOfText, writeCachedRendering } from './article-html.ts';

export interface PrerenderTask {
  /** The project root, absolute: cache names use paths relative to it and its pipeline code, as the pages do. */
  projectRoot: string;
  /** The content root, absolute. */
  contentDir: string;
  /** The deploy base. */
  base: string;
  /** The HTML cache folder, absolute (src/content-model/html-cache.ts). */
  cacheDir: string;
}

/** The message that starts the rendering: the content model's entries the main thread has read (settledEntries), so
 * no file is parsed again here; the timeline's pages, which links to events name, are computed from them as the
 * pages compute theirs. Until it comes the worker only loads its code; 'stop' before it ends it with nothing done. */
export interface PrerenderStart {
  entries: Entry[];
}

export interface PrerenderReport {
  rendered: number;
  skipped: number;
  /** Content files this worker had to parse itself (0 when it was given every entry it needed). */
  parsed: number;
}

const task = workerData as PrerenderTask;
const render = articleTextRendering({ base: task.base, contentDir: task.contentDir });
const report: PrerenderReport = { rendered: 0, skipped: 0, parsed: 0 };
let stop = false;
let start: (entries: Entry[] | undefined) => void = () => {};
const given = new Promise<Entry[] | undefined>((resolve) => (start = resolve));
parentPort?.on('message', (message: PrerenderStart | 'stop') => {
  if (message === 'stop') stop = true;
  start(message === 'stop' ? undefined : message.entries);
});

async function renderAll(entries: Entry[]): Promise<void> {
  for (const entry of entries) rememberEntry(entry);
  const articles = join(task.contentDir, 'articles');
  // No topic changes while a build renders: their digest once, for every name.
  const keyOptions = { ...task, topics: topicsDigest(task.contentDir) };
  for (const name of readdirSync(articles)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .reverse()) {
    if (stop) break;
    const path = join(articles, name);
    const text = readFileSync(path, 'utf8');
    const source = sourceOfText(path, text);
    const key = htmlCacheKey(keyOptions, path, text, source.frontmatter);
    if (readCachedHtml(htmlCacheFile(task.cacheDir, key)) !== undefined) continue;
    try {
      writeCachedRendering(task.cacheDir, key, await render(source));
      report.rendered += 1;
    } catch {
      report.skipped += 1;
    }
    // Lets a 'stop' message in between articles.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const entries = await given;
if (entries && !stop) await renderAll(entries);
report.parsed = [...parseCounts().values()].reduce((sum, n) => sum + n, 0);
parentPort?.postMessage(report);
// Done: the thread ends now, and its memory is given back while Astro renders the remaining pages, instead of when
// the build stops it.
parentPort?.close();
