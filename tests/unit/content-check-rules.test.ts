// The content check's rules one by one, as tables of input and verdict. The whole-file messages are pinned in
// content-check-cases.test.ts; these pin the small pieces they are made of.
import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { calendarDateProblem } from '../../src/lib/content-check/calendar-dates.ts';
import { decodeUtf8 } from '../../src/lib/content-check/content-files.ts';
import { locate, parseYaml, positionAt, splitFrontmatter } from '../../src/content-model/frontmatter.ts';
import { debrisFindings } from '../../src/lib/content-check/page-debris.ts';
import { formatProblem, githubAnnotation, SECTIONS, summaryLine, type Problem } from '../../src/lib/content-check/problem.ts';
import { headingFindings } from '../../src/lib/content-check/heading-rules.ts';
import { emphasisIn } from '../../src/lib/content-check/plain-text-fields.ts';
import { remoteHost, safetyFindings, unsafeScheme } from '../../src/lib/content-check/safety-rules.ts';
import { fieldLabel, fieldsAt } from '../../src/lib/content-check/schema-problems.ts';
import { closestName } from '../../src/lib/content-check/similar.ts';
import { articleSchema } from '../../src/schemas/article.ts';

describe('calendar dates are checked as typed', () => {
  test.each([
    ['2021-03-25', undefined],
    ['2024-02-29', undefined],
    ['2021-02-29', 'February 2021 has 28 days'],
    ['2021-02-30', 'February 2021 has 28 days'],
    ['2021-04-31', 'April 2021 has 30 days'],
    ['2016-13-45', 'there is no month 13'],
    ['2021-00-10', 'there is no month 0'],
    ['2021-3-5', 'not written YYYY-MM-DD'],
    ['March 25, 2021', 'not written YYYY-MM-DD'],
  ])('%s', (text, problem) => expect(calendarDateProblem(text)).toBe(problem));
});

describe('"did you mean" only suggests likely typos', () => {
  test.each([
    ['sumary', ['summary', 'title'], 'summary'],
    ['wechat-pya', ['wechat-pay', 'wechat'], 'wechat-pay'],
    // Two letters swapped are one slip, as the search's suggestions count them (src/lib/slips.ts).
    ['ttile', ['title', 'topics'], 'title'],
    ['Summary', ['summary'], 'summary'],
    ['summary', ['summary'], undefined],
    ['published', ['title', 'outlet'], undefined],
  ])('%s', (word, candidates, expected) => expect(closestName(word, candidates)).toBe(expected));
});

describe('UTF-8 is decoded strictly, with the position of the first bad byte', () => {
  test.each([
    ['valid text', [0x61, 0x0a, 0xe2, 0x80, 0x94], { ok: true, text: 'a\n—' }],
    ['a Latin-1 é on line 2', [0x61, 0x0a, 0x62, 0x63, 0xe9, 0x20], { ok: false, line: 2, column: 3, bytes: 'E9 20' }],
    ['a sequence cut short at the end', [0x61, 0xe2, 0x80], { ok: false, line: 1, column: 2, bytes: 'E2 80' }],
  ])('%s', (_name, bytes, expected) => expect(decodeUtf8(new Uint8Array(bytes))).toEqual(expected));
});

describe('frontmatter', () => {
  test.each([
    ['a complete file', '---\ntitle: x\n---\n\nText.', { ok: true, yaml: 'title: x', yamlFirstLine: 2, body: '\nText.', bodyFirstLine: 4 }],
    ['an empty frontmatter', '---\n---\nText.', { ok: true, yaml: '', yamlFirstLine: 2, body: 'Text.', bodyFirstLine: 3 }],
    ['no closing line', '---\ntitle: x\n\nText.', { ok: false, reason: 'unclosed' }],
    ['no frontmatter at all', 'Text.', { ok: false, reason: 'no-frontmatter' }],
  ])('%s', (_name, text, expected) => expect(splitFrontmatter(text)).toEqual(expected));

  test('a path in a zod issue is found in the YAML, and missing keys fall back to their parent', () => {
    const yaml = parseYaml('title: x\nannotations:\n  - id: a\n    kind: context\n', 2);
    const kind = locate(yaml, ['annotations', 0, 'kind']);
    expect(kind.exists).toBe(true);
    expect(positionAt(yaml, kind.node!.range![0])).toEqual({ line: 5, column: 11 });
    const body = locate(yaml, ['annotations', 0, 'body']);
    expect(body.exists).toBe(false);
    expect(positionAt(yaml, body.node!.range![0])).toEqual({ line: 4, column: 5 });
  });

  test.each([
    [['summary'], 'summary'],
    [['annotations', 0, 'kind'], 'note "cpm", kind'],
    [['annotations', 1, 'sources', 0, 'date'], 'note 2, source 1, date'],
    [['topics', 2], 'topics, item 3'],
    [['figures', 0, 'article'], 'figure 1, article'],
  ])('%j is called %s', (path, label) => expect(fieldLabel(path, { annotations: [{ id: 'cpm' }, {}] })).toBe(label));

  test('the fields allowed at a path are read from the schema', () => {
    expect(fieldsAt(articleSchema, ['annotations', 0, 'sources', 0])).toEqual(['outlet', 'title', 'date', 'url', 'article', 'quote', 'event']);
    expect(fieldsAt(articleSchema, [])).toContain('summary');
  });
});

