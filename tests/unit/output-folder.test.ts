// The output folder a build keeps from the last one (src/lib/output-folder.ts, src/integrations/output-folder.ts):
// kept only when the last finished build with the same cache wrote it, emptied otherwise; after the pages are written,
// every file the build neither wrote nor kept is removed, so a removed article's page is never published.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { afterAll, describe, expect, test } from 'vitest';
import outputFolder from '../../src/integrations/output-folder.ts';
import { CLOCK_SLACK_MS, foldersLeftEmpty, mayKeepOutput, staleOutputFiles } from '../../src/lib/output-folder.ts';

const root = mkdtempSync(join(tmpdir(), 'output-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('whether the output folder may be kept', () => {
  const here = { outDir: '/site/dist', ino: 42 };
  test.each([
    ['no mark (no finished build yet, or one under way)', undefined, false],
    ['a mark that is not an object', 'dist', false],
    ['a null mark', null, false],
    ['the mark of this folder', { outDir: '/site/dist', ino: 42 }, true],
    ['the mark of another output folder', { outDir: '/site/other', ino: 42 }, false],
    ['the mark of a folder removed and made again', { outDir: '/site/dist', ino: 7 }, false],
    ['a mark without the inode', { outDir: '/site/dist' }, false],
  ])('%s', (_, mark, expected) => {
    expect(mayKeepOutput(mark, here)).toBe(expected);
  });
});

describe('which files of the output folder an earlier build left', () => {
  const STARTED = 1_800_000_000_000;
  const build = { routeFiles: new Set(['articles/a/index.html', 'annotations.jsonld']), publicFiles: new Set(['favicon.svg', '_headers']), startedMs: STARTED };
  const OLD = STARTED - 86_400_000;
  test.each([
    ['a page this build kept from the last one', 'articles/a/index.html', OLD, false],
    ['a page Astro copied back from its cache, with the cached file’s time', 'annotations.jsonld', OLD, false],
    ['a public file, which Astro gives back its own time', 'favicon.svg', OLD, false],
    ['a bundled script written this build', '_astro/search.Ab12.js', STARTED + 5_000, false],
    ['the sitemap, written once the pages were', 'sitemap-index.xml', STARTED + 20_000, false],
    ['a file stamped a clock tick before the start', 'sitemap-0.xml', STARTED - CLOCK_SLACK_MS + 1, false],
    ['the page of an article removed since', 'articles/b/index.html', OLD, true],
    ['a bundled script of an earlier build', '_astro/search.Zz99.js', OLD, true],
    ['the last search index', 'pagefind/pagefind.js', STARTED - 60_000, true],
  ])('%s: %s', (_, path, mtimeMs, stale) => {
    expect(staleOutputFiles([{ path, mtimeMs }], build)).toEqual(stale ? [path] : []);
  });
});

describe('which folders are left empty', () => {
  test.each([
    ['a removed article’s folder', ['articles', 'articles/b'], ['articles/a.html', 'articles/b/index.html'], ['articles/b/index.html'], ['articles/b']],
    ['nested folders, deepest first', ['a', 'a/b', 'a/b/c'], ['a/b/c/x.html'], ['a/b/c/x.html'], ['a/b/c', 'a/b', 'a']],
    ['a folder that still holds a file', ['a', 'a/b'], ['a/b/x.html', 'a/b/y.html'], ['a/b/x.html'], []],
    ['a folder that held nothing', ['empty'], [], [], ['empty']],
  ])('%s', (_, folders, files, removed, expected) => {
    expect(foldersLeftEmpty(folders, files, removed)).toEqual(expected);
  });
});

