// "Edit this page", "Suggest a note" and "Last updated": the links a reader follows and the date they read, from
// a repository address and a file's git history. The history rules are tested with a scripted git first, then
// once against real repositories, a full clone and a shallow one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_REPO_URL, editUrl, repoPath, repoUrl, suggestNoteUrl } from '../../src/lib/repository/edit-links.ts';
import { runGit } from '../../src/lib/repository/git.ts';
import { forgetRepositories, lastUpdated, parseHistory, type GitRunner } from '../../src/lib/repository/last-updated.ts';

describe('links into the repository', () => {
  test.each([
    [{}, DEFAULT_REPO_URL],
    [{ REPO_URL: '' }, DEFAULT_REPO_URL],
    [{ REPO_URL: 'https://github.com/someone/fork/' }, 'https://github.com/someone/fork'],
    [{ REPO_URL: 'https://github.com/someone/fork.git' }, 'https://github.com/someone/fork'],
  ])('REPO_URL %j', (env, url) => expect(repoUrl(env)).toBe(url));

  test.each([
    ['content/articles/alibaba-embraces-wechat-pay.md', 'content/articles/alibaba-embraces-wechat-pay.md'],
    ['./content/topics/wechat-pay.mdx', 'content/topics/wechat-pay.mdx'],
    ['content\\events\\2024-09-05-x.yaml', 'content/events/2024-09-05-x.yaml'],
  ])('%s is %s in the repository', (path, expected) => expect(repoPath(path)).toBe(expected));

  const repo = 'https://github.com/walled-gardens/walled-gardens-annotated';
  test("the edit link opens the file on main in GitHub's editor", () => {
    expect(editUrl(repo, 'content/articles/alibaba-embraces-wechat-pay.md')).toBe(`${repo}/edit/main/content/articles/alibaba-embraces-wechat-pay.md`);
    expect(editUrl(repo, './content/topics/wechat-pay.mdx')).toBe(`${repo}/edit/main/content/topics/wechat-pay.mdx`);
  });

  test('"Suggest a note" opens the note form with the title and the article filled in', () => {
    expect(suggestNoteUrl(repo, { title: 'Alibaba Embraces WeChat Pay & More', path: 'content/articles/alibaba-embraces-wechat-pay.md' })).toBe(
      `${repo}/issues/new?template=note.yml&title=Note+on+%E2%80%9CAlibaba+Embraces+WeChat+Pay+%26+More%E2%80%9D&article=content%2Farticles%2Falibaba-embraces-wechat-pay.md`,
    );
  });
});

/** A git that answers from a script, and records what it was asked. */
function scriptedGit(answers: Record<string, string | undefined>): GitRunner & { asked: string[] } {
  const asked: string[] = [];
  const run: GitRunner = (args) => {
    asked.push(args.join(' '));
    // The git command: the first argument that is not an option (nor the value of -c).
    const command = args.find((arg, i) => !arg.startsWith('-') && args[i - 1] !== '-c');
    return answers[command!];
  };
  return Object.assign(run, { asked });
}

/** The marker git prints before each commit's date (see HISTORY_ARGS). */
const C = '\u0001';

