// `npm run check:content` as a contributor and as CI run it: exit codes, where the report goes, and the GitHub
// annotations printed when GITHUB_ACTIONS is set.
import { execFile } from 'node:child_process';
import { describe, expect, test } from 'vitest';

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { GITHUB_ACTIONS, ...base } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli/check-content.ts', ...args], { encoding: 'utf8', env: { ...base, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

const QUOTE_TYPO = 'tests/fixtures/bad-content/quote-typo';

// Each run starts Node and loads the MDX compiler, so the runs go side by side.
describe.concurrent('check-content CLI', { timeout: 60_000 }, () => {
  test('clean content: exit 0 and one line on stdout', async () => {
    const { code, stdout, stderr } = await run(['tests/fixtures/annotations']);
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '4 files checked, no problems.\n', stderr: '' });
  });

  test('problems (in CONTENT_DIR, the default root): exit 1, the report on stderr, nothing on stdout', async () => {
    const { code, stdout, stderr } = await run([], { CONTENT_DIR: QUOTE_TYPO });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${QUOTE_TYPO}/articles/example.md:9:12: note "cost-per-mille": the quote matches nothing in the article's text`);
    expect(stderr.trimEnd().split('\n').pop()).toBe('1 file checked: 1 problem in 1 file.');
  });

  test('on GitHub Actions each problem is also an error annotation on stdout', async () => {
    const { code, stdout } = await run([QUOTE_TYPO], { GITHUB_ACTIONS: 'true' });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      new RegExp(
        `^::error file=${QUOTE_TYPO}/articles/example\\.md,line=9,col=12,title=Content check%3A quote-not-found::note "cost-per-mille": the quote matches nothing.*%0Aquote:    "charged by cost per mille"%0A.*%0ASee CONTRIBUTING\\.md#the-quote\\n$`,
      ),
    );
  });

  test.each([
    [['a', 'b'], 'check-content: give at most one content root.'],
    [['no/such/folder'], 'check-content: there is no folder no/such/folder.'],
    [['--fix'], "check-content: Unknown option '--fix'"],
  ])('wrong usage %j: exit 2 with the reason', async (args, reason) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(reason);
  });
});
