// Hostile and awkward text through the Markdown escaping: each input must read, as Markdown (CommonMark with GFM),
// exactly as a reader of the source saw it (Markdown escapes like `\\*` show as `*`), with no raw HTML, code, table
// or strikethrough in it, and stay valid MDX with no JSX, expression or ESM node.

import { describe, expect, test } from 'vitest';
import { importArticle } from '../../src/import/import-article.ts';
import { escapeMarkdown, markdownToPlainText } from '../../src/import/markdown-escape.ts';
import {
  codeNodeTypes,
  keptLines,
  linkUrls,
  markupNodeTypes,
  mustShow,
  parseMarkdown,
  parseMdx,
  splitDraft,
  visibleBlocks,
} from './support/import-markdown-check.ts';

const adversarial: { name: string; input: string; visible: string[] }[] = [
  { name: 'braces', input: 'Use {curly} braces and {props.x}', visible: ['Use {curly} braces and {props.x}'] },
  { name: 'a lone closing brace', input: '}', visible: ['}'] },
  { name: 'a lone opening brace', input: '{', visible: ['{'] },
  { name: 'angle brackets', input: 'a < b > c', visible: ['a < b > c'] },
  { name: 'a script tag', input: '<script>alert(1)</script>', visible: ['<script>alert(1)</script>'] },
  { name: 'an img with onerror', input: '<img src=x onerror=alert(1)>', visible: ['<img src=x onerror=alert(1)>'] },
  { name: 'a JSX component', input: '<Foo bar={1} />', visible: ['<Foo bar={1} />'] },
  { name: 'bold HTML', input: 'a <b>bold</b> claim', visible: ['a <b>bold</b> claim'] },
  { name: 'an angle-bracket autolink', input: '<https://example.com>', visible: ['<https://example.com>'] },
  { name: 'an HTML comment', input: '<!-- hidden -->', visible: ['<!-- hidden -->'] },
  { name: 'a named character reference', input: '&amp;', visible: ['&amp;'] },
  { name: 'the copyright reference', input: '&copy; 2024', visible: ['&copy; 2024'] },
  { name: 'a numeric character reference', input: '&#123; and &#x7b;', visible: ['&#123; and &#x7b;'] },
  { name: 'bare ampersands', input: 'AT&T & Premiere 7 & 9', visible: ['AT&T & Premiere 7 & 9'] },
  { name: 'an import statement', input: "import x from 'y'", visible: ["import x from 'y'"] },
  { name: 'an export statement', input: 'export const a = 1', visible: ['export const a = 1'] },
  { name: 'an export default', input: 'export default function () {}', visible: ['export default function () {}'] },
  { name: 'prose starting with import', input: 'import tariffs rose 5 percent', visible: ['import tariffs rose 5 percent'] },
  { name: 'an indented import', input: '    import x from "y"', visible: ['import x from "y"'] },
  { name: 'a Windows path', input: 'C:\\Users\\x', visible: ['C:\\Users\\x'] },
  { name: 'an escaped backslash', input: '\\\\', visible: ['\\'] },
  { name: 'an escaped asterisk', input: '\\*', visible: ['*'] },
  { name: 'an escaped dollar', input: 'Save \\$246', visible: ['Save $246'] },
  { name: 'an escaped brace', input: '\\{not code\\}', visible: ['{not code}'] },
  { name: 'a trailing backslash', input: 'ends with \\', visible: ['ends with \\'] },
  { name: 'backticks', input: 'run `rm -rf {x}` now', visible: ['run `rm -rf {x}` now'] },
  { name: 'a tilde fence', input: '~~~\n{x}\n~~~', visible: ['~~~\n{x}\n~~~'] },
  { name: 'tildes', input: 'about ~5 to 6~ percent', visible: ['about ~5 to 6~ percent'] },
  { name: 'a reference definition', input: '[1]: https://example.com', visible: ['[1]: https://example.com'] },
  { name: 'a javascript: link', input: '[x](javascript:alert(1))', visible: ['x'] },
  { name: 'a bare address followed by a tag', input: 'http://x.y<b>', visible: ['http://x.y<b>'] },
  { name: 'a bare address holding braces', input: 'see www.example.com/{id}', visible: ['see www.example.com/{id}'] },
  { name: 'a bare address holding an escape', input: 'https://x.y/\\<', visible: ['https://x.y/<'] },
  { name: 'CJK', input: '阿里巴巴和腾讯', visible: ['阿里巴巴和腾讯'] },
  { name: 'emoji', input: 'Deals 🎉👍🏽 today', visible: ['Deals 🎉👍🏽 today'] },
  { name: 'CRLF line endings', input: 'first\r\nsecond\r\n\r\nthird', visible: ['first\nsecond', 'third'] },
  { name: 'lone CR line endings', input: 'first\rsecond', visible: ['first\nsecond'] },
  { name: 'a byte-order mark', input: '\uFEFFHello', visible: ['Hello'] },
  { name: 'four leading spaces', input: '    not code', visible: ['not code'] },
  { name: 'bold and italic', input: '**bold** and *italic*', visible: ['bold and italic'] },
  { name: 'a heading with a brace', input: '## Heading {x}', visible: ['Heading {x}'] },
  { name: 'bullets', input: '• one {a}\n• two <b>', visible: ['one {a}', 'two <b>'] },
  // What Markdown reads as markup where MDX did not (raw HTML, autolinks, indented code), or in both (GFM).
  { name: 'an HTML block', input: '<div>\nhidden\n</div>', visible: ['<div>\nhidden\n</div>'] },
  { name: 'a declaration', input: '<!DOCTYPE html>', visible: ['<!DOCTYPE html>'] },
  { name: 'a processing instruction', input: '<?php echo 1; ?>', visible: ['<?php echo 1; ?>'] },
  { name: 'a CDATA section', input: '<![CDATA[x]]>', visible: ['<![CDATA[x]]>'] },
  { name: 'an email autolink', input: '<press@example.com>', visible: ['<press@example.com>'] },
  { name: 'an indented line after a paragraph', input: 'text\n\n    not code', visible: ['text', 'not code'] },
  { name: 'a tab-indented line', input: '\tnot code', visible: ['not code'] },
  { name: 'a backtick fence', input: '```\ncode\n```', visible: ['```\ncode\n```'] },
  { name: 'a table', input: 'a | b\n--- | ---\n1 | 2', visible: ['a | b\n--- | ---\n1 | 2'] },
  { name: 'a one-column table', input: 'Price\n:--', visible: ['Price\n:--'] },
  { name: 'a pipe-only row', input: '| a | b |\n|-|-|', visible: ['| a | b |\n|-|-|'] },
  { name: 'a setext underline', input: 'Title\n=====', visible: ['Title\n====='] },
  { name: 'a dash underline', input: 'Title\n---', visible: ['Title\n---'] },
  { name: 'a thematic break', input: '* * *', visible: ['* * *'] },
  { name: 'a spaced dash rule', input: '- - -', visible: ['- - -'] },
  { name: 'a lone plus', input: 'a\n\n+', visible: ['a', '+'] },
  { name: 'a lone list number', input: 'Steps\n\n1)', visible: ['Steps', '1)'] },
  { name: 'a hard break by backslash', input: 'one\\\ntwo', visible: ['one\\\ntwo'] },
  { name: 'a hard break by two spaces', input: 'one  \ntwo', visible: ['one\ntwo'] },
  { name: 'a heading closing sequence', input: '## Price #', visible: ['Price #'] },
  { name: 'a heading of only #', input: '## #', visible: ['#'] },
  { name: 'a footnote', input: 'text[^1]\n\n[^1]: a note', visible: ['text[^1]', '[^1]: a note'] },
  { name: 'a reference link', input: '[x][y]\n\n[y]: https://example.com', visible: ['[x][y]', '[y]: https://example.com'] },
  { name: 'an entity without a semicolon', input: '&copy 2024 &amp', visible: ['&copy 2024 &amp'] },
  { name: 'a nested list marker', input: '- - item', visible: ['- item'] },
];

