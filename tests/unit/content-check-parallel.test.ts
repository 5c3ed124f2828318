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

// Concurrent: each case mostly waits for its worker threads to start, and the cases share nothing.
test.concurrent.for(roots)('%s: the same report in one thread and in three', { timeout: 60_000 }, async (root, { expect }) => {
  const alone = await checkContent({ root }, { threads: 1 });
  const shared = await checkContent({ root }, { threads: 3, minFilesPerThread: 1 });
  expect(shared.filesChecked).toBe(alone.filesChecked);
  expect(shared.problems.map(formatProblem)).toEqual(alone.problems.map(formatProblem));
  if (root !== 'content') expect(alone.problems.length).toBeGreaterThan(0);
});
