// Which built pages the search index reads: the glob handed to Pagefind and the test the link check uses must
// agree with each other and with the page files that mark their text for search.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageGlob, SEARCHED_PAGES, searchedFileTest, searchedPagesGlob } from '../../src/lib/search/searched-pages.ts';

describe('the built files of a page file', () => {
  test.each<[string, string, string[], string[]]>([
    [
      'articles/[slug].astro',
      'articles/*/index.html',
      ['articles/alibaba-embraces-wechat-pay/index.html', 'articles/2/index.html'],
      ['articles/index.html', 'articles/x/annotations.jsonld', 'articles/x/y/index.html', 'topics/x/index.html'],
    ],
    ['topics/[slug]/index.astro', 'topics/*/index.html', ['topics/taobao/index.html'], ['topics/index.html', 'topics/taobao/coverage/2/index.html']],
    [
      'timeline/[...page].astro',
      'timeline/**/index.html',
      ['timeline/index.html', 'timeline/2/index.html', 'timeline/a/b/index.html'],
      ['timelines/index.html', 'index.html'],
    ],
    ['index.astro', 'index.html', ['index.html'], ['about/index.html']],
    ['about.astro', 'about/index.html', ['about/index.html'], ['index.html', 'about.html']],
    [
      'annotations/page-[page].astro',
      'annotations/page-*/index.html',
      ['annotations/page-2/index.html'],
      ['annotations/2/index.html', 'annotations/page-/index.html'],
    ],
    ['a.b/[x].md', 'a.b/*/index.html', ['a.b/y/index.html'], ['aXb/y/index.html']],
  ])('%s: %s', (pageFile, glob, matched, unmatched) => {
    expect(pageGlob(pageFile)).toBe(glob);
    const searched = searchedFileTest([pageFile]);
    for (const file of matched) expect(searched(file), file).toBe(true);
    for (const file of unmatched) expect(searched(file), file).toBe(false);
  });
});

test('several page types are one glob, as alternatives', () => {
  expect(searchedPagesGlob(['articles/[slug].astro', 'timeline/[...page].astro'])).toBe('{articles/*/index.html,timeline/**/index.html}');
  expect(searchedPagesGlob(['topics/[slug]/index.astro'])).toBe('topics/*/index.html');
});

test.each(SEARCHED_PAGES)('src/pages/%s exists and marks its text for search', (pageFile) => {
  expect(readFileSync(join('src/pages', pageFile), 'utf8')).toContain('data-pagefind-body');
});
