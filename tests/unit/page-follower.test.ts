// The link check's reading while Astro writes the pages (src/lib/links/page-follower.ts): whatever happens to a page
// between the moment it is read and the end of the build, the readings and the pages at the end are exactly those
// of reading every page at the end (readBuiltPages), with no copy left beside them, and no page is written while
// Astro may still write it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, expect, test } from 'vitest';
import { asideOf, readBuiltPages, type PageReading } from '../../src/lib/links/check-built-links.ts';
import { PageFollower, RECHECK_MS } from '../../src/lib/links/page-follower.ts';
import type { PageReaderReply } from '../../src/lib/links/page-reader-worker.ts';

const THEME = 'document.documentElement.dataset.theme = "dark";';
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const POLICY = `script-src 'self' ${hash(THEME)} ${hash('a script on another page')}`;
/** A page as Astro writes it: the site-wide policy, a title that is not ASCII before it, its own script, a link. */
const page = (link: string) =>
  `<!doctype html><html><head><title>淘宝 and WeChat Pay</title><meta http-equiv="content-security-policy" content="${POLICY}"></head>` +
  `<body><script>${THEME}</script><a id="top" href="${link}">Next</a></body></html>`;

const work = await mkdtemp(join(tmpdir(), 'page-follower-'));
afterAll(() => rm(work, { recursive: true, force: true }));
let sites = 0;

async function write(dist: string, file: string, text: string) {
  await mkdir(dirname(join(dist, file)), { recursive: true });
  await writeFile(join(dist, file), text);
}

/** Every file of a folder with its text. */
async function texts(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [relative(dir, f), await readFile(f, 'utf8')] as const)));
}

const sorted = (readings: PageReading[]) => [...readings].sort((a, b) => a.file.localeCompare(b.file));

/** The pages and readings the check would get by reading every page of `dist` at the end, in a copy. */
async function readAtTheEnd(dist: string) {
  const copy = `${dist}-at-the-end`;
  // The site as Astro wrote it: without the followers' copies waiting beside its pages.
  await cp(dist, copy, { recursive: true, filter: (source) => !source.endsWith(asideOf('')) });
  const readings = sorted(await readBuiltPages(copy, { narrowPolicy: true }));
  return { readings: readings.map((r) => r), files: await texts(copy) };
}

const LATER = () => Date.now() + 60_000;

/** What happens meanwhile; it may give the pages the follower has listed as it finishes (else it lists them itself). */
test.each<[string, (dist: string, follower: PageFollower) => Promise<string[] | void>]>([
  ['every page read as it was written, none changed since', async () => {}],
  [
    'a page changed after it was read',
    async (dist) => {
      await write(dist, 'articles/a/index.html', page('/articles/changed/'));
    },
  ],
  [
    'a page half written when it was read, finished since',
    async (dist, follower) => {
      const whole = page('/articles/b/');
      await write(dist, 'articles/half/index.html', whole.slice(0, 120));
      follower.poll(LATER());
      await appendFile(join(dist, 'articles/half/index.html'), whole.slice(120));
    },
  ],
  [
    'a page written after the last look',
    async (dist) => {
      await write(dist, 'articles/late/index.html', page('/'));
    },
  ],
  [
    'a page too new to be read when looked at',
    async (dist, follower) => {
      await write(dist, 'articles/new/index.html', page('/'));
      follower.poll(Date.now());
    },
  ],
  [
    'a page removed after it was read',
    async (dist) => {
      await rm(join(dist, 'articles/b/index.html'));
    },
  ],
  [
    // While the followers finish, the build removes the pages an earlier build left (output-folder.ts).
    'a page removed as the follower finishes, after it listed the pages (and one listed that never was)',
    async (dist) => {
      await rm(join(dist, 'articles/b/index.html'));
      return ['index.html', 'articles/a/index.html', 'articles/b/index.html', 'articles/never/index.html'];
    },
  ],
])('%s: the same readings and pages as reading them all at the end', async (_case, meanwhile) => {
  const dist = join(work, `site-${++sites}`, 'dist');
  await write(dist, 'index.html', page('/articles/a/'));
  await write(dist, 'articles/a/index.html', page('/articles/b/'));
  await write(dist, 'articles/b/index.html', page('/#top'));
  const follower = new PageFollower(dist, undefined, { narrowPolicy: true });
  expect(follower.poll(LATER())).toBe(3);
  // Read, and not written: Astro may still be writing it. The page with its policy cut waits beside it.
  expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe(page('/articles/a/'));
  expect(existsSync(asideOf(join(dist, 'index.html')))).toBe(true);
  const listed = await meanwhile(dist, follower);
  const expected = await readAtTheEnd(dist);
  const readings = sorted(follower.finish(listed ?? undefined));
  expect(readings).toEqual(expected.readings);
  expect(await texts(dist)).toEqual(expected.files);
  expect(readings.every((r) => r.policyBytesSaved > 0)).toBe(true);
});

test('a page changed after it was read to one with nothing to cut keeps no copy beside it', async () => {
  const dist = join(work, `site-${++sites}`, 'dist');
  await write(dist, 'index.html', page('/'));
  const follower = new PageFollower(dist, undefined, { narrowPolicy: true });
  expect(follower.poll(LATER())).toBe(1);
  const plain = '<!doctype html><html><head><title>Plain</title></head><body><a href="/">Home</a></body></html>';
  await write(dist, 'index.html', plain);
  expect(follower.finish().map((r) => r.policyBytesSaved)).toEqual([0]);
  expect(await texts(dist)).toEqual({ 'index.html': plain });
});

