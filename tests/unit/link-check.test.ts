// The link check on built output (src/lib/links/): small dist trees written for each case, with the content files
// that hold the links, and the exact report a contributor gets. Pages and ids come only from the HTML, so a page
// type the check was never told about (a topic's coverage list, page 2 of the timeline) is known all the same.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Worker } from 'node:worker_threads';
import { checkBuiltLinks, formatLinkReport, readBuiltPages, sitePath, type LinkCheckOptions, type PageReading } from '../../src/lib/links/check-built-links.ts';
import type { PageReaderReply } from '../../src/lib/links/page-reader-worker.ts';
import { readBuiltPage } from '../../src/lib/links/built-pages.ts';
import { linkProblem, type BuiltSite } from '../../src/lib/links/link-rules.ts';
import { formatProblem } from '../../src/lib/content-check/problem.ts';

const page = (body: string) => `<!doctype html><html><head><title>t</title><link rel="stylesheet" href="/_astro/site.css"></head><body>${body}</body></html>`;
const article = (paragraphs: number, notes: string[], extra = '') =>
  page(
    `<article>${Array.from({ length: paragraphs }, (_, i) => `<p id="p-${i + 1}">Text.</p>`).join('')}${notes.map((n) => `<aside id="note-${n}"><a href="#passage-${n}">Back</a></aside><mark id="passage-${n}"></mark>`).join('')}${extra}</article>`,
  );

/** A site as a template would make it: a front page, two articles, a topic with its coverage list, a timeline in two pages. */
const SITE: Record<string, string> = {
  'index.html': page('<a href="/articles/">Articles</a><a href="/topics/wechat-pay/coverage/">Coverage</a><a href="/rss.xml">RSS</a>'),
  'articles/index.html': page('<a href="/articles/alibaba/">Alibaba</a><a href="/articles/2/">Next</a>'),
  'articles/2/index.html': page('<a href="/articles/">Back</a>'),
  'articles/alibaba/index.html': article(3, ['cpm']),
  'articles/tencent/index.html': article(2, []),
  'topics/wechat-pay/index.html': page('<h2 id="coverage">Coverage</h2>'),
  'topics/wechat-pay/coverage/index.html': page('<a href="/topics/wechat-pay/#coverage">Topic</a>'),
  'timeline/index.html': page('<li id="event-2021-09-13-links"></li>'),
  'timeline/2/index.html': page('<li id="event-2019-01-01-old"></li>'),
  '404.html': page('<a href="/">Home</a>'),
  'rss.xml': '<rss/>',
  'favicon.svg': '<svg/>',
  '_astro/site.css': 'body{}',
};

const NOTE_FILE = (body: string) => `---\ntitle: Alibaba\nannotations:\n  - id: cpm\n    quote: charged\n    body: ${body}\n---\n\nText.\n`;

const work = await mkdtemp(join(tmpdir(), 'link-check-'));
afterAll(() => rm(work, { recursive: true, force: true }));
let sites = 0;

