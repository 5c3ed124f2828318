// A contributor previewing a change with `npm run dev` sees a content mistake in the browser, with the same
// message `npm run check:content` prints, and the page comes back once it is fixed; an edited topic shows in the
// articles that link it without a restart. This runs its own dev server
// on a copy of the content (the rest of the suite reads the production build), at desktop width only.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { findArticleFile } from '../../src/lib/article-files.ts';
import { contentDir } from '../../src/lib/deploy-settings.ts';
import { readArticles } from './support/corpus.ts';

const PORT = Number(process.env.E2E_DEV_PORT ?? 4398);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const [article] = readArticles();
const content = resolve(contentDir(process.env));
/** The article's file name, whichever extension (.md or .mdx) it has. */
const articleFile = basename(findArticleFile(join(content, 'articles'), article!.slug)!);

test.describe('the dev server', () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 });

  let folder = '';
  let server: ChildProcess | undefined;
  let file = '';
  let original = '';
  /** Where the dev server prints (the content check's report and summary among it): a file, which never holds the
   * server up as a pipe the test does not read in time would. */
  let log = '';
  const printed = () => readFileSync(log, 'utf8');
  /** Writes a file's text back once the page is closed: left open, the page would be reloading from the server as the
   * file changes while Playwright closes its context (one run hung there). */
  const putBack = async (page: Page, path: string, text: string) => {
    await page.close();
    writeFileSync(path, text);
  };

  // eslint-disable-next-line no-empty-pattern
  test.beforeAll(async ({}, info) => {
    test.skip(info.project.name !== 'desktop' || !!process.env.BASE_PATH, 'one width is enough; the dev server runs at the root');
    // A server already answering here (a dev server an interrupted run left behind) would serve its own content to
    // these tests while ours, moved to another port, checks the files they edit: stop rather than test the wrong one.
    const taken = await fetch(`${ORIGIN}/`).then(
      () => true,
      () => false,
    );
    if (taken) throw new Error(`something already answers on ${ORIGIN} (a dev server left by an earlier run?): stop it, or set E2E_DEV_PORT`);
    folder = mkdtempSync(join(tmpdir(), 'dev-overlay-'));
    cpSync(content, join(folder, 'content'), { recursive: true });
    file = join(folder, 'content', 'articles', articleFile);
    original = readFileSync(file, 'utf8');
    log = join(folder, 'dev-server.log');
    const output = openSync(log, 'w');
    server = spawn(resolve('node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(PORT)], {
      env: { ...process.env, CONTENT_DIR: join(folder, 'content'), CACHE_DIR: join(folder, 'cache') },
      stdio: ['ignore', output, output],
      detached: true,
    });
    closeSync(output);
    const deadline = Date.now() + 150_000;
    for (;;) {
      const up = await fetch(`${ORIGIN}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (Date.now() > deadline) throw new Error(`astro dev did not answer on ${ORIGIN} within 150 s`);
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  // A failed test carries what the dev server printed, to tell a slow server from a stale one.
  // eslint-disable-next-line no-empty-pattern
  test.afterEach(async ({}, info) => {
    if (info.status !== info.expectedStatus && log) await info.attach('dev server output', { body: printed(), contentType: 'text/plain' });
  });

  test.afterAll(() => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('a note whose quote matches nothing shows in the error overlay, and fixing it brings the page back', async ({ page }) => {
    // Notes when an overlay is put over the article (not over Astro's error page, which has no heading of its own:
    // the overlay's is in its shadow root), across reloads, in the tab's sessionStorage.
    await page.addInitScript(() => {
      new MutationObserver((records) => {
        const added = records.some((record) => [...record.addedNodes].some((node) => node.nodeName === 'VITE-ERROR-OVERLAY'));
        if (!added || !document.querySelector('h1')) return;
        const times = JSON.parse(sessionStorage.getItem('overlays over the article') ?? '[]') as number[];
        sessionStorage.setItem('overlays over the article', JSON.stringify([...times, Date.now()]));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${ORIGIN}/articles/${article!.slug}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overlay = page.locator('vite-error-overlay');
    await expect(overlay).toHaveCount(0);

    // The contributor mistypes the passage of the article's first note.
    const firstQuote = /^(\s*quote:\s*)(.+)$/m.exec(original)!;
    const line = original.slice(0, firstQuote.index).split('\n').length;
    writeFileSync(file, original.replace(firstQuote[0], `${firstQuote[1]}a passage that is nowhere in the text`));

    await expect(overlay).toHaveCount(1, { timeout: 60_000 });
    const message = overlay.getByText(/matches nothing in the article's text/).first();
    await expect(message).toBeVisible();
    await expect(overlay).toContainText(`articles/${articleFile}:`);
    await expect(overlay).toContainText('a passage that is nowhere in the text');
    await expect(overlay).toContainText(/How to fix/);
    expect(line).toBeGreaterThan(1);

    // Fixed: the overlay goes and the page shows the article again. Astro reloads the page with the fixed file before
    // the check of it ends; the overlay must not come back over the article meanwhile (it did, titled "An error
    // occurred.", in one CI run in six), so none may be put over it from the fix until the check's verdict is in.
    const before = printed().length;
    const fixed = Date.now();
    writeFileSync(file, original);
    await expect.poll(() => printed().slice(before), { message: 'the check says the content is fixed', timeout: 60_000 }).toContain('checked, no problems.');
    await expect(overlay).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const shownSinceFix = () =>
      page
        .evaluate(() => JSON.parse(sessionStorage.getItem('overlays over the article') ?? '[]') as number[])
        .then(
          (times) => times.filter((time) => time >= fixed).length,
          () => 'the page is reloading',
        );
    await expect.poll(shownSinceFix, { message: 'overlays put over the fixed article' }).toBe(0);
  });

  test("a topic's edited summary shows in an article's topic link preview at the next request, without a restart", async ({ page }) => {
    await page.goto(`${ORIGIN}/articles/${article!.slug}/`);
    const link = page.locator('.article-body a.topic-link').first();
    const topic = /\/topics\/([^/]+)\//.exec((await link.getAttribute('href')) ?? '')?.[1];
    expect(topic, 'the article links a topic').toBeTruthy();
    const topicFile = join(folder, 'content', 'topics', `${topic}.mdx`);
    const topicText = readFileSync(topicFile, 'utf8');
    const summary = 'A summary edited while the dev server runs.';
    writeFileSync(topicFile, topicText.replace(/^summary: .*$/m, `summary: ${summary}`));
    const edited = Date.now();
    try {
      await expect(async () => {
        await page.reload();
        await page.locator(`.article-body a.topic-link[href$="/topics/${topic}/"]`).first().hover();
        await expect(page.getByRole('tooltip')).toContainText(summary, { timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
      test.info().annotations.push({ type: 'seconds until the edit showed', description: ((Date.now() - edited) / 1000).toFixed(1) });
    } finally {
      await putBack(page, topicFile, topicText);
    }
  });

  test('a topic saved in two writes, emptied and then written as some editors save, shows its new summary every time', async ({ page }) => {
    const topic = readdirSync(join(folder, 'content', 'topics'))
      .find((name) => name.endsWith('.mdx'))!
      .replace(/\.mdx$/, '');
    const topicFile = join(folder, 'content', 'topics', `${topic}.mdx`);
    const topicText = readFileSync(topicFile, 'utf8');
    await page.goto(`${ORIGIN}/topics/${topic}/`);
    // The file watcher reports a change and drops another within 50 ms: a server that took the emptied file kept its
    // failed reload, and the page its old summary, until the next save (about one save in four before the fix, so
    // several saves in a row).
    try {
      for (const round of [1, 2, 3, 4, 5]) {
        const summary = `A summary saved in two writes while the dev server runs, round ${round}.`;
        writeFileSync(topicFile, '');
        await new Promise((resolve) => setTimeout(resolve, 30));
        writeFileSync(topicFile, topicText.replace(/^summary: .*$/m, `summary: ${summary}`));
        await expect(async () => {
          await page.reload();
          await expect(page.getByText(summary, { exact: true })).toBeVisible({ timeout: 500 });
        }, `round ${round}`)
          .toPass({ timeout: 20_000 })
          .catch(async (error: unknown) => {
            // Where the edit stopped: in the file, in Astro's data store on disk, or only in what the server renders.
            // Before src/integrations/dev-content-freshness.ts, this failed in about one run of the whole suite in
            // seven: the store on disk had the edit, the module runner kept the store it had loaded before it.
            const store = readFileSync(resolve('.astro/data-store.json'), 'utf8');
            const served = await fetch(`${ORIGIN}/topics/${topic}/`).then((r) => r.text());
            const state = [
              `round ${round}`,
              `the file has the new summary: ${readFileSync(topicFile, 'utf8').includes(summary)}`,
              `.astro/data-store.json has it: ${store.includes(summary)}`,
              `a request from outside the browser gets it: ${served.includes(summary)}`,
            ];
            await test.info().attach('where the edit stopped', { body: state.join('\n'), contentType: 'text/plain' });
            throw error;
          });
      }
    } finally {
      await putBack(page, topicFile, topicText);
    }
  });
});