/** Reads a text both ways the site can render an article: the Markdown tree, and the MDX tree (throws if invalid). */
function read(text: string) {
  return { markdown: parseMarkdown(text), mdx: parseMdx(text) };
}

describe('escapeMarkdown', () => {
  test.each(adversarial)('$name shows exactly the source text, as Markdown and as MDX', ({ input, visible }) => {
    const { markdown, mdx } = read(escapeMarkdown(input));
    expect(markupNodeTypes(markdown)).toEqual([]);
    expect(visibleBlocks(markdown)).toEqual(visible);
    expect(codeNodeTypes(mdx)).toEqual([]);
    expect(visibleBlocks(mdx)).toEqual(visible);
  });

  test.each([
    { name: 'a link to #', input: 'from [Jing Daily](#).', visible: 'from Jing Daily.', urls: [] },
    { name: 'a link with no target', input: '[x]() y', visible: 'x y', urls: [] },
    { name: 'a javascript: link', input: '[x](javascript:alert(1))', visible: 'x', urls: [] },
    { name: 'a relative link', input: '[about](/about)', visible: 'about', urls: [] },
    { name: 'an image', input: '![a chart](https://example.com/c.png)', visible: 'a chart', urls: [] },
    { name: 'a web link', input: 'see [the report](https://example.com/r?a=1)', visible: 'see the report', urls: ['https://example.com/r?a=1'] },
    { name: 'a link with parentheses', input: '[X](https://en.wikipedia.org/wiki/X_(Y))', visible: 'X', urls: ['https://en.wikipedia.org/wiki/X_(Y)'] },
  ])('$name: only real web links stay links', ({ input, visible, urls }) => {
    const tree = parseMarkdown(escapeMarkdown(input));
    expect(visibleBlocks(tree)).toEqual([visible]);
    expect(linkUrls(tree)).toEqual(urls);
  });

  test('keeps Markdown block markers as Markdown (the documented decision)', () => {
    const tree = parseMarkdown(escapeMarkdown('## Section\n\n> quoted\n\n- item\n\n1. first'));
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'blockquote', 'list', 'list']);
  });
});