/** Runs the integration's hooks on a site folder, as Astro calls them in a build. */
function integrationRun(name: string) {
  const project = join(root, name);
  const config = {
    outDir: pathToFileURL(join(project, 'dist/')),
    cacheDir: pathToFileURL(join(project, 'cache/')),
    publicDir: pathToFileURL(join(project, 'public/')),
  };
  const logged: string[] = [];
  const logger = { info: (message: string) => logged.push(message) } as unknown as AstroIntegrationLogger;
  const { keep, finished } = outputFolder();
  const call = (hook: keyof AstroIntegration['hooks'], params: object, integration = keep) => (integration.hooks[hook] as (p: object) => unknown)(params);
  const write = (path: string, text = path, mtime?: Date) => {
    const file = join(project, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    if (mtime) utimesSync(file, mtime, mtime);
  };
  return {
    project,
    logged,
    write,
    dist: (path = '') => join(project, 'dist', path),
    start() {
      call('astro:config:setup', { config, logger });
      call('astro:config:done', { config, logger });
      call('astro:build:start', { logger });
    },
    /** The end of the build: `keep`'s hook, then, unless the link check stopped the build, `finished`'s. */
    done(routeFiles: string[], { linkCheckPassed = true } = {}) {
      const assets = new Map([['/[...page]', routeFiles.map((path) => pathToFileURL(join(project, 'dist', path)))]]);
      const params = { dir: config.outDir, assets, pages: [], logger };
      call('astro:build:done', params);
      if (linkCheckPassed) call('astro:build:done', params, finished);
    },
  };
}

const YESTERDAY = new Date(Date.now() - 86_400_000);

/** A site folder after one finished build that wrote one page. */
function afterAFinishedBuild(name: string) {
  const run = integrationRun(name);
  run.start();
  run.write('dist/articles/a/index.html');
  run.done(['articles/a/index.html']);
  return run;
}

describe('the output folder across builds', () => {
  test('a folder no finished build left is emptied, all but .git, and the build then marks it as its own', () => {
    const run = integrationRun('unmarked');
    run.write('dist/articles/old/index.html');
    run.write('dist/.git/HEAD');
    run.start();
    expect(readdirSync(run.dist())).toEqual(['.git']);
    expect(run.logged).toEqual(['The output folder was not written by the last finished build with this cache: emptied.']);
    run.write('dist/articles/a/index.html');
    // Copied during this build with the time of its source: the folder was emptied, so it is this build's all the same.
    run.write('dist/_astro/copied.js', 'copied', YESTERDAY);
    run.done(['articles/a/index.html']);
    expect(existsSync(run.dist('_astro/copied.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(run.project, 'cache/output-folder.json'), 'utf8'))).toEqual({ outDir: run.dist(), ino: statSync(run.dist()).ino });
  });

  test('the next build keeps the folder, and removes only what it did not make or keep', () => {
    const run = afterAFinishedBuild('rebuilt');
    // The files of that first build, as old as a day.
    for (const path of [
      'dist/articles/a/index.html',
      'dist/articles/b/index.html',
      'dist/articles/b/annotations.jsonld',
      'dist/_astro/old.js',
      'dist/favicon.svg',
      'dist/pagefind/pagefind.js',
    ])
      run.write(path, path, YESTERDAY);
    run.write('public/favicon.svg');

    run.logged.length = 0;
    run.start();
    expect(run.logged).toEqual([]);
    expect(existsSync(run.dist('articles/b/index.html'))).toBe(true);
    expect(existsSync(join(run.project, 'cache/output-folder.json'))).toBe(false);
    run.write('dist/_astro/new.js');
    run.write('dist/sitemap-index.xml');
    run.done(['articles/a/index.html']);

    expect(readdirSync(run.dist()).sort()).toEqual(['_astro', 'articles', 'favicon.svg', 'sitemap-index.xml']);
    expect(readdirSync(run.dist('articles'))).toEqual(['a']);
    expect(readdirSync(run.dist('_astro'))).toEqual(['new.js']);
    expect(run.logged).toEqual(['3 files left by an earlier build removed from the output folder.']);
    expect(existsSync(join(run.project, 'cache/output-folder.json'))).toBe(true);
  });

  test.each<[string, (run: ReturnType<typeof integrationRun>) => void]>([
    // It stops before its pages are done; the page it wrote may not be what the cache records.
    ['a build that did not finish', (run) => run.write('dist/articles/a/index.html', 'half of a new version')],
    ['a build the link check stopped', (run) => run.done(['articles/a/index.html'], { linkCheckPassed: false })],
  ])('%s leaves no mark: the next one empties the folder', (label, end) => {
    const run = afterAFinishedBuild(label.replace(/\W+/g, '-'));
    run.start();
    end(run);
    expect(existsSync(join(run.project, 'cache/output-folder.json'))).toBe(false);
    run.start();
    expect(readdirSync(run.dist())).toEqual([]);
  });

  test('a folder removed and made again is not kept', () => {
    const run = afterAFinishedBuild('remade');
    // Moved away and removed only once the new one exists, so that the new folder cannot reuse the old one's inode.
    renameSync(run.dist(), join(run.project, 'dist-old'));
    run.write('dist/articles/z/index.html');
    rmSync(join(run.project, 'dist-old'), { recursive: true });
    run.start();
    expect(readdirSync(run.dist())).toEqual([]);
  });
});