test('two followers, each its share, read every page once between them, as reading them all at the end', async () => {
  const dist = join(work, `site-${++sites}`, 'dist');
  for (let n = 0; n < 20; n++) await write(dist, `articles/${n}/index.html`, page(`/articles/${n + 1}/`));
  const followers = [0, 1].map((part) => new PageFollower(dist, { part, of: 2 }, { narrowPolicy: true }));
  const counts = followers.map((follower) => follower.poll(LATER()));
  expect(counts.every((count) => count > 0 && count < 20)).toBe(true);
  await write(dist, 'articles/20/index.html', page('/'));
  const expected = await readAtTheEnd(dist);
  const readings = followers.flatMap((follower) => follower.finish());
  expect(sorted(readings)).toEqual(expected.readings);
  expect(await texts(dist)).toEqual(expected.files);
});

test('a folder whose pages are all read is looked at again once it is due, and then a page added to it is found', async () => {
  const dist = join(work, `site-${++sites}`, 'dist');
  await write(dist, 'topics/a/index.html', page('/'));
  const follower = new PageFollower(dist);
  const start = LATER();
  expect(follower.poll(start)).toBe(1);
  // A folder's time moves with the file system's clock, which ticks every few ms: a change within the same tick as
  // the look before is found by the last look only (the cases above).
  await sleep(50);
  await write(dist, 'topics/a/extra.html', page('/'));
  await write(dist, 'topics/a/coverage/index.html', page('/'));
  // Done (its one page read), the folder is not looked at in the next look…
  expect(follower.poll(start + 1)).toBe(0);
  // …but in the first once RECHECK_MS have passed, with the new folder in it.
  expect(follower.poll(start + RECHECK_MS)).toBe(2);
  expect(follower.poll(start + 2 * RECHECK_MS)).toBe(0);
});

test('a folder with no page yet is looked at every time: the page added to it later is read at the next look', async () => {
  const dist = join(work, `site-${++sites}`, 'dist');
  // Astro writes an article's annotations.jsonld into its folder before the article's page.
  await write(dist, 'articles/a/annotations.jsonld', '{}');
  const follower = new PageFollower(dist);
  const start = LATER();
  expect(follower.poll(start)).toBe(0);
  await sleep(50);
  await write(dist, 'articles/a/index.html', page('/'));
  expect(follower.poll(start + 1)).toBe(1);
  expect(follower.readAtTheEnd).toBe(0);
  follower.finish();
  expect(follower.readAtTheEnd).toBe(0);
});

test('a folder with a page of its own share not read yet is looked at every time', async () => {
  const dist = join(work, `site-${++sites}`, 'dist');
  await write(dist, 'topics/a/index.html', page('/'));
  // A settling time far longer than the test takes, so that "too new" does not depend on the machine's speed.
  const settleMs = 60_000;
  const follower = new PageFollower(dist, undefined, {}, settleMs);
  const start = Date.now();
  // Too new to be read: the folder is not done.
  expect(follower.poll(start)).toBe(0);
  expect(follower.poll(start + settleMs + 1_000)).toBe(1);
});

test('a page is read once as it is written; changed since, it is read again at the end', async () => {
  const dist = join(work, `site-${++sites}`, 'dist');
  await write(dist, 'index.html', page('/'));
  const follower = new PageFollower(dist);
  expect(follower.poll(LATER())).toBe(1);
  expect(follower.poll(LATER())).toBe(0);
  await write(dist, 'index.html', page('/again/'));
  expect(follower.poll(LATER())).toBe(0);
  expect(follower.finish().flatMap((r) => r.links)).toEqual(['/again/']);
  expect(follower.readAtTheEnd).toBe(1);
});

test('not asked to narrow, it leaves every page as Astro wrote it', async () => {
  const dist = join(work, `site-${++sites}`, 'dist');
  await write(dist, 'index.html', page('/'));
  const follower = new PageFollower(dist);
  follower.poll(LATER());
  expect(follower.finish().map((r) => r.policyBytesSaved)).toEqual([0]);
  expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe(page('/'));
});

test('the worker follows the pages until told they are written, and reads as the main thread does', async () => {
  const dist = join(work, `site-${++sites}`, 'dist');
  const worker = new Worker(new URL('../../src/lib/links/page-reader-worker.ts', import.meta.url), {
    workerData: { dist, options: { narrowPolicy: true } },
  });
  const reply = new Promise<PageReaderReply>((resolve, reject) => {
    worker.once('message', (message: PageReaderReply) => void worker.terminate().then(() => resolve(message)));
    worker.once('error', reject);
  });
  await write(dist, 'index.html', page('/articles/a/'));
  await write(dist, 'articles/a/index.html', page('/'));
  const expected = await readAtTheEnd(dist);
  worker.postMessage('written');
  const answer = await reply;
  expect(answer.ok && sorted(answer.pages)).toEqual(expected.readings);
  expect(await texts(dist)).toEqual(expected.files);
});
