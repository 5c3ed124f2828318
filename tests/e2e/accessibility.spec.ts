// axe (WCAG 2.2 A and AA rules) on every page type, in the light and the dark theme.
import { test, expect, accessibilityViolations, useScheme } from './support/reader.ts';
import { readArticles, type ArticleFile } from './support/corpus.ts';

// The article page is the fullest article: a republished piece (credit line, links lost in the copy) with the most
// kinds of note, so one axe run per theme sees every part an article page can have.
// Lost links first, then a credit line, then kinds of note (six at most).
const richness = (a: ArticleFile) => (a.lostLinks ? 100 : 0) + (a.credit ? 10 : 0) + new Set(a.notes.map((note) => note.kind)).size;
const [fullest] = readArticles().sort((a, b) => richness(b) - richness(a));
const pageTypes = {
  home: '',
  'articles index': 'articles/',
  article: `articles/${fullest!.slug}/`,
  about: 'about/',
  'open data': 'data/',
  'topics index': 'topics/',
  topic: 'topics/wechat-pay/',
  timeline: 'timeline/',
  'not found': 'no-such-page/',
};

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, path] of Object.entries(pageTypes)) {
    test(`${name} page passes axe in the ${scheme} theme`, async ({ page }) => {
      await useScheme(page, scheme);
      await page.goto(path);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  }
}
