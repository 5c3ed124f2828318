// Scale: no page may grow with the size of the corpus. Builds two generated corpora, of 100 and 1,000 articles
// (`npm run test:scale`; minutes, so not part of `npm test`), and compares the same pages in both. Every corpus
// holds the real articles under their own slugs, so their pages exist in both builds and must weigh the same,
// within 5%, counting the HTML and everything it loads.
//
// The other pages both builds share (front page, topic pages, indexes) cannot weigh the same. Their lists are
// bounded (a topic page shows its 25 newest events and its 10 newest articles with their mentions, a coverage page
// 10 articles, and the chart draws a busy lane as a bar a month), but the two corpora put different items in them,
// and the smaller one does not fill them all. So the test asks what tells a bounded page from one that grows: with
// ten times the articles and ten times the events, a page that listed every event, article or mention would weigh
// several times as much (the topic pages 2.8 to 7.8 times, measured with the 25-event limit lifted), a bounded one
// does not (up to 1.51 times, topics with few events still filling their 25; measured 2026-12-07). The second test
// lets no page family (a paginated list: its largest page, since its last page is only part-full in the smaller
// build) reach twice its weight, and the third holds every page of the larger build to a budget of HTML that the
// largest page at 10,000 articles (176 kB, a coverage page) stays within. Builds run in staged copies of the
// project (see src/bench/build-run.ts), never in dist/.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles, runBuild, stageProject, type OutputFile } from '../../src/bench/build-run.ts';
import { generateCorpus, readSourceContent } from '../../src/bench/corpus-files.ts';
import { grownFamilies } from '../../src/bench/output-summary.ts';
import { measurePage, type PageWeight } from '../../src/bench/page-weight.ts';
import { beforeAll, test } from 'vitest';

const SIZES = [100, 1000] as const;
const TOLERANCE = 0.05;
/** Timeline events per article in both corpora: ten times as many in the larger one, and in the smaller one enough
 * that most topics have more than the 25 a topic page shows. */
const EVENTS_PER_ARTICLE = 4;
/** grownFamilies' tolerance here: no page family of the larger build may reach twice its weight in the smaller one. */
const BOUNDED_GROWTH = 1;
/** No page's HTML over this in the larger build. */
const PAGE_HTML_BUDGET = 200_000;
const work = join(process.env.SCALE_WORK ?? tmpdir(), 'walled-gardens-scale');
const SITE = 'http://site.invalid';

interface Built {
  dist: string;
  files: OutputFile[];
}
const builds = new Map<number, Built>();

/** Reads the page and its assets straight from a build folder, as the server would serve them. */
function fromFolder(dist: string) {
  return async (url: string): Promise<Uint8Array | undefined> => {
    const path = decodeURIComponent(new URL(url).pathname);
    const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
    return existsSync(file) ? new Uint8Array(await readFile(file)) : undefined;
  };
}

beforeAll(async () => {
  await mkdir(work, { recursive: true });
  for (const articles of SIZES) {
    const stage = await stageProject(process.cwd(), join(work, `site-${articles}`));
    await generateCorpus('content', join(stage, 'corpus'), { articles, events: EVENTS_PER_ARTICLE * articles });
    // Inside the staged project: Astro's prerender step resolves packages from the output folder's own location.
    const dist = join(stage, 'dist');
    const build = await runBuild({ cwd: stage, contentDir: join(stage, 'corpus'), outDir: dist, logFile: join(work, `build-${articles}.log`) });
    assert.ok(build.ok, `the ${articles}-article build failed; see ${build.logFile}`);
    process.stderr.write(`# ${articles} articles built in ${build.wallSeconds.toFixed(0)} s, peak ${(build.peakTreeBytes / 1e6).toFixed(0)} MB\n`);
    builds.set(articles, { dist, files: await listFiles(dist) });
  }
}, 60 * 60_000);

test('a real article page weighs the same (within 5%) with 100 and with 1,000 articles', async () => {
  const slugs = (await readSourceContent('content')).articles.map((a) => a.slug);
  const [small, large] = SIZES.map((n) => builds.get(n)!);
  const problems: string[] = [];
  for (const slug of slugs) {
    const url = `${SITE}/articles/${slug}/`;
    const [a, b]: PageWeight[] = await Promise.all([measurePage(url, fromFolder(small!.dist)), measurePage(url, fromFolder(large!.dist))]);
    const ratio = b!.total / a!.total;
    if (Math.abs(ratio - 1) > TOLERANCE) problems.push(`${slug}: ${a!.total} → ${b!.total} bytes (×${ratio.toFixed(2)})`);
  }
  assert.deepEqual(problems, []);
});

test('no page grows with the corpus: with ten times the articles, no page shared by both builds doubles (a paginated list: its largest page)', () => {
  const [small, large] = SIZES.map((n) => builds.get(n)!);
  const grown = grownFamilies(small!.files, large!.files, BOUNDED_GROWTH).map((p) => `${p.family}: ${p.small} → ${p.large} bytes (×${p.ratio.toFixed(2)})`);
  assert.deepEqual(grown, []);
});

test(`no page of the ${SIZES[1].toLocaleString('en')}-article build has more than ${PAGE_HTML_BUDGET / 1000} kB of HTML`, () => {
  const over = builds
    .get(SIZES[1])!
    .files.filter((f) => f.path.endsWith('.html') && f.bytes > PAGE_HTML_BUDGET)
    .map((f) => `${f.path}: ${f.bytes} bytes`);
  assert.deepEqual(over, []);
});
