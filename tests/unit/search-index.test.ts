// The search-index build step on a tiny site written for the test (like Pagefind's own integration tests):
// index it with the real Pagefind binary, then search the written bundle with Pagefind's own browser script,
// run in Node. Covers, whatever the content, topic pages with Chinese aliases, notes and timeline events as
// sub-results of their page, and pages that must stay out of the index.
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSearchIndex, type IndexSummary } from '../../src/lib/search/search-index.ts';
import { facetAttributes } from '../../src/lib/search/facets.ts';
import { eventTitle, pageOpening, resultParts, type ResultFragment } from '../../src/lib/search/sub-results.ts';

const hidden = (facets: ReturnType<typeof facetAttributes>) =>
  `<div hidden data-pagefind-ignore>${[
    ...facets.filters.map((v) => `<span data-pagefind-filter="${v}"></span>`),
    ...facets.meta.map((v) => `<span data-pagefind-meta="${v}"></span>`),
    ...facets.sort.map((v) => `<span data-pagefind-sort="${v}"></span>`),
  ].join('')}</div>`;

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><nav>Articles Topics Timeline</nav><main>${body}</main><footer>Site footer</footer></body></html>`;

const SITE: Record<string, string> = {
  'index.html': page('<h1>Walled Gardens</h1><p>Front page listing Taobao and Lazada.</p>'),
  'topics/taobao/index.html': page(
    `<article data-pagefind-body>${hidden(facetAttributes({ type: 'topic', topics: ['taobao'] }))}<h1>Taobao</h1>` +
      '<p data-pagefind-meta="aliases">Also known as 淘宝 and Táobǎo.</p><p>Alibaba’s consumer marketplace.</p>' +
      '<ul data-pagefind-ignore><li>Every article on Taobao, listed again</li>' +
      `<li id="event-2024-09-05-wechat-pay" data-pagefind-title="${eventTitle('2024-09-05', 'Taobao accepts WeChat Pay')}"><h3>Taobao accepts WeChat Pay</h3><p>Again.</p></li></ul></article>`,
  ),
  'articles/thaw/index.html': page(
    `<article class="article" data-pagefind-body>${hidden(facetAttributes({ type: 'article', date: '2022-06-28', topics: ['wechat'], outlet: 'Luxury Daily', kinds: ['correction'] }))}` +
      '<h1>The thaw</h1><header><p class="article-header__credit">Credit line printed by Luxury Daily: <q>Published with permission from Jing Daily.</q></p></header><div class="article-body"><div class="annotated"><p id="p-1">adverts <mark class="annotation" id="passage-cpm">charged by <a href="/">cost</a> per mile</mark>' +
      '<a class="note-marker" id="marker-cpm" href="#note-cpm"><sup>1</sup></a>.</p><div class="sidenotes">' +
      '<div class="sidenote" id="note-cpm" data-kind="correction" data-pagefind-title="Correction">' +
      '<p class="note-head"><span class="note-kind">Correction</span></p><div class="note-body"><p>The term is cost per mille.</p></div>' +
      '<p class="note-sources">Source: Investopedia.</p></div></div></div><p id="p-2">Brands sell on Tmall.</p>' +
      '<section class="endnotes"><h2>Notes</h2><p>The term is cost per mille, listed again.</p></section></div></article>',
  ),
  'timeline/index.html': page(
    `<div data-pagefind-body>${hidden(facetAttributes({ type: 'timeline', days: ['2024-09-05'], topics: ['taobao', 'wechat-pay'] }))}<h1>Timeline</h1>` +
      '<figure class="timeline-chart">Chart of every year</figure><ol>' +
      `<li id="event-2024-09-05-wechat-pay" class="timeline-event" data-pagefind-title="${eventTitle('2024-09-05', 'Taobao accepts WeChat Pay')}">` +
      '<h3>Taobao accepts WeChat Pay</h3><p>Taobao and Tmall (天猫) take Tencent’s payments.</p></li>' +
      '<li class="timeline-publication">Article published: The thaw</li></ol></div>',
  ),
  'timeline/2/index.html': page(
    `<div data-pagefind-body>${hidden(facetAttributes({ type: 'timeline', days: ['2025-01-01'], topics: ['taobao'] }))}<h1>Timeline, page 2</h1><ol>` +
      `<li id="event-2025-01-01-later" class="timeline-event" data-pagefind-title="${eventTitle('2025-01-01', 'A later event')}">` +
      '<h3>A later event</h3><p>Shown on the second page.</p></li></ol></div>',
  ),
};

interface Result extends ResultFragment {
  url: string;
}

const realFetch = globalThis.fetch;
let root: string;
let site: string;
let summary: IndexSummary;
/** The parts of pagefind.js (its documented JS API) used here. */
interface PagefindBundle {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<Result> }[] }>;
}

let search: (term: string | null, filters?: Record<string, string>) => Promise<Result[]>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'search-index-'));
  site = join(root, 'dist');
  for (const [path, text] of Object.entries(SITE)) {
    await mkdir(dirname(join(site, path)), { recursive: true });
    await writeFile(join(site, path), text);
  }
  summary = await buildSearchIndex(site);

  // Pagefind's browser script fetches its files by URL; here they are read from the written bundle.
  const bundle = join(site, 'pagefind');
  globalThis.fetch = (async (url: string | URL) => {
    const path = String(url).replace(/[?#].*$/, '');
    const file = path.startsWith('file:') ? new URL(path) : join(bundle, path.replace(/^\/pagefind\//, ''));
    return new Response(await readFile(file));
  }) as typeof fetch;
  const pagefind = (await import(pathToFileURL(join(bundle, 'pagefind.js')).href)) as PagefindBundle;
  await pagefind.options({ basePath: '/pagefind/', noWorker: true });
  search = async (term, filters) => {
    const found = await pagefind.search(term, filters ? { filters } : {});
    return Promise.all(found.results.map((r) => r.data()));
  };
}, 60_000);

afterAll(async () => {
  globalThis.fetch = realFetch;
  if (root) await rm(root, { recursive: true, force: true });
});

const urls = (results: Result[]) => results.map((r) => r.url).sort();
const partTitles = (result: Result | undefined) => (result ? resultParts(result, { excerptLength: 10 }).parts.map((p) => p.title) : []);

describe('the index of a small site', () => {
  test('is published as Pagefind writes it: one record per marked page, nothing else', async () => {
    expect(summary.records).toBe(4);
    expect(summary.indexBytes).toBeGreaterThan(0);
    expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(await search('footer')).toEqual([]);
    expect(await search('listed')).toEqual([]);
    expect(await search('lazada')).toEqual([]);
  });

  test.each(['淘宝', 'Taobao', 'Táobǎo'])('%s finds the Taobao topic page by its aliases', async (term) => {
    expect(urls(await search(term))).toContain('/topics/taobao/');
  });

  test('a note is found by its own words, as a sub-result of its article linking to it; not through the notes list', async () => {
    const [article, ...others] = await search('mille');
    expect(others).toEqual([]);
    expect(article!.url).toBe('/articles/thaw/');
    const { parts, ownHits } = resultParts(article!, { excerptLength: 10 });
    expect(ownHits).toBe(0);
    expect(parts).toMatchObject([
      { kind: 'note', noteKind: 'correction', title: 'Correction on “charged by cost per mile”', url: '/articles/thaw/#note-cpm', hits: 1 },
    ]);
    expect(parts[0]!.excerpt).toBe('The term is cost per <mark>mille</mark>.');
  });

  test('an excerpt reads as the page does: after the title the result shows, and the full stop after a note’s number follows its word', async () => {
    // Pagefind breaks its text at the note's number (an element with an id), as if a space stood before the stop.
    const [article] = await search('mile');
    expect(resultParts(article!, { excerptLength: 10 }).ownExcerpt).toBe('adverts charged by cost per <mark>mile</mark>.');
    const [filtered] = await search(null, { kind: 'correction' });
    expect(pageOpening(filtered!, 10)).toBe('adverts charged by cost per mile.');
  });

  test("the article's text after a note is its own, not the note's; the note's number, kind and sources are not indexed", async () => {
    const [article, ...others] = await search('brands');
    expect(others).toEqual([]);
    expect(article!.url).toBe('/articles/thaw/');
    expect(partTitles(article)).toEqual([]);
    expect(await search('investopedia')).toEqual([]);
    // Nor the credit line the outlet printed, shown in the article's header: it is not the article's text.
    expect(await search('jing')).toEqual([]);
  });

  test('the kind of note is a filter of its article', async () => {
    expect(urls(await search(null, { kind: 'correction' }))).toEqual(['/articles/thaw/']);
    expect((await search('mille', { kind: 'correction' }))[0]!.filters).toMatchObject({ type: ['article'], kind: ['correction'], outlet: ['Luxury Daily'] });
  });

  test('an event is a sub-result of the timeline page that lists it; Chinese inside English text is found', async () => {
    const [timeline, ...others] = await search('天猫');
    expect(others).toEqual([]);
    expect(timeline!.url).toBe('/timeline/');
    expect(partTitles(timeline)).toEqual(['2024: Taobao accepts WeChat Pay']);
    expect(timeline!.filters).toMatchObject({ type: ['timeline'], year: ['2024'], topic: ['taobao', 'wechat-pay'] });
    expect(await search('chart')).toEqual([]);
  });

  test('an event on a later page of the timeline is a sub-result of that page', async () => {
    const [later] = await search('later');
    expect(later!.url).toBe('/timeline/2/');
    expect(resultParts(later!, { excerptLength: 10 }).parts.map((p) => p.url)).toEqual(['/timeline/2/#event-2025-01-01-later']);
  });
});
