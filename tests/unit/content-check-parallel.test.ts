// The content check parses a large corpus in several threads (src/lib/content-check/parse-in-parallel.ts). Shared
// out or not, it must report exactly the same problems in the same order: every bad-content fixture and the
// site's own content are checked both ways, the worker forced on even for a handful of files.
import { readdirSync } from 'node:fs';
import { test } from 'vitest';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import { formatProblem } from '../../src/lib/content-check/problem.ts';

const FIXTURES = 'tests/fixtures/bad-content';
const roots = [
  'content',
  ...readdirSync(FIXTURES)
    .sort()
    .map((name) => `${FIXTURES}/${name}`),
];

/** The site's own content is shared among three threads (two workers, whose replies are merged with this thread's);
 * each fixture between two, which is the same sharing, merge and copying back of entries with one worker start
 * instead of two: the file's 69 cases spend most of their time starting workers (the file alone took 13.8-14.5 s with
 * three threads for every case, 10.7-10.8 s so, 2026-12-08). */
const threadsFor = (root: string) => (root === 'content' ? 3 : 2);

// Concurrent: each case mostly waits for its worker threads to start, and the cases share nothing.
test.concurrent.for(roots)('%s: the same report in one thread and in two or three', { timeout: 60_000 }, async (root, { expect }) => {
  const alone = await checkContent({ root }, { threads: 1 });
  const shared = await checkContent({ root }, { threads: threadsFor(root), minFilesPerThread: 1 });
  expect(shared.filesChecked).toBe(alone.filesChecked);
  expect(shared.problems.map(formatProblem)).toEqual(alone.problems.map(formatProblem));
  if (root !== 'content') expect(alone.problems.length).toBeGreaterThan(0);
});
