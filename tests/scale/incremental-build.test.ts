// An incremental build (Astro's experimental.incrementalBuild) copies a page from the previous build while its key
// and its code are unchanged (src/data/page-keys.ts). A key that misses something the page shows would publish a
// stale page, so the real content is built in a staged project under git, edited in each way a page's key must
// notice, and after each edit the incremental build must write exactly the files a full build (--force) writes,
// having copied the pages the edit did not touch. Some thirty builds: this runs with `npm run test:scale`, not
// `npm test`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { runBuild } from '../../src/lib/bench/build-run.ts';
import { stageWithRealContent } from './support/staged-site.ts';
import { test } from 'vitest';

/** The pages that have a key: every Markdown article's page and its notes as open data. */
const KEYED = /^articles\/[^/]+\/(index\.html|annotations\.jsonld)$/;
const CITED = 'alibabas-battle-for-ecommerce-dominance';

test('after each kind of edit, an incremental build writes what a full build writes', { timeout: 60 * 60_000 }, async () => {
  const { stage, content } = await stageWithRealContent('walled-gardens-incremental');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: stage, stdio: 'ignore' });
  git('init', '-q');
  git('-c', 'user.email=test@example.com', '-c', 'user.name=Test', 'add', 'corpus');
  git('-c', 'user.email=test@example.com', '-c', 'user.name=Test', 'commit', '-q', '-m', 'content');
  const outDir = join(stage, 'dist');
  let env: Record<string, string> = {};
  let builds = 0;

  /** Every file the build wrote, by path, and how many keyed pages it copied. */
  const build = async (force = false) => {
    const log = join(stage, `build-${++builds}.log`);
    const result = await runBuild({ cwd: stage, contentDir: content, outDir, logFile: log, env, extraArgs: force ? ['--force'] : [] });
    assert.ok(result.ok, `build ${builds} failed; see ${log}`);
    const files = new Map<string, string>();
    for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.set(relative(outDir, join(entry.parentPath, entry.name)), await readFile(join(entry.parentPath, entry.name), 'utf8'));
    }
    const restored = (await readFile(log, 'utf8')).split('\n').filter((line) => line.includes('(restored)')).length;
    return { files, restored };
  };
  const keyed = (files: Map<string, string>) => [...files.keys()].filter((path) => KEYED.test(path)).length;
  const edit = async (file: string, change: (text: string) => string) => {
    const path = join(content, file);
    const before = await readFile(path, 'utf8');
    const after = change(before);
    assert.notEqual(after, before, `the edit changes ${file}`);
    await writeFile(path, after);
  };

  const first = await build();
  const pages = keyed(first.files);
  assert.ok(pages >= 10, 'every article has a keyed page and a keyed notes file');

  /** Each edit, and how many keyed pages it must render again. */
  const cases: [string, () => void | Promise<void>, number][] = [
    ['nothing changed', () => {}, 0],
    [
      'a sentence added to an article',
      () => edit('articles/alibaba-tracker-the-partner-games.md', (t) => `${t.trimEnd()}\n\nA sentence added between two builds.\n`),
      2,
    ],
    [
      'a topic renamed (every article page links its topics and mentions)',
      () => edit('topics/lazada.mdx', (t) => t.replace(/^title: Lazada$/m, 'title: Lazada Group')),
      pages,
    ],
    // Cited by two other articles' notes: their notes name it, as open data too.
    ['a cited article renamed', () => edit(`articles/${CITED}.md`, (t) => t.replace(/^title: (.*)$/m, 'title: $1, renamed')), 6],
    [
      'a paragraph added at the top of a cited article (its citers link paragraphs by number)',
      () => edit(`articles/${CITED}.md`, (t) => t.replace(/\n---\n\n/, '\n---\n\nA paragraph added between two builds.\n\n')),
      6,
    ],
    [
      'a note reworded',
      () => edit('articles/alibaba-embraces-wechat-pay.md', (t) => t.replace(/^( {2}body: \|\n {4}.*)$/m, '$1 Reworded between two builds.')),
      // Its page and notes, and the page and notes of the article citing it (both show where the quote sits).
      4,
    ],
    [
      'the edits committed (each page shows its file’s last commit, each note its dates from the history)',
      () => {
        git('-c', 'user.email=test@example.com', '-c', 'user.name=Test', 'commit', '-q', '-a', '-m', 'edits');
      },
      // The three edited articles' pages and notes.
      6,
    ],
    [
      'another repository for the edit links',
      () => {
        env = { REPO_URL: 'https://github.com/example/elsewhere' };
      },
      pages / 2,
    ],
  ];
  for (const [what, change, rendered] of cases) {
    await change();
    const incremental = await build();
    const full = await build(true);
    assert.equal(full.restored, 0, `${what}: --force renders every page`);
    assert.deepEqual([...incremental.files.keys()].sort(), [...full.files.keys()].sort(), `${what}: the same files`);
    for (const [path, text] of full.files) assert.equal(incremental.files.get(path), text, `${what}: ${path} as a full build writes it`);
    assert.equal(pages - incremental.restored, rendered, `${what}: keyed pages rendered again`);
  }
});