/** Writes a dist and a content root in a fresh folder; `pages` are added to (or replace) SITE's. */
async function check(pages: Record<string, string>, content: Record<string, string> = {}, base = '/') {
  const root = join(work, `site-${++sites}`);
  const prefix = base.slice(0, -1);
  const withBase = (html: string) => (base === '/' ? html : html.replace(/(href|src)="\/(?!\/)/g, `$1="${prefix}/`));
  const files = { ...Object.fromEntries(Object.entries(SITE).map(([p, html]) => [p, withBase(html)])), ...pages };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, 'dist', path)), { recursive: true });
    await writeFile(join(root, 'dist', path), text);
  }
  for (const [path, text] of Object.entries(content)) {
    await mkdir(dirname(join(root, 'content', path)), { recursive: true });
    await writeFile(join(root, 'content', path), text);
  }
  const result = await checkBuiltLinks({ dist: join(root, 'dist'), base, contentRoot: join(root, 'content'), cwd: root });
  return { result, messages: result.problems.map(formatProblem), root };
}

const lines = (...text: string[]) => text.join('\n');

describe('built pages', () => {
  test.each([
    ['index.html', '/'],
    ['articles/x/index.html', '/articles/x/'],
    ['404.html', '/404.html'],
    ['rss.xml', '/rss.xml'],
  ])('%s is %s', (file, path) => expect(sitePath(file)).toBe(path));

  test('ids (and a link name) and every address a page links to or loads, with positions when asked', () => {
    const html =
      '<html><head><link rel="icon" href="/favicon.svg"><script src="/_astro/a.js"></script></head>\n<body><p id="p-1"><a name="old" href="/x/#p-2">x</a><img src="/i.png"></p><template><a href="/in-template/"></a></template></body></html>';
    const built = readBuiltPage(html, { positions: true });
    expect([...built.ids]).toEqual(['p-1', 'old']);
    expect(built.links).toEqual([
      { href: '/favicon.svg', line: 1, column: 30 },
      { href: '/_astro/a.js', line: 1, column: 58 },
      { href: '/x/#p-2', line: 2, column: 33 },
      { href: '/i.png', line: 2, column: 58 },
      { href: '/in-template/', line: 2, column: 88 },
    ]);
  });

  // What the HTML parser reads as text is not a link, as the tree builder would have it; inside SVG it is markup.
  test.each([
    ['a script', '<script>document.body.innerHTML = \'<a href="/in-script/" id="s">\';</script>', [], []],
    ['a style', '<style>a[href="/x/"]::before { content: "<a href=\'/in-style/\'>" }</style>', [], []],
    ['a title', '<title><a href="/in-title/"></title>', [], []],
    ['a textarea', '<textarea id="t"><a href="/in-textarea/" id="u"></textarea>', ['t'], []],
    ['noscript (scripting on, as in a browser)', '<noscript><a href="/in-noscript/"></a></noscript>', [], []],
    [
      'an iframe, whose own address counts',
      '<iframe id="f" src="/frame/"><a href="/in-iframe/"></a></iframe><a href="/after/">',
      ['f'],
      ['/frame/', '/after/'],
    ],
    ['a noscript, which ends at its first end tag', '<noscript><noscript></noscript><a href="/out/"></a></noscript><p id="out">', ['out'], ['/out/']],
    [
      'an SVG title, which is markup',
      '<svg id="icon"><title>Icon</title><a href="/from-svg/"><path id="p"/></a></svg><a href="/after/">',
      ['icon', 'p'],
      ['/from-svg/', '/after/'],
    ],
    ['an SVG style', '<svg><style>.a{}</style><a href="/svg-link/"></a></svg><script><a href="/not/"></script>', [], ['/svg-link/']],
    ['text after a script', '<script src="/a.js"></script><p id="after"><a href="/b/">b</a>', ['after'], ['/a.js', '/b/']],
    ['a script whose text names a longer end tag', '<script>x = "</scripts>"; y = "<a href=\'/no/\'>";</SCRIPT ><a href="/yes/">', [], ['/yes/']],
    ['a comment', '<!-- <a href="/in-comment/" id="c"> --><!----><a id="after" href="/after/">', ['after'], ['/after/']],
    ['a "<" in text, and a declaration', '<p>1 < 2 <3 </ p><?pi <a href="/no/">?><a href="/yes/">', [], ['/yes/']],
    [
      'attributes in capitals, in single quotes, without quotes and with spaces around "="',
      "<A ID='a' HREF='/single/'></A><img src=/unquoted.png alt=x><a id = \"b\" href = /spaced/ >",
      ['a', 'b'],
      ['/single/', '/unquoted.png', '/spaced/'],
    ],
    ['entities, decoded as a browser decodes an attribute', '<a id="&#112;-1" href="/search/?q=a&amp;b=c&copy=d">', ['p-1'], ['/search/?q=a&b=c&copy=d']],
    ['an attribute written twice, where the first counts', '<p id="first" id="second"><a href="/first/" href="/second/">', ['first'], ['/first/']],
    ['a plaintext element, which runs to the end', '<a href="/before/"><plaintext><a href="/no/" id="no">', [], ['/before/']],
    ['a page that ends inside a tag, which is then no tag', '<p id="whole"><a id="cut" href="/cut', ['whole'], []],
  ])('in %s', (_where, body, ids, hrefs) => {
    const built = readBuiltPage(`<!doctype html><html><head></head><body>${body}</body></html>`);
    expect([...built.ids]).toEqual(ids);
    expect(built.links.map((link) => link.href)).toEqual(hrefs);
  });
});

describe('link rules', () => {
  const site: BuiltSite = {
    base: '/',
    pages: new Map<string, Set<string>>([
      ['/', new Set()],
      ['/articles/alibaba/', new Set(['p-1', 'p-2', 'p-3', 'note-cpm', 'passage-cpm'])],
      ['/timeline/', new Set(['event-2021-09-13-links'])],
      ['/timeline/2/', new Set(['event-2019-01-01-old'])],
      ['/topics/wechat-pay/coverage/', new Set()],
    ]),
    files: new Set(['/rss.xml']),
  };
  test.each([
    ['https://example.com/x', undefined],
    ['mailto:a@example.com', undefined],
    ['//cdn.example.com/x.js', undefined],
    ['?q=wechat', undefined],
    ['#', undefined],
    ['#top', undefined],
    ['/rss.xml', undefined],
    ['/topics/wechat-pay/coverage/', undefined],
    ['/articles/alibaba/#p-3', undefined],
    ['/articles/alibaba/index.html#note-cpm', undefined],
    ['/articles/alibab/', 'broken-link'],
    ['/articles/alibaba', 'link-without-trailing-slash'],
    ['/articles/alibaba/#p-4', 'broken-anchor'],
    ['/articles/alibaba/#note-cmp', 'broken-anchor'],
    ['#p-9', 'broken-anchor'],
    ['/timeline/#event-2019-01-01-old', 'broken-anchor'],
    ['articles/alibaba/', 'relative-link'],
  ])('%s: %s', (href, rule) => expect(linkProblem(href, site, '/articles/alibaba/')?.rule).toBe(rule));

  test.each([
    ['/walled-gardens/articles/alibaba/#p-1', undefined],
    ['/articles/alibaba/', 'outside-base'],
  ])('under /walled-gardens/: %s: %s', (href, rule) => {
    const pages = new Map([...site.pages].map(([path, ids]) => [path, ids]));
    expect(linkProblem(href, { ...site, base: '/walled-gardens/', pages }, '/')?.rule).toBe(rule);
  });
});

describe('the report', () => {
  test('a site whose links all lead somewhere, the coverage list and page 2 of the timeline included', async () => {
    const { result } = await check({
      'index.html': page('<a href="/timeline/2/#event-2019-01-01-old">2019</a><a href="/topics/wechat-pay/coverage/">All</a>'),
    });
    expect(result.problems).toEqual([]);
    expect(formatLinkReport(result)).toBe('10 pages checked: every internal link and anchor leads somewhere.');
  });

  test('a note links to an article that does not exist: reported at the address in the note, with the pages showing it', async () => {
    const html = article(3, ['cpm'], '<p>see <a href="/articles/tencnet/">Tencent</a></p>');
    const { messages, result } = await check(
      { 'articles/alibaba/index.html': html, 'topics/wechat-pay/index.html': page('<h2 id="coverage">Coverage</h2><a href="/articles/tencnet/">Tencent</a>') },
      { 'articles/alibaba.md': NOTE_FILE('See [Tencent](/articles/tencnet/).') },
    );
    expect(messages).toEqual([
      lines(
        'content/articles/alibaba.md:6:25: the link /articles/tencnet/ goes to a page that does not exist.',
        '  expected: a page of the site (did you mean /articles/tencent/?)',
        '  found:    /articles/tencnet/',
        '  seen on /articles/alibaba/, /topics/wechat-pay/',
        '  How to fix: correct the address: an article or topic is linked by its file name without .md or .mdx, between slashes.',
        '  See CONTRIBUTING.md#the-body',
      ),
    ]);
    expect(formatLinkReport(result)).toMatch(/\n\n10 pages checked: 1 broken link\.$/);
  });

  test('a paragraph the article does not have, written as a same-page link', async () => {
    const { messages } = await check(
      {
        'articles/alibaba/index.html': article(3, ['cpm'], '<a href="#p-4">paragraph 4</a>'),
        'articles/tencent/index.html': article(2, [], '<a href="#p-4">x</a>'),
      },
      { 'articles/alibaba.md': NOTE_FILE('As [paragraph 4](#p-4) says.'), 'articles/tencent.md': NOTE_FILE('Also [here](#p-4).') },
    );
    expect(messages).toEqual([
      lines(
        'content/articles/alibaba.md:6:28: the link #p-4 goes to #p-4, which does not exist on /articles/alibaba/.',
        '  expected: a paragraph from #p-1 to #p-3 (did you mean #p-1?)',
        '  found:    #p-4',
        '  seen on /articles/alibaba/',
        '  How to fix: paragraphs are numbered in reading order from 1 (headings and footnotes are not counted); check the number on the page.',
        '  See CONTRIBUTING.md#the-body',
      ),
      lines(
        'content/articles/tencent.md:6:23: the link #p-4 goes to #p-4, which does not exist on /articles/tencent/.',
        '  expected: a paragraph from #p-1 to #p-2 (did you mean #p-1?)',
        '  found:    #p-4',
        '  seen on /articles/tencent/',
        '  How to fix: paragraphs are numbered in reading order from 1 (headings and footnotes are not counted); check the number on the page.',
        '  See CONTRIBUTING.md#the-body',
      ),
    ]);
  });

  test('an event linked on the wrong timeline page: the page that has it is named', async () => {
    const { messages } = await check(
      { 'topics/wechat-pay/index.html': page('<h2 id="coverage">Coverage</h2><a href="/timeline/#event-2019-01-01-old">2019</a>') },
      { 'topics/wechat-pay.mdx': '---\ntitle: WeChat Pay\n---\n\nSince [2019](/timeline/#event-2019-01-01-old).\n' },
    );
    expect(messages).toEqual([
      lines(
        'content/topics/wechat-pay.mdx:5:14: the link /timeline/#event-2019-01-01-old goes to #event-2019-01-01-old, which does not exist on /timeline/.',
        '  expected: #event-<id>, the file name of an event in events/ without .yaml (#event-2019-01-01-old is on /timeline/2/)',
        '  found:    #event-2019-01-01-old',
        '  seen on /topics/wechat-pay/',
        "  How to fix: use the event's file name without .yaml, on the timeline page that lists it.",
        '  See CONTRIBUTING.md#the-body',
      ),
    ]);
  });

  test('a template links to a page that was never built: reported in the built page', async () => {
    const { messages } = await check({
      'index.html': page('<a href="/articles/">Articles</a>\n<nav><a href="/about/">About</a></nav>'),
      '404.html': page('<a href="/about/">About</a>'),
    });
    expect(messages).toEqual([
      lines(
        'dist/404.html:1:107: the link /about/ goes to a page that does not exist.',
        '  expected: a page of the site, such as /articles/<slug>/, /topics/<slug>/ or /timeline/',
        '  found:    /about/',
        '  seen on /404.html, /',
        '  no content file holds this address, so a template wrote it: look in src/pages/, src/components/ and src/layouts/.',
        '  How to fix: correct the address: an article or topic is linked by its file name without .md or .mdx, between slashes.',
        '  See CONTRIBUTING.md#the-body',
      ),
    ]);
  });

  test('under a sub-path: links carry the base, and one without it is reported', async () => {
    const { messages } = await check(
      {
        'articles/tencent/index.html': article(
          2,
          [],
          '<a href="/articles/alibaba/#p-2">ok</a><a href="/walled-gardens/articles/alibaba/#note-cpm">ok</a>',
        ).replace('/_astro/', '/walled-gardens/_astro/'),
      },
      {},
      '/walled-gardens/',
    );
    expect(messages).toEqual([
      lines(
        "dist/articles/tencent/index.html:1:173: the link /articles/alibaba/#p-2 is outside the site's base /walled-gardens/; it would lead off the site where it is served under /walled-gardens/.",
        '  expected: an address starting with /walled-gardens/',
        '  found:    /articles/alibaba/#p-2',
        '  seen on /articles/tencent/',
        '  no content file holds this address, so a template wrote it: look in src/pages/, src/components/ and src/layouts/.',
        '  How to fix: in a template, build the address with joinBase(import.meta.env.BASE_URL, path) from src/lib/urls.ts; in content, write a site path such as /articles/<slug>/, which the build adapts.',
        '  See CONTRIBUTING.md#the-body',
      ),
    ]);
  });

  test('a missing stylesheet and a link without its trailing slash', async () => {
    const { result } = await check({ 'articles/2/index.html': page('<link rel="stylesheet" href="/_astro/gone.css"><a href="/articles">Back</a>') });
    expect(result.problems.map((p) => [p.rule, p.found])).toEqual([
      ['broken-link', '/_astro/gone.css'],
      ['link-without-trailing-slash', '/articles'],
    ]);
  });
});

describe('pages marked for search', () => {
  const searchable = (title: string) => page(`<article data-pagefind-body><h1>${title}</h1></article>`);

  test('the searched page types may mark their text for search', async () => {
    const { result } = await check({
      'articles/alibaba/index.html': searchable('Alibaba'),
      'topics/wechat-pay/index.html': searchable('WeChat Pay').replace('<h1>', '<h1 id="coverage">'),
      'timeline/2/index.html': searchable('Timeline').replace('<h1>', '<h1 id="event-2019-01-01-old">'),
    });
    expect(result.problems).toEqual([]);
  });

  test('a page type the search index does not read: one problem at the first page, naming the list to add it to', async () => {
    const { messages, result } = await check({
      'about/index.html': `<!doctype html>\n<html><body>\n  <div data-pagefind-body><h1>About</h1></div></body></html>`,
      'topics/wechat-pay/coverage/index.html': searchable('Coverage').replace('</h1>', '</h1><a href="/topics/wechat-pay/#coverage">Topic</a>'),
    });
    expect(messages).toEqual([
      lines(
        'dist/about/index.html:3:8: /about/ marks its text for search (data-pagefind-body), but the search index does not read its page type.',
        '  expected: a page of one of the page files in SEARCHED_PAGES (src/lib/search/searched-pages.ts): articles/[slug].astro, topics/[slug]/index.astro, timeline/[...page].astro',
        '  found:    about/index.html',
        '  seen on /about/, /topics/wechat-pay/coverage/',
        '  How to fix: add the page file under src/pages/ that writes these pages to SEARCHED_PAGES in src/lib/search/searched-pages.ts, or remove data-pagefind-body if they are not meant to be search results.',
        '  See CONTRIBUTING.md#how-content-flows',
      ),
    ]);
    expect(formatLinkReport(result)).toMatch(/\n\n11 pages checked: pages marked for search that the search index skips\.$/);
  });

  test('with a broken link as well, the summary names both', async () => {
    const { result } = await check({ 'about/index.html': searchable('About'), 'index.html': page('<a href="/gone/">Gone</a>') });
    expect(formatLinkReport(result)).toMatch(/: 1 broken link, pages marked for search that the search index skips\.$/);
  });
});

describe('pages read ahead (the workers that read while the build ends)', () => {
  test('the same report whether the pages were read ahead, in part or not at all', async () => {
    const broken = { 'articles/2/index.html': page('<a href="/articles/gone/">Gone</a><a href="/timeline/#event-2019-01-01-old">Old</a>') };
    const { result: alone, root } = await check(broken);
    const all = await readBuiltPages(join(root, 'dist'));
    expect(all.map((p) => p.file)).toContain('timeline/2/index.html');
    for (const readAhead of [all, all.slice(0, 4)]) {
      const result = await checkBuiltLinks({ dist: join(root, 'dist'), base: '/', contentRoot: join(root, 'content'), cwd: root }, readAhead);
      expect(result).toEqual(alone);
    }
    expect(alone.problems.map((p) => p.found)).toEqual(['/articles/gone/', '#event-2019-01-01-old']);
  });

  test('copies a follower left beside pages (it stopped before its end) are removed, not published or checked', async () => {
    const copy = page('<a href="/nowhere/">Left over</a>');
    const { result, root } = await check({ 'articles/alibaba/index.html.policy.tmp': copy, 'index.html.policy.tmp': copy });
    expect(result.problems).toEqual([]);
    const left = (await readdir(join(root, 'dist'), { recursive: true })).filter((file) => file.endsWith('.tmp'));
    expect(left).toEqual([]);
  });

  test('a page read ahead is not read again: the check uses that reading', async () => {
    const { result: clean, root } = await check({});
    expect(clean.problems).toEqual([]);
    const readAhead = (await readBuiltPages(join(root, 'dist'))).map((p) => (p.file === 'index.html' ? { ...p, links: [...p.links, '/nowhere/'] } : p));
    const result = await checkBuiltLinks({ dist: join(root, 'dist'), base: '/', contentRoot: join(root, 'content'), cwd: root }, readAhead);
    expect(result.problems.map((p) => p.found)).toEqual(['/nowhere/']);
  });
});

/** What a worker that followed the build replies, told at once that every page is written. */
function readInWorker(workerData: object): Promise<PageReaderReply> {
  return new Promise<PageReaderReply>((resolve, reject) => {
    const worker = new Worker(new URL('../../src/lib/links/page-reader-worker.ts', import.meta.url), { workerData });
    worker.once('message', (message: PageReaderReply) => void worker.terminate().then(() => resolve(message)));
    worker.once('error', reject);
    worker.postMessage('written');
  });
}

const byFile = (pages: PageReading[]) => [...pages].sort((a, b) => a.file.localeCompare(b.file));

test('the worker reads every page as the main thread does', async () => {
  const dist = join((await check({})).root, 'dist');
  const reply = await readInWorker({ dist });
  expect(reply.ok && byFile(reply.pages)).toEqual(byFile(await readBuiltPages(dist)));
});

describe("each page's policy, narrowed as the page is read", () => {
  const THEME = 'document.documentElement.dataset.theme = "dark";';
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const OTHER = hash('a script on another page');
  const withPolicy = (policy: string, body: string) =>
    `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"><title>t</title></head><body>${body}</body></html>`;
  const before = withPolicy(`script-src 'self' ${hash(THEME)} ${OTHER}`, `<script>${THEME}</script><a href="/articles/" id="x">Articles</a>`);
  const after = withPolicy(`script-src 'self' ${hash(THEME)}`, `<script>${THEME}</script><a href="/articles/" id="x">Articles</a>`);
  const saved = Buffer.byteLength(before) - Buffer.byteLength(after);

  test.each([
    ['read here, by the check', async (options: LinkCheckOptions) => (await checkBuiltLinks({ ...options, narrowPolicy: true })).policyBytesSaved],
    [
      'read ahead',
      async (options: LinkCheckOptions) => {
        const readAhead = await readBuiltPages(options.dist, { narrowPolicy: true });
        return (await checkBuiltLinks({ ...options, narrowPolicy: true }, readAhead)).policyBytesSaved;
      },
    ],
  ])('%s: the page is written back with only its own hashes, and read as written', async (_how, run) => {
    const { root } = await check({ 'about/index.html': before });
    const dist = join(root, 'dist');
    const options = { dist, base: '/', contentRoot: join(root, 'content'), cwd: root };
    expect(await run(options)).toBe(saved);
    expect(await readFile(join(dist, 'about/index.html'), 'utf8')).toBe(after);
    // A second reading finds nothing more to cut.
    expect((await checkBuiltLinks({ ...options, narrowPolicy: true })).policyBytesSaved).toBe(0);
    expect((await readdir(join(dist, 'about'))).sort()).toEqual(['index.html']);
  });

  test('not asked, the page is left as Astro wrote it', async () => {
    const { root, result } = await check({ 'about/index.html': before });
    expect(result.policyBytesSaved).toBe(0);
    expect(await readFile(join(root, 'dist/about/index.html'), 'utf8')).toBe(before);
  });

  test('the worker narrows as the main thread does', async () => {
    const dist = join((await check({ 'about/index.html': before })).root, 'dist');
    const reply = await readInWorker({ dist, options: { narrowPolicy: true } });
    expect(reply.ok && reply.pages.find((p) => p.file === 'about/index.html')?.policyBytesSaved).toBe(saved);
    expect(await readFile(join(dist, 'about/index.html'), 'utf8')).toBe(after);
  });
});