describe('importArticle on adversarial body text', () => {
  test.each(adversarial)('$name reads the same and holds no markup', ({ input, visible }) => {
    const { body } = splitDraft(importArticle(`A headline\n\n${input}`).draft);
    const { markdown, mdx } = read(body);
    expect(markupNodeTypes(markdown)).toEqual([]);
    expect(codeNodeTypes(mdx)).toEqual([]);
    const oneLine = (blocks: string[]) => blocks.join(' ').replace(/\s+/g, ' ');
    expect(oneLine(visibleBlocks(markdown))).toEqual(oneLine(visible));
  });

  test('a title full of YAML, Markdown and MDX syntax survives the frontmatter as plain text', () => {
    const title = `Alibaba's "walled garden": {a} <b> # not a comment — 阿里巴巴’s`;
    const { frontmatter } = splitDraft(importArticle(`${title}\n\nBody.`).draft);
    expect(frontmatter['title']).toBe(title);
  });
});

describe('any text reads as written', () => {
  // Random strings over the characters that mean something to Markdown, MDX or GFM, from a fixed seed so a failure
  // always reproduces. This is how the bare-address, table-delimiter and trailing-backslash cases above were found.
  const ALPHABET = [
    '{',
    '}',
    '<',
    '>',
    '/',
    '&',
    '#',
    ';',
    'amp',
    'x',
    '1',
    '.',
    ')',
    '(',
    '[',
    ']',
    '!',
    '\\',
    '`',
    '~',
    '*',
    '_',
    '-',
    '+',
    '=',
    '|',
    ':',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '\r',
    '\t',
    'import ',
    'export ',
    'B',
    '阿',
    '🎉',
    '\u00A0',
    '"',
    "'",
    'http://x.y',
    'www.',
    '$',
    '•',
    '    ',
    '<!--',
    '&copy;',
    'a@b.co',
  ];
  const randomTexts = (count: number, seed: number): string[] => {
    let state = seed;
    const next = (below: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * below);
    };
    return Array.from({ length: count }, () => Array.from({ length: 1 + next(30) }, () => ALPHABET[next(ALPHABET.length)]).join(''));
  };

  /** A kept link's target is not shown, so texts that can form one are compared by their structure only. */
  const formsLink = (text: string) => text.includes('](');

  test('300 random hostile texts, escaped or imported: no markup, no MDX code, the same text', () => {
    for (const text of randomTexts(300, 2024)) {
      const label = JSON.stringify(text);
      const source = `A headline\n\n${text}`;
      const drafts: { body: string; shows: string }[] = [{ body: escapeMarkdown(text), shows: text }];
      try {
        const imported = importArticle(source);
        drafts.push({ body: splitDraft(imported.draft).body, shows: keptLines(source, imported.removed) });
      } catch {
        // Nothing left once the debris is removed: the importer writes no draft.
      }
      for (const { body, shows } of drafts) {
        const { markdown, mdx } = read(body);
        expect(markupNodeTypes(markdown), label).toEqual([]);
        expect(codeNodeTypes(mdx), label).toEqual([]);
        for (const url of linkUrls(markdown)) expect(url, label).toMatch(/^(https?:\/\/|mailto:)/);
        if (!formsLink(text)) expect(mustShow(visibleBlocks(markdown).join('')), label).toBe(mustShow(shows));
      }
    }
    // 600 drafts parsed twice each: a few seconds on a busy 2-core machine, so allow more than the 5 s default.
  }, 120_000);
});

describe('markdownToPlainText', () => {
  test.each([
    ['## How luxury can benefit', 'How luxury can benefit'],
    ['By [Avery Booker](#)', 'By Avery Booker'],
    ['*Published with permission from **Jing Daily**. Adapted.*', 'Published with permission from Jing Daily. Adapted.'],
    ['Save \\$246', 'Save $246'],
    ['snake_case_name stays', 'snake_case_name stays'],
  ])('%j → %j', (markdown, plain) => {
    expect(markdownToPlainText(markdown)).toBe(plain);
  });
});