const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const markdown = unified().use(remarkParse).use(remarkGfm);
const context = { absoluteFile: '/project/content/articles/x.mdx', projectRoot: '/project', text: '' };
const rulesIn = (parser: typeof mdx, text: string, rawHtmlPublished = false) =>
  safetyFindings(parser.parse(text), { ...context, text, rawHtmlPublished }).map((f) => f.rule);

describe("a body's headings start at level 2, under the page's title", () => {
  test.each([
    ['a section heading', 'Text.\n\n## Final Thought\n\nMore.', []],
    ['a heading under it', '## Part\n\n### Detail', []],
    ['a level-1 heading', 'Text.\n\n# Final Thought\n\nMore.', [{ line: 3, found: '# Final Thought', fix: 'write it with ## instead of #.' }]],
    [
      'a level-1 heading underlined',
      'Final Thought\n=============\n\nMore.',
      [{ line: 1, found: 'Final Thought', fix: 'underline it with --- instead of ===, or write it as ## … on one line.' }],
    ],
    ['a # that is text', 'Text \\# 1 stays text.', []],
    ['a heading with no words', 'Text.\n\n## \n\nMore.', [{ line: 3, found: '##', fix: "write the heading's words after the #s, or remove the line." }]],
    ['a heading of its closing #s alone', '### ###', [{ line: 1, found: '### ###', fix: "write the heading's words after the #s, or remove the line." }]],
    ['a level-1 heading with no words', '#', [{ line: 1, found: '#', fix: "write the heading's words after the #s, or remove the line." }]],
    ['a heading of a picture with alt text', '## ![Alibaba’s logo](/logo.png)', []],
  ])('%s', (_name, text, expected) => {
    const found = headingFindings(markdown.parse(text), text).map(({ point, found, fix }) => ({ line: point.line, found, fix }));
    expect(found).toEqual(expected);
  });
});

test('a broken link is placed at its opening bracket, and quoted from there with its address', () => {
  const text = 'First line,\nthen [Reuters](https://www.reuters.com/x and more';
  const [finding] = safetyFindings(markdown.parse(text), { ...context, text, rawHtmlPublished: false });
  expect(finding).toMatchObject({ rule: 'broken-link', point: { line: 2, column: 6 }, found: '[Reuters](https://www.reuters.com/x and more' });
});

