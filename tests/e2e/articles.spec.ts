// A reader browsing the articles: the index in date order, and each article page with its metadata,
// its link to the original and every paragraph of its text.
import { test, expect } from './support/reader.ts';
import { readArticles } from './support/corpus.ts';

const articles = readArticles();
const newestFirst = [...articles].sort((a, b) => b.published.getTime() - a.published.getTime());

test('the articles index lists every article, newest first', async ({ page }) => {
  await page.goto('articles/');
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(newestFirst.map((a) => a.title));
});

test('the front page explains the site and links to the latest articles', async ({ page }) => {
  await page.goto('');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Walled Gardens, Annotated');
  await expect(page.getByRole('link', { name: newestFirst[0]!.title })).toBeVisible();
  await page.getByRole('link', { name: /^All \d+ articles$/ }).click();
  await expect(page).toHaveURL(/\/articles\/$/);
});

test('no article sends a link inside a link (a note marker after a passage that ends in a topic link)', async ({ request }) => {
  // The server's HTML, before a browser rearranges it: an <a> opening before the previous one has closed.
  const nestedLink = /<a[\s>](?:(?!<\/a>)[\s\S])*?<a[\s>]/;
  for (const article of articles) {
    const html = await (await request.get(`articles/${article.slug}/`)).text();
    expect(html.match(nestedLink)?.[0], article.slug).toBeUndefined();
  }
});

for (const article of articles) {
  test.describe(`article “${article.title}”`, () => {
    // One visit for what the page shows: its header, then its text.
    test('shows its headline, outlet, byline, date, topics and original, and every paragraph of the text, each with its own anchor', async ({ page }) => {
      await page.goto(`articles/${article.slug}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
      const meta = page.getByRole('main').getByRole('definition');
      await expect(meta.first()).toHaveText(article.outlet);
      await expect(meta.nth(1)).toHaveText(article.author ?? 'No byline');
      await expect(page.locator('.article-meta time')).toHaveAttribute('datetime', article.published.toISOString().slice(0, 10));
      await expect(page.getByText(/min read$/)).toBeVisible();
      const topicLinks = page
        .locator('.article-header')
        .getByRole('link')
        .filter({ has: page.locator(':scope[href*="/topics/"]') });
      await expect(topicLinks).toHaveCount(article.topics.length);
      if (article.originalUrl) {
        await expect(page.locator('.article-header').getByRole('link', { name: article.outlet, exact: true })).toHaveAttribute('href', article.originalUrl);
      } else {
        await expect(page.getByText(/no stable address for the original is known/)).toBeVisible();
      }

      const body = page.locator('.article-body');
      // The article's own words: the text without our note numbers, margin notes and notes list.
      const text = await body.evaluate((node) => {
        const copy = node.cloneNode(true) as HTMLElement;
        for (const apparatus of copy.querySelectorAll('.note-marker, .sidenotes, .endnotes')) apparatus.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ');
      });
      for (const block of article.blocks) expect(text).toContain(block);
      const ids = await body.locator('[id^="p-"]').evaluateAll((nodes) => nodes.map((node) => node.id).filter((id) => /^p-\d+$/.test(id)));
      expect(ids).toEqual(ids.map((_, index) => `p-${index + 1}`));
      expect(ids).toHaveLength(article.passages);
    });

    test('highlights a linked paragraph on arrival', async ({ page }) => {
      await page.goto(`articles/${article.slug}/#p-2`);
      const target = page.locator('#p-2');
      await expect(target).toBeInViewport();
      const background = await target.evaluate((node) => getComputedStyle(node).backgroundColor);
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
    });
  });
}
