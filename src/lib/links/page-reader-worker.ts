// Reads the built pages' ids and links in a worker thread, narrowing each page's policy first, while the build's
// last steps (the sitemap, the HTML cache's pruning) run on the main thread, so that the link check at the end finds
// its reading done (src/integrations/link-check.ts). Two such workers share the pages between them, every other page
// each. Each reads its pages exactly as the main thread would (readBuiltPages); only where it runs differs.
import { parentPort, workerData } from 'node:worker_threads';
import { readBuiltPages, type PageReading, type ReadOptions } from './check-built-links.ts';

export interface PageReaderTask {
  /** The build's output folder, absolute. */
  dist: string;
  /** This worker's share of the pages: every `of`-th, from the `part`-th (all of them when absent). */
  share?: { part: number; of: number };
  options?: ReadOptions;
}

export type PageReaderReply = { ok: true; pages: PageReading[] } | { ok: false; message: string };

const task = workerData as PageReaderTask;
try {
  parentPort?.postMessage({ ok: true, pages: await readBuiltPages(task.dist, task.share, task.options) } satisfies PageReaderReply);
} catch (error) {
  parentPort?.postMessage({ ok: false, message: (error as Error).message } satisfies PageReaderReply);
}