describe('safety rules read the syntax tree', () => {
  test.each([
    ['plain text', 'Alibaba said yes.', []],
    ['escaped markup stays text', 'Type \\<script> and \\{x\\} onclick="x".', []],
    ['a comment', '{/* a comment */}', []],
    ['harmless inline HTML', 'H<sub>2</sub>O', []],
    ['a link to another site', '[Reuters](https://www.reuters.com/x)', []],
    ['a local image', '![Chart](/images/chart.png)', []],
    ['a script', '<script>alert(1)</script>', ['element-not-allowed']],
    ['a style block', '<style>{`body{}`}</style>', ['element-not-allowed']],
    ['an object', '<object data="x.swf"></object>', ['element-not-allowed']],
    ['an embed', '<embed src="x.swf" />', ['element-not-allowed']],
    ['an event handler', '<b onMouseOver="x()">hi</b>', ['event-handler']],
    ['a style attribute', '<b style="color:red">hi</b>', ['inline-style']],
    ['a javascript: link', '[x](javascript:alert(1))', ['unsafe-address']],
    ['a JAVASCRIPT: link with spaces', '<a href=" JaVaScRiPt:alert(1)">x</a>', ['unsafe-address']],
    ['a data: link', '[x](data:text/html,hi)', ['unsafe-address']],
    ['a remote image', '![x](https://cdn.example.com/a.png)', ['remote-resource']],
    ['a remote image by reference', '![x][a]\n\n[a]: https://cdn.example.com/a.png', ['remote-resource']],
    ['a link by reference to another site', '[x][a]\n\n[a]: https://example.org/a', []],
    ['a protocol-relative image', '<img src="//cdn.example.com/a.png" alt="x" />', ['remote-resource']],
    ['a local image without alt text', '![](/images/chart.png)', ['image-without-alt']],
    ['a local image whose alt text is spaces', '![  ](/images/chart.png)', ['image-without-alt']],
    ['an image by reference without alt text', '![][a]\n\n[a]: /images/chart.png', ['image-without-alt']],
    ['an <img> without alt', '<img src="/images/chart.png" />', ['image-without-alt']],
    ['an <img> marked as decoration (alt="")', '<img src="/images/rule.png" alt="" />', []],
    ['an <img> with alt text', '<img src="/images/chart.png" alt="Chart" />', []],
    ['a link left open', 'See [Reuters](https://www.reuters.com/x for more.', ['broken-link']],
    ['a link whose address has a space', 'See [AP](https://apnews.com/a b).', ['broken-link']],
    ['brackets escaped as text', 'Note \\[1\\](x) stays text.', []],
    ['brackets in the text', 'the [sic] reading (as written)', []],
    ['an expression', 'Total {1 + 1}', ['code-not-allowed']],
    ['an attribute expression', '<a href={url}>x</a>', ['code-not-allowed']],
    ['an export', 'export const x = 1', ['export-not-allowed']],
    ['an import from a package', "import x from 'react'", ['import-not-allowed']],
    ['an import from src/components', "import Chart from '../../src/components/Chart.astro'", []],
    ['an import climbing out of src/components', "import x from '../../src/lib/x.ts'", ['import-not-allowed']],
  ])('MDX: %s', (_name, text, rules) => expect(rulesIn(mdx, text)).toEqual(rules));

  test.each([
    ['raw script in a note body', 'See <script>alert(1)</script>.', ['element-not-allowed']],
    ['raw iframe', '<iframe src="https://example.org"></iframe>', ['element-not-allowed']],
    ['raw event handler', 'A <b onclick="x()">b</b>.', ['event-handler']],
    ['raw remote image', 'A <img src="https://cdn.example.com/a.png">.', ['remote-resource']],
    ['a javascript: link', '[x](javascript:alert(1))', ['unsafe-address']],
    ['a local image without alt text', 'A chart: ![](/images/chart.png)', ['image-without-alt']],
    ['a link left open, on the second line', 'First line,\nthen [Reuters](https://www.reuters.com/x', ['broken-link']],
  ])('Markdown: %s', (_name, text, rules) => expect(rulesIn(markdown, text)).toEqual(rules));

  // An .md article's body goes through Astro's Markdown pipeline, which publishes raw HTML as it is: all of it is
  // refused, one problem per tag written (a closing tag goes with its opening one), dangerous elements by name.
  test.each([
    ['plain text', 'Alibaba said yes.', []],
    ['escaped markup stays text', 'Type \\<script> and \\<b> onclick="x".', []],
    ['braces and import are text in Markdown', 'Total {1 + 1}\n\nimport x from "y"', []],
    ['inline HTML', 'H<sub>2</sub>O', ['raw-html']],
    ['two different tags', 'a <b>b</b> and <i>i</i>', ['raw-html', 'raw-html']],
    ['a stray closing tag', 'a </div> b', ['raw-html']],
    ['an HTML comment', '<!-- hidden -->', ['raw-html']],
    ['an HTML block', '<div>\nhidden\n</div>', ['raw-html']],
    ['a script block', '<script>alert(1)</script>', ['element-not-allowed']],
    ['an inline script', 'Yes. <script>alert(1)</script> No.', ['element-not-allowed']],
    ['a script inside a block', '<div>\n<script>alert(1)</script>\n</div>', ['element-not-allowed']],
    ['an iframe', '<iframe src="https://example.org"></iframe>', ['element-not-allowed']],
    ['an event handler', 'A <b onclick="x()">b</b>.', ['raw-html']],
    ['an autolink is a link, not HTML', '<https://example.org>', []],
    ['a javascript: link', '[x](javascript:alert(1))', ['unsafe-address']],
    ['a javascript: autolink', '<javascript:alert(1)>', ['unsafe-address']],
    ['a data: link', '[x](data:text/html,hi)', ['unsafe-address']],
    ['a remote image', '![x](https://cdn.example.com/a.png)', ['remote-resource']],
    ['a remote image by reference', '![x][a]\n\n[a]: https://cdn.example.com/a.png', ['remote-resource']],
  ])('Markdown article: %s', (_name, text, rules) => expect(rulesIn(markdown, text, true)).toEqual(rules));

  test.each([
    ['javascript:alert(1)', 'javascript:'],
    ['  java\nscript:alert(1)', 'javascript:'],
    ['DATA:text/html,x', 'data:'],
    ['https://example.org', undefined],
  ])('unsafe scheme of %j', (url, scheme) => expect(unsafeScheme(url)).toBe(scheme));

  test.each([
    ['https://cdn.example.com/a.png', 'cdn.example.com'],
    ['//cdn.example.com/a.png', 'cdn.example.com'],
    ['/images/a.png', undefined],
  ])('remote host of %s', (url, host) => expect(remoteHost(url)).toBe(host));
});

