// Our notes as open data, checked as a reuser would: every note is in its article's Web Annotation collection and in
// the site-wide one, every annotation is valid in the W3C model, a standard client (Apache Annotator, bundled here
// with esbuild and added to the real article page) finds each annotation's passage exactly once and inside the
// passage the page marks for that note, and the corrections feed is valid RSS that a feed parser reads and that
// lists the newest corrections, fact-checks and updates (all of them while there are at most FEED_SIZE), newest first.
import { parseFeed } from '@rowanmanning/feed-parser';
import type { APIRequestContext, Page } from '@playwright/test';
import { build } from 'esbuild';
import { SyntaxValidator } from 'fast-xml-validator';
import { readArticles, readTopicTitles } from './support/corpus.ts';
import { test, expect } from './support/reader.ts';
import { FEED_KINDS, FEED_SIZE } from '../../src/lib/open-data/corrections-feed.ts';
import {
  annotationProblems,
  collectionProblems,
  pageProblems,
  type Annotation,
  type AnnotationCollection,
  type AnnotationPage,
  type Selector,
} from './support/web-annotation-model.ts';

/** Apache Annotator's functions, as the bundle below puts them on the page. */
type Matcher = (scope: Node) => AsyncIterable<Range>;
interface AnnotatorClient {
  createCssSelectorMatcher: (selector: Selector) => Matcher;
  createTextPositionSelectorMatcher: (selector: Selector) => Matcher;
  createTextQuoteSelectorMatcher: (selector: Selector) => Matcher;
  makeRefinable: (matcher: (selector: Selector) => Matcher) => (selector: Selector) => Matcher;
}

const articles = readArticles();

// The client is added to the page as an inline script, which the site's Content-Security-Policy rightly refuses.
test.use({ bypassCSP: true });
test.skip(({ isMobile }) => isMobile, 'the data and the page text a client anchors on are the same at every width: checked once, at the desktop width');

let client: string;
test.beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: `import { createCssSelectorMatcher, createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
        import { makeRefinable } from '@apache-annotator/selector';
        window.webAnnotationClient = { createCssSelectorMatcher, createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher, makeRefinable };`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  client = bundle.outputFiles[0]!.text;
});

const getJson = async <T>(request: APIRequestContext, url: string): Promise<T> => {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return JSON.parse(await response.text()) as T;
};

/** A published address (SITE_URL) as the test server serves it. */
const served = (page: Page | { url: () => string }, address: string) => {
  const published = new URL(address);
  return new URL(published.pathname + published.search, page.url()).href;
};

/** The article's collection, found as a reader's tool finds it: from the page's head. */
async function articleCollection(page: Page, request: APIRequestContext): Promise<AnnotationCollection<AnnotationPage>> {
  const link = page.locator('head link[rel="alternate"][type="application/ld+json"]');
  await expect(link).toHaveCount(1);
  return getJson(request, new URL((await link.getAttribute('href'))!, page.url()).href);
}

interface Anchoring {
  id: string;
  quoteMatches: number;
  insidePassage: boolean;
  quoteText: string;
  marked: string;
  cssText: string | undefined;
  fragmentText: string | undefined;
}

