// `npm run build` on content with a mistake, as a contributor and as CI see it: the build stops at once with our
// report (file:line:column, how to fix) and exit code 1, framed as a content problem, not as a crash of the tool
// (no "unhandled error", no stack trace); on GitHub Actions each problem is also an error annotation.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const QUOTE_TYPO = 'tests/fixtures/bad-content/quote-typo';

/** A build of the fixture, with a cacheDir of its own: the project's (node_modules/.astro) keeps what the real
 * content's builds parsed, which a build of other content would prune. */
function build(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const { GITHUB_ACTIONS, ...base } = process.env;
  const cacheDir = mkdtempSync(join(tmpdir(), 'build-content-problems-'));
  return new Promise((done) => {
    execFile(
      process.execPath,
      [resolve('node_modules/astro/bin/astro.mjs'), 'build'],
      { encoding: 'utf8', env: { ...base, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: QUOTE_TYPO, CACHE_DIR: cacheDir, ...env } },
      (error, stdout, stderr) => {
        rmSync(cacheDir, { recursive: true, force: true });
        done({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

describe.concurrent('astro build with a content problem', { timeout: 90_000 }, () => {
  test('stops with exit 1 and our report only', async () => {
    const { code, stdout, stderr } = await build({});
    const output = stdout + stderr;
    expect(code).toBe(1);
    expect(stderr).toContain('The build stopped: the content has problems. Fix them and build again.');
    expect(stderr).toContain(`${QUOTE_TYPO}/articles/example.md:9:12: note "cost-per-mille": the quote matches nothing in the article's text`);
    expect(stderr).toContain('How to fix:');
    expect(stderr.trimEnd().split('\n').pop()).toBe('1 file checked: 1 problem in 1 file.');
    expect(output).not.toMatch(/unhandled error/i);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(stdout).not.toContain('::error');
  });

  test('on GitHub Actions the problems are also annotations', async () => {
    const { code, stdout } = await build({ GITHUB_ACTIONS: 'true' });
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^::error file=${QUOTE_TYPO}/articles/example\\.md,line=9,col=12,title=Content check%3A quote-not-found::`, 'm'));
  });
});