describe('page debris, with the importer rules, read as the story', () => {
  const found = (body: string) => debrisFindings(body, 'Alibaba Embraces WeChat Pay').map((f) => `${f.point.line}: ${f.message.replace(/\).*/, ')')}`);
  test.each([
    ['story text', 'Alibaba said yes.\n\nTencent said no.', []],
    ['an ad label', 'Alibaba said yes.\n\nAdvertisement\n\nTencent said no.', ['3: page debris left in the article (rule advertisement)']],
    ['a share counter', 'Alibaba said yes.\n\n1.2K', ['3: page debris left in the article (rule counter)']],
    ['the headline again', 'Alibaba said yes.\n\n## Alibaba Embraces WeChat Pay', ['3: page debris left in the article (rule repeated-headline)']],
    ['a byline inside the story stays', 'Alibaba said yes.\n\nBy Avery Booker', []],
    ['a footnote definition is ours', 'A claim.[^1]\n\n[^1]: 42', []],
  ])('%s', (_name, body, expected) => expect(found(body)).toEqual(expected));
});

describe('reporting', () => {
  const problem: Problem = {
    file: 'content/articles/x.mdx',
    line: 4,
    column: 12,
    rule: 'impossible-date',
    message: 'published: 2021-02-30 is not a real date (February 2021 has 28 days).',
    expected: 'a real calendar date written YYYY-MM-DD',
    found: '2021-02-30',
    fix: 'check the date against the source and write it YYYY-MM-DD, for example 2021-03-25.',
    section: 'after-importing',
  };

  test('a problem reads: where, what, expected, found, how to fix, where it is explained', () => {
    expect(formatProblem(problem)).toBe(
      [
        'content/articles/x.mdx:4:12: published: 2021-02-30 is not a real date (February 2021 has 28 days).',
        '  expected: a real calendar date written YYYY-MM-DD',
        '  found:    2021-02-30',
        '  How to fix: check the date against the source and write it YYYY-MM-DD, for example 2021-03-25.',
        '  See CONTRIBUTING.md#after-importing',
      ].join('\n'),
    );
  });

  test('on GitHub Actions it is also an annotation, with newlines, commas and colons escaped', () => {
    expect(githubAnnotation({ ...problem, file: 'content/articles/a,b.mdx' })).toBe(
      '::error file=content/articles/a%2Cb.mdx,line=4,col=12,title=Content check%3A impossible-date::' +
        'published: 2021-02-30 is not a real date (February 2021 has 28 days).%0Aexpected: a real calendar date written YYYY-MM-DD' +
        '%0Afound:    2021-02-30%0AHow to fix: check the date against the source and write it YYYY-MM-DD, for example 2021-03-25.' +
        '%0ASee CONTRIBUTING.md#after-importing',
    );
  });

  test.each([
    [31, [], '31 files checked, no problems.'],
    [1, [problem], '1 file checked: 1 problem in 1 file.'],
    [9, [problem, problem, { ...problem, file: 'y.mdx' }], '9 files checked: 3 problems in 2 files.'],
  ])('summary of %i files', (files, problems, line) => expect(summaryLine(files, problems)).toBe(line));
});

test('every section a problem points to is a heading of CONTRIBUTING.md', () => {
  // GitHub's anchors: lower case, punctuation dropped, spaces as hyphens.
  const anchors = [...readFileSync('CONTRIBUTING.md', 'utf8').matchAll(/^#{2,4} (.+)$/gm)].map(([, heading]) =>
    heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} -]/gu, '')
      .replace(/ /g, '-'),
  );
  expect(anchors).toEqual(expect.arrayContaining(Object.values(SECTIONS)));
});

describe('Markdown emphasis or code in a plain-text field', () => {
  test.each([
    ['Alibaba says **Taobao** will take WeChat Pay', '**Taobao**', '**'],
    ['Alibaba *Embraces* WeChat Pay', '*Embraces*', '*'],
    ['the __Digital Markets Act__', '__Digital Markets Act__', '__'],
    ['an _ad hoc_ opening', '_ad hoc_', '_'],
    ['the `openapi` endpoint', '`openapi`', '`'],
    // Asterisks and underscores that are not emphasis.
    ['a rating of 5 * 3', undefined, undefined],
    ['Musk: "F*** off"', undefined, undefined],
    ['the snake_case_name field', undefined, undefined],
    ['Tmall*', undefined, undefined],
    ['2 * 3 * 4', undefined, undefined],
    ['an asterisk* and a footnote*', undefined, undefined],
    ['https://example.com/news/_story_/', undefined, undefined],
    ['/articles/_draft_/', undefined, undefined],
  ])('%s', (value, text, marks) => {
    expect(emphasisIn(value)).toEqual(text === undefined ? undefined : { text, marks });
  });
});
