// Links to timeline events go to the page that lists the event (src/plugins/rehype-event-links.ts for the links
// contributors write, src/plugins/rehype-annotations.ts for a note's `event:` source), through the site's real
// Markdown pipeline, on a content root whose timeline has two pages: 120 articles of 2020 between an event of 2010
// (page 1) and one of 2030 (page 2).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { articleTextRenderer, sourceOfText } from '../../src/data/article-html.ts';
import { readEntry, resetModel } from '../../src/content-model/entry.ts';
import { timelineEventPages } from '../../src/lib/timeline/event-file.ts';
import { renderInlineMarkdown } from '../../src/lib/markdown-inline.ts';

const root = mkdtempSync(join(tmpdir(), 'event-links-'));
const content = join(root, 'content');
const FIRST = '2010-01-01-first';
const LAST = '2030-01-01-last';

const eventFile = (day: string, title: string) =>
  `date: ${day}\ndatePrecision: day\ntitle: ${title}\ndescription: A test event.\ntopics: [antitrust]\nsources:\n  - outlet: Reuters\n    title: A report\n    date: ${day}\n`;
const articleFile = (n: number, year = 2020) => `---\ntitle: Article ${n}\npublished: ${year}-01-${String((n % 28) + 1).padStart(2, '0')}\n---\n\nText ${n}.\n`;

function writeArticles(count: number, year: number, from = 0) {
  for (let n = from; n < from + count; n++) writeFileSync(join(content, 'articles', `a-${year}-${n}.md`), articleFile(n, year));
}

beforeAll(() => {
  resetModel();
  mkdirSync(join(content, 'events'), { recursive: true });
  mkdirSync(join(content, 'articles'), { recursive: true });
  mkdirSync(join(content, 'topics'), { recursive: true });
  writeFileSync(join(content, 'events', `${FIRST}.yaml`), eventFile('2010-01-01', 'First'));
  writeFileSync(join(content, 'events', `${LAST}.yml`), eventFile('2030-01-01', 'Last'));
  writeArticles(120, 2020);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Renders an article's Markdown (with its notes) as the site does. */
function render(body: string, base = '/', annotations = ''): Promise<string> {
  const path = join(content, 'articles', 'linking.md');
  const text = `---\ntitle: Linking\npublished: 2020-06-01\n${annotations}---\n\n${body}\n`;
  return articleTextRenderer({ base, contentDir: content })(sourceOfText(path, text));
}

describe('a link to an event in the text', () => {
  test.each<[string, string, string, string]>([
    ['on page 2', '/', `/timeline/#event-${LAST}`, `/timeline/2/#event-${LAST}`],
    ['on page 1', '/', `/timeline/#event-${FIRST}`, `/timeline/#event-${FIRST}`],
    ['written with a wrong page', '/', `/timeline/5/#event-${FIRST}`, `/timeline/#event-${FIRST}`],
    ['under a base path', '/walled-gardens/', `/timeline/#event-${LAST}`, `/walled-gardens/timeline/2/#event-${LAST}`],
    ['under a base path, on page 1', '/walled-gardens/', `/timeline/#event-${FIRST}`, `/walled-gardens/timeline/#event-${FIRST}`],
    ['to an event that does not exist: left for the link check to report', '/', '/timeline/#event-2021-01-01-nope', '/timeline/#event-2021-01-01-nope'],
    ['to the timeline itself', '/', '/timeline/', '/timeline/'],
    ['to another anchor of the timeline', '/', '/timeline/#timeline-chart', '/timeline/#timeline-chart'],
    ['to an article', '/', '/articles/a-2020-1/', '/articles/a-2020-1/'],
  ])('%s', async (_name, base, written, expected) => {
    expect(await render(`See [it](${written}).`, base)).toContain(`<a href="${expected}">it</a>`);
  });
});

describe('in a note', () => {
  const noted = (body: string, sources = '      - outlet: Reuters\n        title: A report\n        date: 2020-06-01\n') =>
    `annotations:\n  - id: n\n    kind: context\n    quote: See\n    body: ${body}\n    sources:\n${sources}`;

  test.each(['/', '/walled-gardens/'])('a link in its body goes to the page (base %s)', async (base) => {
    const html = await render('See this.', base, noted(`Later, [the timeline](/timeline/#event-${LAST}).`));
    expect(html).toContain(`<a href="${base}timeline/2/#event-${LAST}">the timeline</a>`);
  });

  test.each(['/', '/walled-gardens/'])('its `event:` source links to the page (base %s)', async (base) => {
    const html = await render('See this.', base, noted('Context.', `      - event: ${LAST}\n`));
    expect(html).toContain(`Source: our timeline, <a href="${base}timeline/2/#event-${LAST}">1 January 2030: Last</a>.`);
  });

  test('its `event:` source to a missing event still fails the build with its message', async () => {
    await expect(render('See this.', '/', noted('Context.', '      - event: 2030-01-01-nope\n'))).rejects.toThrow(
      'its source cites event "2030-01-01-nope", which does not exist.\n  How to fix: use the file name of an event in content/events/, without .yaml.',
    );
  });
});

test.each<[string, string]>([
  ['/', `<a href="/timeline/2/#event-${LAST}">it</a>`],
  ['/walled-gardens/', `<a href="/walled-gardens/timeline/2/#event-${LAST}">it</a>`],
])("a page's own Markdown (a topic's figure disagreements) links the event's page too (base %s)", (base, expected) => {
  expect(renderInlineMarkdown(`See [it](/timeline/#event-${LAST}).`, base, timelineEventPages(content))).toBe(`See ${expected}.`);
});

test('the pages follow the content model: more articles move the event on, once the model has read them', () => {
  expect(timelineEventPages(content).get(LAST)).toBe(2);
  writeArticles(100, 2021);
  // Nothing read the new files yet: the pages computed for this version of the model stand.
  expect(timelineEventPages(content).get(LAST)).toBe(2);
  // The content check reads every new or changed file (every build, and the dev server on every save).
  readEntry('article', join(content, 'articles', 'a-2021-0.md'));
  expect(timelineEventPages(content).get(LAST)).toBe(3);
  expect(timelineEventPages(content).get(FIRST)).toBe(1);
});
