// A Markdown article's body is parsed once a build, as its page renders it (trimmed, as Astro trims it): the content
// check takes that tree with its positions moved back to the body as written (so its line numbers stay the file's),
// and keeps it, as parsed, for the renderer (src/content-model/body-trees.ts; the renderer's side is tested in
// article-html.test.ts).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseBody, parseRenderedBody, trimmedBody } from '../../src/content-model/body.ts';
import { bodyTreeKey, keepBodyTree, pruneBodyTrees, takeBodyTree } from '../../src/content-model/body-trees.ts';

describe('where the trimmed body sits in the body as written', () => {
  test.each([
    ['\nText.\n', 'Text.', { lines: 1, columns: 0, offset: 1 }],
    ['\n\n\nText.', 'Text.', { lines: 3, columns: 0, offset: 3 }],
    ['Text.\n\n', 'Text.', { lines: 0, columns: 0, offset: 0 }],
    ['\n  Text.\n', 'Text.', { lines: 1, columns: 2, offset: 3 }],
    ['\r\n\r\nText.\r\n', 'Text.', { lines: 2, columns: 0, offset: 4 }],
  ])('%j', (body, text, shift) => {
    expect(trimmedBody(body)).toEqual({ text, shift });
  });
});

describe('a body parsed as its page renders it, positioned as written', () => {
  // Bodies as the files hold them: a blank line after the frontmatter's closing fence, a newline at the end.
  test.each([
    ['\nTo the astonishment of many.\n\nA second paragraph.\n'],
    ['\n\n## A heading\n\nText with *emphasis*, **bold** and a [link](https://example.com/).\n\n- a list\n- of two\n'],
    ['Text straight after the fence.\n'],
    ['\n| a | b |\n| - | - |\n| 1 | 2 |\n\nA table, then text.[^1]\n\n[^1]: A footnote.\n'],
  ])('%j: the same tree, the same positions, as parsing the body as written', (body) => {
    const { tree, text } = parseRenderedBody(body);
    expect(text).toBe(body.trim());
    expect(tree.children).toEqual(parseBody(body, 'md').children);
  });

  test('a first line indented in the file is what the page shows (a paragraph), not an indented code block', () => {
    const body = '\n    Indented by mistake.\n';
    expect(parseBody(body, 'md').children[0]?.type).toBe('code');
    expect(parseRenderedBody(body).tree.children[0]?.type).toBe('paragraph');
  });

  test('the tree kept for the renderer is the one parsed, positioned in the trimmed text', () => {
    const body = '\n\nText.\n';
    expect(JSON.parse(parseRenderedBody(body).json)).toEqual(JSON.parse(JSON.stringify(parseBody('Text.', 'md'))));
  });
});

describe('the folder of kept trees', () => {
  test('a tree is kept under the digest of its text and the parser, taken back, and pruned when not in use', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'body-trees-'));
    try {
      const a = bodyTreeKey(process.cwd(), 'Text a.');
      const b = bodyTreeKey(process.cwd(), 'Text b.');
      expect(a).not.toBe(b);
      expect(bodyTreeKey(process.cwd(), 'Text a.')).toBe(a);
      expect(keepBodyTree(folder, a, parseRenderedBody('Text a.').json)).toBe(true);
      expect(keepBodyTree(folder, b, parseRenderedBody('Text b.').json)).toBe(true);
      expect(takeBodyTree(folder, a)).toEqual(JSON.parse(JSON.stringify(parseBody('Text a.', 'md'))));
      expect(takeBodyTree(folder, 'no-such-key')).toBeUndefined();
      expect(pruneBodyTrees(folder, new Set([a]))).toBe(1);
      expect(await readdir(folder)).toEqual([`${a}.json`]);
      expect(pruneBodyTrees(join(folder, 'missing'), new Set())).toBe(0);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