/** Runs Apache Annotator on the page for each annotation and reports what it found. */
function anchorAll(page: Page, annotations: Annotation[]): Promise<Anchoring[]> {
  return page.evaluate(async (list): Promise<Anchoring[]> => {
    const { createCssSelectorMatcher, createTextPositionSelectorMatcher, createTextQuoteSelectorMatcher, makeRefinable } = (
      window as unknown as { webAnnotationClient: AnnotatorClient }
    ).webAnnotationClient;
    const matcherFor = makeRefinable((selector) => {
      if (selector.type === 'CssSelector') return createCssSelectorMatcher(selector);
      if (selector.type === 'TextPositionSelector') return createTextPositionSelectorMatcher(selector);
      if (selector.type === 'TextQuoteSelector') return createTextQuoteSelectorMatcher(selector);
      throw new Error(`no matcher for ${selector.type}`);
    });
    const all = async (matches: AsyncIterable<Range>) => {
      const found: Range[] = [];
      for await (const range of matches) found.push(range);
      return found;
    };
    const out: Anchoring[] = [];
    for (const annotation of list) {
      const id = new URL(annotation.id).hash.replace(/^#note-/, '');
      const selectors = annotation.target.selector;
      const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
      const css = selectors.find((s) => s.type === 'CssSelector');
      const fragment = selectors.find((s) => s.type === 'FragmentSelector');
      if (!quote) throw new Error(`note ${id} has no TextQuoteSelector`);
      const quoteRanges = await all(createTextQuoteSelectorMatcher(quote)(document.body));
      const marks = [...document.querySelectorAll(`mark[data-annotation="${CSS.escape(id)}"]`)];
      const passage = document.createRange();
      if (marks.length > 0) {
        passage.setStartBefore(marks[0]!);
        passage.setEndAfter(marks[marks.length - 1]!);
      }
      const match = quoteRanges[0];
      const insidePassage =
        marks.length > 0 &&
        match !== undefined &&
        passage.compareBoundaryPoints(Range.START_TO_START, match) <= 0 &&
        passage.compareBoundaryPoints(Range.END_TO_END, match) >= 0;
      const cssRanges = css ? await all(matcherFor(css)(document)) : [];
      // A FragmentSelector of an HTML page names an element by its id (RFC 3986); the client refines within it.
      const holder = fragment?.value ? document.getElementById(fragment.value) : null;
      const fragmentRanges = holder && fragment?.refinedBy ? await all(createTextPositionSelectorMatcher(fragment.refinedBy)(holder)) : [];
      out.push({
        id,
        quoteMatches: quoteRanges.length,
        insidePassage,
        quoteText: match?.toString() ?? '',
        marked: marks.map((mark) => mark.textContent).join(''),
        cssText: cssRanges.length === 1 ? cssRanges[0]!.toString() : undefined,
        fragmentText: fragmentRanges.length === 1 ? fragmentRanges[0]!.toString() : undefined,
      });
    }
    return out;
  }, annotations);
}

for (const article of articles) {
  test(`a Web Annotation client anchors every note of “${article.slug}” on its page, inside the passage the page marks`, async ({ page, request }) => {
    await page.goto(`articles/${article.slug}/`);
    const collection = await articleCollection(page, request);
    expect(collectionProblems(collection)).toEqual([]);
    const annotations = collection.first?.items ?? [];
    expect(annotations.map((a) => new URL(a.id).hash).sort()).toEqual(article.notes.map((note) => `#note-${note.id}`).sort());
    expect(collection.total).toBe(article.notes.length);
    for (const annotation of annotations) expect(annotationProblems({ '@context': collection['@context'], ...annotation }, true, annotation.id)).toEqual([]);
    for (const annotation of annotations) expect(new URL(annotation.target.source).pathname, annotation.id).toBe(new URL(page.url()).pathname);

    await page.addScriptTag({ content: client });
    const results = await anchorAll(page, annotations);
    for (const result of results) {
      const quote = annotations.find((a) => a.id.endsWith(`#note-${result.id}`))!.target.selector.find((s) => s.type === 'TextQuoteSelector');
      expect.soft(result.quoteMatches, `note ${result.id}: matches of its TextQuoteSelector`).toBe(1);
      expect.soft(result.insidePassage, `note ${result.id}: the match lies within its <mark>s`).toBe(true);
      expect.soft(result.quoteText, `note ${result.id}: the matched text`).toBe(quote?.exact);
      // The marks hold the passage; the exact text may also hold the number of another note ending inside it.
      expect.soft(result.marked.length, `note ${result.id}: marked text`).toBeGreaterThan(0);
      expect.soft(result.cssText, `note ${result.id}: CssSelector refined by TextPositionSelector`).toBe(quote?.exact);
      expect.soft(result.fragmentText, `note ${result.id}: FragmentSelector refined by TextPositionSelector`).toBe(quote?.exact);
    }
  });
}

test('the site-wide collection holds every note, each as its article publishes it, in valid pages', async ({ request, baseURL }) => {
  const collection = await getJson<AnnotationCollection<string>>(request, 'annotations.jsonld');
  expect(collectionProblems(collection)).toEqual([]);
  const base = { url: () => baseURL! };
  const everyNote = articles.flatMap((article) => article.notes.map((note) => `/articles/${article.slug}/#note-${note.id}`));
  expect(collection.total).toBe(everyNote.length);

  const seen: Annotation[] = [];
  let next: string | undefined = collection.first;
  let previous: string | undefined;
  while (next) {
    const page = await getJson<AnnotationPage>(request, served(base, next));
    expect(pageProblems(page, true, page.id)).toEqual([]);
    expect(typeof page.partOf === 'string' ? page.partOf : page.partOf.id).toBe(collection.id);
    expect(page.startIndex).toBe(seen.length);
    expect(page.prev).toBe(previous);
    seen.push(...page.items);
    previous = page.id;
    next = page.next;
  }
  expect(previous).toBe(collection.last);
  const ids = seen.map((a) => {
    const url = new URL(a.id);
    return `${url.pathname.replace(new URL(baseURL!).pathname, '/')}${url.hash}`;
  });
  expect(ids.sort()).toEqual(everyNote.sort());

  for (const article of articles) {
    const own = await getJson<AnnotationCollection<AnnotationPage>>(request, `articles/${article.slug}/annotations.jsonld`);
    for (const annotation of own.first?.items ?? []) expect(seen.find((a) => a.id === annotation.id)).toEqual(annotation);
  }
});

test('the corrections feed is valid RSS listing every correction, fact-check and update, newest first', async ({ request, page }) => {
  await page.goto('');
  const link = page.locator('head link[rel="alternate"][type="application/rss+xml"][href$="corrections.xml"]');
  await expect(link).toHaveCount(1);
  const response = await request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
  expect(response.status()).toBe(200);
  const xml = await response.text();
  // Well-formed XML: the validator throws, with line and column, at the first mistake.
  expect(() => SyntaxValidator.validate(xml)).not.toThrow();

  const feed = parseFeed(xml);
  expect(feed.meta.type).toBe('rss');
  const expected = articles.flatMap((article) =>
    article.notes.filter((note) => (FEED_KINDS as readonly string[]).includes(note.kind)).map((note) => `/articles/${article.slug}/#note-${note.id}`),
  );
  const base = new URL(page.url()).pathname;
  const links = feed.items.map((item) => {
    const url = new URL(item.url!);
    return `${url.pathname.replace(base, '/')}${url.hash}`;
  });
  // The feed lists the FEED_SIZE newest: all of them while the site has no more.
  expect(links).toHaveLength(Math.min(expected.length, FEED_SIZE));
  for (const link of links) expect(expected).toContain(link);
  for (const item of feed.items) expect(item.title, item.url ?? '').toMatch(/^(Correction|Fact-check|Update) on “/);
  const dates = feed.items.map((item) => item.published?.getTime() ?? -Infinity);
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
});

test('the articles feed is valid RSS listing every article, newest first, with its topics by name', async ({ request, page }) => {
  await page.goto('');
  const link = page.locator('head link[rel="alternate"][type="application/rss+xml"][href$="rss.xml"]');
  await expect(link).toHaveCount(1);
  const xml = await (await request.get(new URL((await link.getAttribute('href'))!, page.url()).href)).text();
  expect(() => SyntaxValidator.validate(xml)).not.toThrow();
  const feed = parseFeed(xml);
  const titles = readTopicTitles();
  const newestFirst = [...articles].sort((a, b) => b.published.getTime() - a.published.getTime());
  expect(feed.items.map((item) => item.title)).toEqual(newestFirst.map((article) => article.title));
  // Categories by the topics' names, as the pages show them, not their slugs.
  expect(feed.items.map((item) => item.categories.map((category) => category.label))).toEqual(
    newestFirst.map((article) => article.topics.map((slug) => titles.get(slug))),
  );
});

test('every page announces the corrections feed, and About leads to the open-data page', async ({ page }) => {
  for (const path of ['', `articles/${articles[0]!.slug}/`, 'topics/', 'about/', 'data/']) {
    await page.goto(path);
    await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"][href$="corrections.xml"]'), path).toHaveCount(1);
  }
  await page.goto('about/');
  await expect(page.getByRole('link', { name: 'corrections feed' })).toHaveAttribute('href', /corrections\.xml$/);
  await page.getByRole('main').getByRole('link', { name: 'open data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Open data' })).toBeVisible();
  const motivations = page.getByRole('table');
  for (const [kind, motivation] of [
    ['Correction', 'editing'],
    ['Fact-check', 'assessing'],
    ['Cross-reference', 'linking'],
  ]) {
    await expect(motivations.getByRole('row', { name: new RegExp(`^${kind} ${motivation}`) })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: /CC BY 4\.0/ })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Open data' })).toHaveAttribute('href', /\/data\/$/);
});

