// axe (WCAG 2.2 A and AA rules) on every page type, in the light and the dark theme.
import { test, expect, accessibilityViolations, useScheme } from './support/reader.ts';
import { readArticles } from './support/corpus.ts';

const [firstArticle] = readArticles();
const pageTypes = {
  home: '',
  'articles index': 'articles/',
  article: `articles/${firstArticle!.slug}/`,
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
