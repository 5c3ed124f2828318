// The dev server's content check runs on a worker thread (src/lib/content-check/check-in-worker.ts), so the pages are
// served while it runs. It must report what the check on this thread reports, see an edit made between two checks
// (its worker keeps its own content model), and run one check at a time however often it is asked.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/lib/content-check/check-content.ts';
import { BackgroundCheck } from '../../src/lib/content-check/check-in-worker.ts';
import { formatProblem } from '../../src/lib/content-check/problem.ts';

const FIXTURES = 'tests/fixtures/bad-content';

describe('the content check on a worker thread', () => {
  const folder = mkdtempSync(join(tmpdir(), 'background-check-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test.each([
    'content',
    ...readdirSync(FIXTURES)
      .sort()
      .slice(0, 3)
      .map((name) => `${FIXTURES}/${name}`),
  ])('%s: the same report as on this thread', async (root) => {
    const background = new BackgroundCheck({ root });
    try {
      const here = await checkContent({ root }, { threads: 1 });
      const there = await background.check();
      expect(there.filesChecked).toBe(here.filesChecked);
      expect(there.problems.map(formatProblem)).toEqual(here.problems.map(formatProblem));
    } finally {
      await background.close();
    }
  });

  test('an edit between two checks is seen; checks asked for together run one after the other, the last on the edit', async () => {
    const root = join(folder, 'content');
    cpSync('content', root, { recursive: true });
    const background = new BackgroundCheck({ root, cwd: folder });
    try {
      expect((await background.check()).problems).toEqual([]);
      const file = join(root, 'articles', readdirSync(join(root, 'articles')).sort()[0]!);
      const original = readFileSync(file, 'utf8');
      const broken = original.replace(/^(\s*quote:\s*)(.+)$/m, '$1a passage that is nowhere in the text');
      const first = background.check();
      writeFileSync(file, broken);
      // Asked while the first runs: both of these wait for the one check that starts when it ends.
      const [second, third] = [background.check(), background.check()];
      expect(second).toBe(third);
      const found = await second;
      await first;
      expect(found.problems.map((p) => p.message).join('\n')).toMatch(/matches nothing in the article's text/);
      writeFileSync(file, original);
      expect((await background.check()).problems).toEqual([]);
    } finally {
      await background.close();
    }
  });
});
