// Which file is article X: the one place that goes from a slug to a file and back, whichever extension it has.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ARTICLE_GLOB, articleFormat, articleSlug, findArticleFile } from '../../src/lib/article-files.ts';

describe('article files', () => {
  test('the collection loads .md and .mdx', () => expect(ARTICLE_GLOB).toBe('*.{md,mdx}'));

  test.each([
    ['alibaba-embraces-wechat-pay.md', 'alibaba-embraces-wechat-pay', 'md'],
    ['uses-a-chart.mdx', 'uses-a-chart', 'mdx'],
    ['notes.txt', undefined, 'md'],
    ['draft.md.tmp', undefined, 'md'],
  ])('%s: slug %s, read as %s', (name, slug, format) => {
    expect(articleSlug(name)).toBe(slug);
    expect(articleFormat(name)).toBe(format);
  });

  const dir = mkdtempSync(join(tmpdir(), 'article-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'plain.md'), '');
  writeFileSync(join(dir, 'with-component.mdx'), '');

  test.each([
    ['plain', 'plain.md'],
    ['with-component', 'with-component.mdx'],
    ['missing', undefined],
  ])('the file of %s', (slug, file) => expect(findArticleFile(dir, slug)).toBe(file && join(dir, file)));
});