describe('last updated, from the history when it can be trusted', () => {
  beforeEach(() => forgetRepositories());
  const published = new Date('2024-09-05T00:00:00Z');

  test.each([
    [
      'a full history',
      { 'rev-parse': 'false', log: `${C}2025-01-02T10:00:00+08:00\n\nM\tcontent/articles/x.mdx` },
      { date: new Date('2025-01-02T02:00:00Z'), from: 'git' },
    ],
    [
      'a shallow clone, whose one commit dates every file',
      { 'rev-parse': 'true', log: `${C}2025-01-02T10:00:00+08:00\n\nM\tcontent/articles/x.mdx` },
      { date: published, from: 'fallback' },
    ],
    ['no git, or not a repository', { 'rev-parse': undefined, log: undefined }, { date: published, from: 'fallback' }],
    [
      'a file never committed',
      { 'rev-parse': 'false', log: `${C}2025-01-02T10:00:00+08:00\n\nA\tcontent/articles/other.mdx` },
      { date: published, from: 'fallback' },
    ],
    ['an empty history', { 'rev-parse': 'false', log: '' }, { date: published, from: 'fallback' }],
    [
      'an answer that is not a date',
      { 'rev-parse': 'false', log: `${C}fatal: bad revision\nM\tcontent/articles/x.mdx` },
      { date: published, from: 'fallback' },
    ],
  ])('%s', (_name, answers, expected) => {
    expect(lastUpdated(scriptedGit(answers), 'content/articles/x.mdx', '/repo', published)).toEqual(expected);
  });

  test('without a fallback an unknown date is left out', () => {
    expect(lastUpdated(scriptedGit({ 'rev-parse': 'true' }), 'content/topics/x.mdx', '/repo')).toBeUndefined();
  });

  test('a shallow history is not read at all, and the question is asked once per repository', () => {
    const git = scriptedGit({ 'rev-parse': 'true' });
    lastUpdated(git, 'a.mdx', '/repo');
    lastUpdated(git, 'b.mdx', '/repo');
    expect(git.asked).toEqual(['rev-parse --is-shallow-repository']);
  });

  test('a full history is read once per repository, however many pages ask', () => {
    const git = scriptedGit({ 'rev-parse': 'false', log: `${C}2025-01-02T00:00:00Z\n\nA\ta.mdx\nA\tb.mdx` });
    for (const file of ['a.mdx', './b.mdx', 'c.mdx']) lastUpdated(git, file, '/repo');
    expect(git.asked).toHaveLength(2);
    expect(git.asked[1]).toMatch(/^-c core\.quotepath=off log /);
  });

  test.each([
    [
      'the newest commit of each file wins',
      `${C}2025-02-01T00:00:00Z\n\nM\ta.mdx\n${C}2024-01-01T00:00:00Z\n\nA\ta.mdx\nA\tb.mdx\n`,
      { 'a.mdx': '2025-02-01T00:00:00.000Z', 'b.mdx': '2024-01-01T00:00:00.000Z' },
    ],
    [
      'names with spaces and non-Latin letters are kept as written',
      `${C}2025-02-01T00:00:00Z\n\nA\tcontent/淘宝 notes.mdx\n`,
      { 'content/淘宝 notes.mdx': '2025-02-01T00:00:00.000Z' },
    ],
    [
      'a commit without a readable date dates none of its files',
      `${C}garbage\n\nM\ta.mdx\n${C}2024-01-01T00:00:00Z\n\nA\ta.mdx\n`,
      { 'a.mdx': '2024-01-01T00:00:00.000Z' },
    ],
    [
      'a rename alone is not a change: the file keeps the date of its last change under the old name',
      `${C}2026-11-22T00:00:00Z\n\nR100\ta.mdx\ta.md\n${C}2025-01-01T00:00:00Z\n\nM\ta.mdx\n${C}2024-01-01T00:00:00Z\n\nA\ta.mdx\n`,
      { 'a.md': '2025-01-01T00:00:00.000Z' },
    ],
    [
      'a rename that also changed the file dates it',
      `${C}2026-11-22T00:00:00Z\n\nR087\ta.mdx\ta.md\n${C}2025-01-01T00:00:00Z\n\nA\ta.mdx\n`,
      { 'a.md': '2026-11-22T00:00:00.000Z' },
    ],
    [
      'renamed twice, changed in between',
      `${C}2026-03-01T00:00:00Z\n\nR100\tb.md\tc.md\n${C}2026-02-01T00:00:00Z\n\nM\tb.md\n${C}2026-01-01T00:00:00Z\n\nR100\ta.md\tb.md\n${C}2025-01-01T00:00:00Z\n\nA\ta.md\n`,
      { 'c.md': '2026-02-01T00:00:00.000Z' },
    ],
    ['a deleted file has no date', `${C}2026-03-01T00:00:00Z\n\nD\tgone.md\n`, {}],
    ['nothing', '', {}],
  ])('reading the history: %s', (_name, output, expected) => {
    expect(Object.fromEntries([...parseHistory(output)].map(([file, date]) => [file, date.toISOString()]))).toEqual(expected);
  });
});

describe('against real repositories', () => {
  const folder = mkdtempSync(join(tmpdir(), 'last-updated-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const git = (args: string[], cwd: string, date = '2023-05-06T07:08:09Z') =>
    execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_GLOBAL: '/dev/null' }, stdio: 'pipe' });

  test('a full clone gives each file its own last commit; a shallow clone falls back', () => {
    forgetRepositories();
    const origin = join(folder, 'origin');
    mkdirSync(join(origin, 'content'), { recursive: true });
    git(['init', '-q', '-b', 'main'], origin);
    git(['config', 'user.email', 'test@example.org'], origin);
    git(['config', 'user.name', 'Test'], origin);
    writeFileSync(join(origin, 'content', 'old.mdx'), 'old\n');
    git(['add', '.'], origin);
    git(['commit', '-q', '-m', 'old'], origin, '2023-05-06T07:08:09Z');
    writeFileSync(join(origin, 'content', 'new.mdx'), 'new\n');
    git(['add', '.'], origin);
    git(['commit', '-q', '-m', 'new'], origin, '2024-01-02T03:04:05Z');

    expect(lastUpdated(runGit, 'content/old.mdx', origin)).toEqual({ date: new Date('2023-05-06T07:08:09Z'), from: 'git' });
    expect(lastUpdated(runGit, 'content/new.mdx', origin)).toEqual({ date: new Date('2024-01-02T03:04:05Z'), from: 'git' });

    // A rename alone (.mdx to .md) keeps the date of the last real change. (The history is read once per build:
    // forget it to read the new commit.)
    git(['mv', 'content/old.mdx', 'content/old.md'], origin);
    git(['commit', '-q', '-m', 'rename'], origin, '2025-02-03T04:05:06Z');
    forgetRepositories();
    expect(lastUpdated(runGit, 'content/old.md', origin)).toEqual({ date: new Date('2023-05-06T07:08:09Z'), from: 'git' });

    const shallow = join(folder, 'shallow');
    git(['clone', '-q', '--depth', '1', `file://${origin}`, shallow], folder);
    const fallback = new Date('2021-03-25T00:00:00Z');
    expect(lastUpdated(runGit, 'content/old.mdx', shallow, fallback)).toEqual({ date: fallback, from: 'fallback' });

    expect(lastUpdated(runGit, 'content/old.mdx', folder, fallback)).toEqual({ date: fallback, from: 'fallback' });
  });
});