// The code examples inherited inline code's shading, a band behind each line that broke each block into stripes, with
// the first line indented by the band's padding (2026-12-07, seen in screenshots).
test('each code example reads as one panel: its lines share one background, the first starting where the others do', async ({ page }) => {
  await page.goto('data/');
  const blocks = page.getByRole('main').locator('pre');
  expect(await blocks.count(), 'code examples').toBeGreaterThan(0);
  for (const block of await blocks.all()) {
    const { panel, code, indent } = await block.evaluate((pre) => {
      const inner = pre.querySelector('code')!;
      const style = getComputedStyle(pre);
      const range = document.createRange();
      range.setStart(inner.firstChild!, 0);
      range.setEnd(inner.firstChild!, 1);
      const contentLeft = pre.getBoundingClientRect().left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
      return {
        panel: style.backgroundColor,
        code: getComputedStyle(inner).backgroundColor,
        indent: range.getBoundingClientRect().left - contentLeft,
      };
    });
    expect(code, 'the code has no background of its own').toBe('rgba(0, 0, 0, 0)');
    expect(panel, 'the block has one').not.toBe('rgba(0, 0, 0, 0)');
    expect(Math.abs(indent), "the first line starts where the others do, at the panel's padding").toBeLessThan(1);
  }
});

// An address set as code is one long word: on a phone the page's addresses broke wherever the line ended, leaving
// "rss.xm" / "l" (2026-12-07, seen in screenshots at 375 px). They break after a slash (or a hyphen), or at a space.
test('on a phone, an address in code type breaks only after a slash, a hyphen or at a space, never inside a word', async ({ page }) => {
  const inside: string[] = [];
  for (const width of [320, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('data/');
    inside.push(
      ...(
        await page.evaluate(() =>
          [...document.querySelectorAll('main code')]
            .filter((code) => !code.closest('pre'))
            .flatMap((code) => {
              // Each character's line (its top), read from the text itself.
              const characters: { character: string; top: number }[] = [];
              const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (let at = 0; at < (node.textContent ?? '').length; at++) {
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + 1);
                  const rect = range.getClientRects()[0];
                  if (rect) characters.push({ character: node.textContent![at]!, top: Math.round(rect.top) });
                }
              }
              return characters.flatMap(({ character, top }, i) => {
                const before = characters[i - 1];
                if (!before || top <= before.top + 2 || /[\s/-]/.test(before.character) || /\s/.test(character)) return [];
                return [`“${code.textContent}” breaks between “${before.character}” and “${character}”`];
              });
            }),
        )
      ).map((problem) => `${width} px: ${problem}`),
    );
  }
  expect(inside).toEqual([]);
});
