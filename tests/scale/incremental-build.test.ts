// An incremental build (Astro's experimental.incrementalBuild) keeps a page of the previous build while its key and
// its code are unchanged (src/data/page-keys.ts): left in the output folder ("(cached)", the folder is not emptied
// between builds, src/integrations/output-folder.ts), or copied back from Astro's cache ("(restored)"). A key that misses something the page shows would publish a
// stale page, so the real content is built in a staged project under git, edited in each way a page's key must
// notice, and after each edit the incremental build must write exactly the files a full build (--force) writes,
// having copied the pages the edit did not touch. Some thirty builds: this runs with `npm run test:scale`, not
// `npm test`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { runBuild } from '../../src/bench/build-run.ts';
import { stageWithRealContent } from './support/staged-site.ts';
import { test } from 'vitest';

/** The pages that have a key: every Markdown article's page and its notes as open data. */
const KEYED = /^articles\/[^/]+\/(index\.html|annotations\.jsonld)$/;
/** Pages keyed on the articles they show: the pages of each topic's coverage and of the site-wide collection of notes. */
const SHOWING = /^(topics\/[^/]+\/coverage\/(\d+\/)?index\.html|annotations\/page-\d+\.jsonld)$/;
const CITED = 'alibabas-battle-for-ecommerce-dominance';
const TRACKER = 'alibaba-tracker-the-partner-games';
const EMBRACES = 'alibaba-embraces-wechat-pay';

test('after each kind of edit, an incremental build writes what a full build writes', { timeout: 60 * 60_000 }, async () => {
  const { stage, content } = await stageWithRealContent('walled-gardens-incremental');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: stage, stdio: 'ignore' });
  git('init', '-q');
  git('-c', 'user.email=test@example.com', '-c', 'user.name=Test', 'add', 'corpus');
  git('-c', 'user.email=test@example.com', '-c', 'user.name=Test', 'commit', '-q', '-m', 'content');
  const outDir = join(stage, 'dist');
  let env: Record<string, string> = {};
  let builds = 0;

  /** Every file the build wrote, by path, and how many keyed pages (and pages keyed on the articles they show) it
   * kept from the build before. */
  const build = async (force = false) => {
    const log = join(stage, `build-${++builds}.log`);
    const result = await runBuild({ cwd: stage, contentDir: content, outDir, logFile: log, env, extraArgs: force ? ['--force'] : [] });
    assert.ok(result.ok, `build ${builds} failed; see ${log}`);
    const files = new Map<string, string>();
    for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.set(relative(outDir, join(entry.parentPath, entry.name)), await readFile(join(entry.parentPath, entry.name), 'utf8'));
    }
    const copied = (await readFile(log, 'utf8'))
      .split('\n')
      .flatMap((line) => /\/(\S+) \((?:restored|cached)\)/.exec(line)?.[1] ?? [])
      .map((path) => (path.endsWith('/') ? `${path}index.html` : path));
    return { files, restored: copied.filter((path) => KEYED.test(path)).length, restoredShowing: copied.filter((path) => SHOWING.test(path)).length };
  };
  const keyed = (files: Map<string, string>) => [...files.keys()].filter((path) => KEYED.test(path)).length;
  const coverage = (files: Map<string, string>) => [...files.keys()].filter((path) => /^topics\/[^/]+\/coverage\//.test(path)).length;
  /** The pages keyed on the articles they show that show one of these articles (list it, hold its notes, or cite it). */
  const showing = (files: Map<string, string>, slugs: readonly string[] | 'all') =>
    [...files].filter(([path, text]) => SHOWING.test(path) && (slugs === 'all' || slugs.some((slug) => text.includes(`/articles/${slug}/`)))).length;
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
  const shown = showing(first.files, 'all');
  assert.ok(shown > 20, 'every topic has a page of coverage, and the notes fill pages of the collection');

  /** Each edit, how many keyed pages it must render again, and the articles whose coverage and notes pages may be. */
  const cases: [string, () => void | Promise<void>, number, readonly string[] | 'all' | 'coverage'][] = [
    ['nothing changed', () => {}, 0, []],
    ['a sentence added to an article', () => edit(`articles/${TRACKER}.md`, (t) => `${t.trimEnd()}\n\nA sentence added between two builds.\n`), 2, [TRACKER]],
    [
      // The page of the one article that lists the topic (its header and search data name it; the text links mentions
      // by alias, so no article's text is rendered again), and every page of coverage (each lists the topics).
      'a topic renamed',
      () => edit('topics/lazada.mdx', (t) => t.replace(/^title: Lazada$/m, 'title: Lazada Group')),
      1,
      'coverage',
    ],
    // Cited by two other articles' notes: their notes name it, as open data too.
    ['a cited article renamed', () => edit(`articles/${CITED}.md`, (t) => t.replace(/^title: (.*)$/m, 'title: $1, renamed')), 6, [CITED]],
    [
      'a paragraph added at the top of a cited article (its citers link paragraphs by number)',
      () => edit(`articles/${CITED}.md`, (t) => t.replace(/\n---\n\n/, '\n---\n\nA paragraph added between two builds.\n\n')),
      6,
      [CITED],
    ],
    [
      'a note reworded',
      () => edit(`articles/${EMBRACES}.md`, (t) => t.replace(/^( {2}body: \|\n {4}.*)$/m, '$1 Reworded between two builds.')),
      // Its page and notes, and the page and notes of the article citing it (both show where the quote sits).
      4,
      [EMBRACES],
    ],
    [
      'the edits committed (each page shows its file’s last commit, each note its dates from the history)',
      () => {
        git('-c', 'user.email=test@example.com', '-c', 'user.name=Test', 'commit', '-q', '-a', '-m', 'edits');
      },
      // The three edited articles' pages and notes.
      6,
      [TRACKER, CITED, EMBRACES],
    ],
    [
      'another repository for the edit links',
      () => {
        env = { REPO_URL: 'https://github.com/example/elsewhere' };
      },
      pages / 2,
      [],
    ],
  ];
  let previous = first.files;
  for (const [what, change, rendered, shows] of cases) {
    await change();
    const incremental = await build();
    const full = await build(true);
    assert.equal(full.restored, 0, `${what}: --force renders every page`);
    assert.deepEqual([...incremental.files.keys()].sort(), [...full.files.keys()].sort(), `${what}: the same files`);
    for (const [path, text] of full.files) assert.equal(incremental.files.get(path), text, `${what}: ${path} as a full build writes it`);
    assert.equal(pages - incremental.restored, rendered, `${what}: keyed pages rendered again`);
    // A page of coverage or notes is rendered again when it shows an edited article (before the edit or after), and
    // only then; which of those change is for the comparison above to say.
    const renderedShowing = shown - incremental.restoredShowing;
    if (shows === 'all') assert.equal(renderedShowing, shown, `${what}: every page of coverage and notes rendered again`);
    else if (shows === 'coverage') assert.equal(renderedShowing, coverage(full.files), `${what}: every page of coverage rendered again, and no page of notes`);
    else {
      const mayRender = Math.max(showing(previous, shows), showing(full.files, shows));
      assert.ok(
        renderedShowing <= mayRender,
        `${what}: ${renderedShowing} pages of coverage and notes rendered again, of ${mayRender} that show the edited articles`,
      );
    }
    if (shows.length === 0) assert.equal(renderedShowing, 0, `${what}: no page of coverage or notes rendered again`);
    else assert.ok(renderedShowing > 0, `${what}: the pages that show the edited articles rendered again`);
    previous = full.files;
  }
});
