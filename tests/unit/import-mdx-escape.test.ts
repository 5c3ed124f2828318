// Hostile and awkward text through the MDX escaping: each input must compile, contain no JSX, expression or ESM
// node, and show exactly the text a reader of the source saw (Markdown escapes like `\*` show as `*`).

import { describe, expect, test } from 'vitest';
import { importArticle } from '../../src/lib/import/import-article.ts';
import { escapeMdx, markdownToPlainText } from '../../src/lib/import/mdx-escape.ts';
import { codeNodeTypes, compileMdx, linkUrls, parseMdx, splitDraft, visibleBlocks } from './import-mdx-check.ts';

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
];

describe('escapeMdx', () => {
  test.each(adversarial)('$name compiles as MDX', async ({ input }) => {
    await expect(compileMdx(escapeMdx(input))).resolves.toBeUndefined();
  });

  test.each(adversarial)('$name yields no JSX, expression or ESM node', ({ input }) => {
    expect(codeNodeTypes(parseMdx(escapeMdx(input)))).toEqual([]);
  });

  test.each(adversarial)('$name shows exactly the source text', ({ input, visible }) => {
    expect(visibleBlocks(parseMdx(escapeMdx(input)))).toEqual(visible);
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
    const tree = parseMdx(escapeMdx(input));
    expect(visibleBlocks(tree)).toEqual([visible]);
    expect(linkUrls(tree)).toEqual(urls);
  });

  test('keeps Markdown block markers as Markdown (the documented decision)', () => {
    const tree = parseMdx(escapeMdx('## Section\n\n> quoted\n\n- item\n\n1. first'));
    expect(tree.children.map((node) => node.type)).toEqual(['heading', 'blockquote', 'list', 'list']);
  });
});

describe('importArticle on adversarial body text', () => {
  test.each(adversarial)('$name compiles, runs nothing and reads the same', async ({ input, visible }) => {
    const { body } = splitDraft(importArticle(`A headline\n\n${input}`).mdx);
    await expect(compileMdx(body)).resolves.toBeUndefined();
    const tree = parseMdx(body);
    expect(codeNodeTypes(tree)).toEqual([]);
    const oneLine = (blocks: string[]) => blocks.join(' ').replace(/\s+/g, ' ');
    expect(oneLine(visibleBlocks(tree))).toEqual(oneLine(visible));
  });

  test('a title full of YAML and MDX syntax survives the frontmatter as plain text', () => {
    const title = `Alibaba's "walled garden": {a} <b> # not a comment — 阿里巴巴’s`;
    const { frontmatter } = splitDraft(importArticle(`${title}\n\nBody.`).mdx);
    expect(frontmatter['title']).toBe(title);
  });
});

describe('any text compiles', () => {
  // Random strings over the characters that mean something to Markdown, MDX or GFM, from a fixed seed so a failure
  // always reproduces. This is how the bare-address case above was found.
  const ALPHABET = [
    '{', '}', '<', '>', '/', '&', '#', ';', 'amp', 'x', '1', '.', ')', '(', '[', ']', '!', '\\', '`', '~', '*', '_',
    '-', '+', '=', '|', ':', ' ', '  ', '\n', '\n\n', '\r', '\t', 'import ', 'export ', 'B', '阿', '🎉', '\u00A0',
    '"', "'", 'http://x.y', 'www.', '$', '•', '    ',
  ];
  const randomTexts = (count: number, seed: number): string[] => {
    let state = seed;
    const next = (below: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * below);
    };
    return Array.from({ length: count }, () =>
      Array.from({ length: 1 + next(30) }, () => ALPHABET[next(ALPHABET.length)]).join(''),
    );
  };

  test('300 random hostile texts compile, escaped or imported, with no JSX, expression or ESM', async () => {
    for (const text of randomTexts(300, 2024)) {
      const escaped = escapeMdx(text);
      const imported = (() => {
        try {
          return splitDraft(importArticle(`A headline\n\n${text}`).mdx).body;
        } catch {
          return '';
        }
      })();
      for (const mdx of [escaped, imported]) {
        await expect(compileMdx(mdx), JSON.stringify(text)).resolves.toBeUndefined();
        expect(codeNodeTypes(parseMdx(mdx)), JSON.stringify(text)).toEqual([]);
      }
    }
    // 600 MDX compilations: seconds on a busy 2-core machine, so allow far more than the 5 s default.
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
