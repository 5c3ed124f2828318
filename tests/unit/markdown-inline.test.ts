// Note bodies and other frontmatter Markdown that are one line of plain prose are built without the parser
// (src/lib/markdown-inline.ts, plainProse). Each case here is held to the parser itself: what passes as plain must
// render exactly as remark and GFM render it, and what the parser would turn into anything but that text is refused.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { readEntry, resetModel } from '../../src/content-model/entry.ts';
import { markdownToHast, plainProse } from '../../src/lib/markdown-inline.ts';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
const html = unified().use(rehypeStringify);
const parsed = (markdown: string) => String(parser.processSync(markdown));
const built = (markdown: string) => html.stringify(markdownToHast(markdown, '/'));

describe('plainProse', () => {
  test.each([
    ['a sentence', 'Alibaba opened Taobao to WeChat Pay in September 2024.', true],
    ['quotes, dashes, commas and a colon', '“Walled gardens” — as Xinhua put it: a barrier, (not) a wall; 30% of sales!', true],
    ['Chinese text and full-width punctuation', '淘宝接入微信支付，用户可以直接付款。', true],
    ['a hash inside the line', 'Issue #14 was filed.', true],
    ['a pipe inside one line', 'revenue | profit', true],
    ['a number that is not a list', '2024 was the year.', true],
    ['ten digits and a full stop: too long for a list', '1234567890. Not a list.', true],
    ['a year and a full stop: a list item', '2024. The year.', false],
    ['one digit and a parenthesis: a list item', '1) First.', false],
    ['a dash: a list item', '- one', false],
    ['a plus: a list item', '+ one', false],
    ['a hash at the start: a heading', '# Heading', false],
    ['an equals sign at the start', '= sign', false],
    ['a link', 'See [the report](https://example.com).', false],
    ['emphasis', 'It was *not* a wall.', false],
    ['strong with underscores', 'It was __not__ a wall.', false],
    ['strikethrough', 'It was ~a~ no wall.', false],
    ['code', 'Use `npm test`.', false],
    ['an entity', 'AT&amp;T', false],
    ['an ampersand', 'Procter & Gamble', false],
    ['HTML', 'a <b>bold</b> move', false],
    ['a quote marker', '> quoted', false],
    ['a bare web address', 'See www.example.com for more.', false],
    ['a bare web address in capitals', 'See WWW.EXAMPLE.COM for more.', false],
    ['a URL', 'See https://example.com for more.', false],
    ['a mail address', 'Write to press@example.com.', false],
    ['a backslash escape', 'A \\* star.', false],
    ['two lines', 'one\ntwo', false],
    ['a tab', 'one\ttwo', false],
    ['a line break after it, as YAML block text ends', 'A sentence.\n', true],
    ['spaces and line breaks after it', 'A sentence.  \n\n', true],
    ['a NUL', 'one\u0000two', false],
    ['leading spaces', '    code?', false],
    ['spaces after it, which end no line', 'no hard break  ', true],
    ['a no-break space at the start', '\u00a0Hello', false],
    ['empty', '', false],
  ])('%s', (_name, markdown, plain) => {
    const text = plainProse(markdown);
    expect(text !== undefined).toBe(plain);
    // Plain prose is one paragraph of exactly its own text to the parser; the build gives the same HTML without it.
    if (text !== undefined) {
      expect(text).toBe(markdown.trimEnd());
      expect(parsed(markdown)).toBe(`<p>${html.stringify({ type: 'root', children: [{ type: 'text', value: text }] })}</p>`);
      expect(built(markdown)).toBe(parsed(markdown));
    }
  });
});

describe('every note body of the real articles', () => {
  resetModel();
  const articles = readdirSync('content/articles').filter((name) => name.endsWith('.md'));
  const bodies = articles.flatMap((name) => {
    const entry = readEntry('article', resolve('content/articles', name));
    const notes = (entry?.data as { annotations?: { body: string }[] } | undefined)?.annotations ?? [];
    return notes.map((note) => note.body);
  });

  test('renders as the parser renders it, plain or not', () => {
    expect(bodies.filter((body) => plainProse(body) !== undefined).length).toBeGreaterThan(bodies.length / 2);
    for (const body of bodies) expect(built(body)).toBe(parsed(body));
  });
});
