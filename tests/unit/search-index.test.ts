// The search-index build step on a tiny site written for the test (like Pagefind's own integration tests):
// index it with the real Pagefind binary, then search the written bundle with Pagefind's own browser script,
// run in Node. Covers, whatever the content, topic pages with Chinese aliases, timeline events, and pages that
// must stay out of the index.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSearchIndex, type IndexSummary } from '../../src/integrations/search-index.ts';
import { facetAttributes } from '../../src/lib/search/facets.ts';

const hidden = (facets: ReturnType<typeof facetAttributes>) =>
  `<div hidden data-pagefind-ignore>${[
    ...facets.filters.map((v) => `<span data-pagefind-filter="${v}"></span>`),
    ...facets.meta.map((v) => `<span data-pagefind-meta="${v}"></span>`),
    ...facets.sort.map((v) => `<span data-pagefind-sort="${v}"></span>`),
  ].join('')}</div>`;

const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body><nav>Articles Topics Timeline</nav><main>${body}</main><footer>Site footer</footer></body></html>`;

const SITE: Record<string, string> = {
  'index.html': page('<h1>Walled Gardens</h1><p>Front page listing Taobao and Lazada.</p>'),
  'topics/taobao/index.html': page(
    `<article data-pagefind-body>${hidden(facetAttributes({ type: 'topic', topics: ['taobao'] }))}<h1>Taobao</h1>` +
      '<p data-pagefind-meta="aliases">Also known as 淘宝 and Táobǎo.</p><p>Alibaba’s consumer marketplace.</p>' +
      '<ul data-pagefind-ignore><li>Every article on Taobao, listed again</li>' +
      '<li id="event-2024-09-05-wechat-pay" data-event data-date="2024-09-05" data-topics="taobao"><h3>Taobao accepts WeChat Pay</h3><p>Again.</p></li></ul></article>',
  ),
  'articles/thaw/index.html': page(
    `<article class="article" data-pagefind-body>${hidden(facetAttributes({ type: 'article', date: '2022-06-28', topics: ['wechat'], outlet: 'Luxury Daily' }))}` +
      '<h1>The thaw</h1><div class="article-body"><div class="annotated"><p>adverts <mark class="annotation" data-annotation="cpm" data-kind="correction">charged by cost per mile</mark>' +
      '<a class="note-marker" href="#note-cpm"><sup>1</sup></a>.</p><div class="sidenotes"><div class="sidenote" id="note-cpm" data-note="cpm" data-kind="correction">' +
      '<p class="note-head"><span class="note-kind">Correction</span></p><div class="note-body"><p>The term is cost per mille.</p></div></div></div></div>' +
      '<section class="endnotes"><h2>Notes</h2><p>The term is cost per mille, listed again.</p></section></div></article>',
  ),
  'timeline/index.html': page(
    '<h1>Timeline</h1><ol><li id="event-2024-09-05-wechat-pay" data-event data-date="2024-09-05" data-topics="taobao wechat-pay">' +
      '<h3>Taobao accepts WeChat Pay</h3><p>Taobao and Tmall (天猫) take Tencent’s payments.</p></li></ol>',
  ),
  'timeline/2/index.html': page(
    '<h1>Timeline, page 2</h1><ol><li id="event-2025-01-01-later" data-event data-date="2025-01-01" data-topics="taobao">' +
      '<h3>A later event</h3><p>Shown on the second page.</p></li></ol>',
  ),
};

const CONTENT: Record<string, string> = {
  'articles/thaw.mdx': '---\ntitle: The thaw\nannotations:\n  - id: cpm\n    topics: [wechat, advertising]\n---\nText.\n',
};

interface Result {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const realFetch = globalThis.fetch;
let root: string;
let site: string;
let summary: IndexSummary;
let search: (term: string, filters?: Record<string, string>) => Promise<Result[]>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'search-index-'));
  site = join(root, 'dist');
  for (const [path, text] of [...Object.entries(SITE).map(([p, t]) => [`dist/${p}`, t]), ...Object.entries(CONTENT).map(([p, t]) => [`content/${p}`, t])]) {
    await mkdir(dirname(join(root, path!)), { recursive: true });
    await writeFile(join(root, path!), text!);
  }
  summary = await buildSearchIndex(site, join(root, 'content'));

  // Pagefind's browser script fetches its files by URL; here they are read from the written bundle.
  const bundle = join(site, 'pagefind');
  globalThis.fetch = (async (url: string | URL) => {
    const path = String(url).replace(/[?#].*$/, '');
    const file = path.startsWith('file:') ? new URL(path) : join(bundle, path.replace(/^\/pagefind\//, ''));
    return new Response(await readFile(file));
  }) as typeof fetch;
  const pagefind = await import(pathToFileURL(join(bundle, 'pagefind.js')).href);
  await pagefind.options({ basePath: '/pagefind/', noWorker: true });
  search = async (term, filters) => {
    const found = await pagefind.search(term, filters ? { filters } : {});
    return Promise.all(found.results.map((r: { data(): Promise<Result> }) => r.data()));
  };
}, 60_000);

afterAll(async () => {
  globalThis.fetch = realFetch;
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the index of a small site', () => {
  test('is published trimmed: the Component UI in English only, the engine minified (and still searching, below)', async () => {
    expect(summary.untrimmed).toEqual([]);
    const ui = await readFile(join(site, 'pagefind', 'pagefind-component-ui.js'), 'utf8');
    expect(ui.match(/translations\/[\w-]+\.json/g)).toEqual(['translations/en.json']);
    expect(ui).toContain('customElements.define("pagefind-results"');
  });

  test('holds the marked pages, each note and each event; nothing else', () => {
    expect(summary).toMatchObject({ pages: 2, notes: 1, events: 2 });
    expect(summary.indexBytes).toBeGreaterThan(0);
  });

  test.each(['淘宝', 'Taobao', 'Táobǎo'])('%s finds the Taobao topic page by its aliases', async (term) => {
    expect((await search(term)).map((r) => r.url)).toContain('/topics/taobao/');
  });

  test('Chinese inside English text is found: 天猫 finds the event', async () => {
    expect((await search('天猫')).map((r) => r.url)).toEqual(['/timeline/#event-2024-09-05-wechat-pay']);
  });

  test('an event on a later page of the timeline links to that page', async () => {
    expect((await search('later')).map((r) => r.url)).toEqual(['/timeline/2/#event-2025-01-01-later']);
  });

  test('a timeline event is its own result, with its filters', async () => {
    const [event] = await search('accepts', { type: 'event' });
    expect(event).toMatchObject({
      url: '/timeline/#event-2024-09-05-wechat-pay',
      meta: { heading: 'Taobao accepts WeChat Pay', type: 'Event', date: '2024-09-05' },
      filters: { type: ['event'], year: ['2024'], topic: ['taobao', 'wechat-pay'] },
    });
  });

  test('a note is found by its own words, as a result linking to it; the article is not, nor its notes list', async () => {
    const found = await search('mille');
    expect(found.map((r) => r.url)).toEqual(['/articles/thaw/#note-cpm']);
    expect(found[0]!.filters).toMatchObject({ type: ['note'], kind: ['correction'], topic: ['wechat', 'advertising'], outlet: ['Luxury Daily'] });
  });

  test('navigation, footers, front page and lists that repeat other pages are not indexed', async () => {
    expect(await search('footer')).toEqual([]);
    expect(await search('listed')).toEqual([]);
    expect((await search('lazada')).map((r) => r.url)).toEqual([]);
  });
});
