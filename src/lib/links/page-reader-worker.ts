// Reads the built pages' ids and links in a worker thread, narrowing each page's policy, so that the link check at
// the end of the build finds its reading done (src/integrations/link-check.ts): from the start of the build, it reads
// each page of its share as Astro writes it, once it has settled (page-follower.ts), until told that every page is
// written (any message); it then finishes and replies. Every page ends up read exactly as the main thread would read
// it (readPage); only where and when differs.
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { PageReading, ReadOptions } from './check-built-links.ts';
import { PageFollower } from './page-follower.ts';

export interface PageReaderTask {
  /** The build's output folder, absolute. */
  dist: string;
  /** This worker's share of the pages: those shareOf gives its part. All of them when absent. */
  share?: { part: number; of: number };
  options?: ReadOptions;
}

/** The pages read, and how many of them were read only once Astro had written them all. */
export type PageReaderReply = { ok: true; pages: PageReading[]; readAtTheEnd: number } | { ok: false; message: string };

/** How often a following worker looks for new pages while none come, at most (twice as often while they come): a
 * look costs a stat of every folder not found done (2-8 ms at 10,000 articles; 57-65 ms every RECHECK_MS, when
 * every folder is looked at), a few per cent of a core at the lowest priority. Looking more often leaves fewer pages
 * to read once Astro has written them all, on the build's critical path (SETTLE_MS in page-follower.ts has figures). */
const POLL_MS = 400;

/**
 * Gives this thread the lowest scheduling priority, so that following only ever takes CPU time Astro leaves unused
 * and never slows the rendering it follows. Linux keeps a priority per thread, which is a task with an id of its own
 * (/proc/thread-self); elsewhere the thread keeps its priority.
 */
function yieldToTheBuild(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or not allowed: the following still works, at the build's own priority.
  }
}

/** Reads pages as they are written until `written` resolves, then the rest. */
async function follow(task: PageReaderTask, written: Promise<unknown>): Promise<{ pages: PageReading[]; readAtTheEnd: number }> {
  yieldToTheBuild();
  const follower = new PageFollower(task.dist, task.share, task.options);
  let done = false;
  void written.then(() => (done = true));
  while (!done) {
    const read = follower.poll();
    // Sooner while pages come; looking at a large output folder takes at most a fifth of the time.
    await Promise.race([written, sleep(Math.max(read > 0 ? POLL_MS / 2 : POLL_MS, 4 * follower.listingMs))]);
  }
  const pages = follower.finish();
  return { pages, readAtTheEnd: follower.readAtTheEnd };
}

const task = workerData as PageReaderTask;
try {
  const reply = await follow(task, new Promise((told) => parentPort?.once('message', told)));
  parentPort?.postMessage({ ok: true, ...reply } satisfies PageReaderReply);
} catch (error) {
  parentPort?.postMessage({ ok: false, message: (error as Error).message } satisfies PageReaderReply);
}
