// Reads the built pages' ids and links in a worker thread while the build's last steps run. Once Astro has written
// the pages, the main thread spends its time waiting on Pagefind, which indexes them in a process of its own on one
// core: this thread reads the same pages on the other core meanwhile, so the link check that follows the index
// finds its reading done (src/integrations/link-check.ts). It reads each page exactly as the main thread would
// (readBuiltPages); only where it runs differs.
import { parentPort, workerData } from 'node:worker_threads';
import { readBuiltPages, type PageReading } from './check-built-links.ts';

export interface PageReaderTask {
  /** The build's output folder, absolute. */
  dist: string;
}

export type PageReaderReply = { ok: true; pages: PageReading[] } | { ok: false; message: string };

const task = workerData as PageReaderTask;
try {
  parentPort?.postMessage({ ok: true, pages: await readBuiltPages(task.dist) } satisfies PageReaderReply);
} catch (error) {
  parentPort?.postMessage({ ok: false, message: (error as Error).message } satisfies PageReaderReply);
}
