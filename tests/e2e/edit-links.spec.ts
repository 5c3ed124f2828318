// From reader to contributor: every article offers "Edit this page" (its content file in GitHub's editor) and
// "Suggest a note" (the note issue form, the article filled in), and says when it was last updated; every topic
// page offers "Edit this page" too.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../../src/lib/deploy-settings.ts';
import { readArticles } from './support/corpus.ts';
import { test, expect } from './support/reader.ts';

const REPO = (process.env.REPO_URL || 'https://github.com/walled-gardens/walled-gardens-annotated').replace(/\/+$/, '');
const articles = readArticles();

for (const article of articles) {
  test(`${article.slug}: edit, suggest a note, last updated`, async ({ page }) => {
    await page.goto(`articles/${article.slug}/`);
    const footer = page.locator('.article-footer');

    const edit = footer.getByRole('link', { name: 'Edit this page' });
    await expect(edit).toHaveAttribute('href', `${REPO}/edit/main/content/${article.file}`);
    await expect(edit).toHaveAttribute('rel', /\bexternal\b/);

    const suggest = footer.getByRole('link', { name: 'Suggest a note' });
    const href = new URL((await suggest.getAttribute('href'))!);
    expect(`${href.origin}${href.pathname}`).toBe(`${REPO}/issues/new`);
    expect(href.searchParams.get('template')).toBe('note.yml');
    expect(href.searchParams.get('title')).toBe(`Note on “${article.title}”`);
    expect(href.searchParams.get('article')).toBe(`content/${article.file}`);

    const updated = footer.getByText(/^Last updated \d{1,2} [A-Z][a-z]+ \d{4}$/);
    await expect(updated).toBeVisible();
    await expect(updated.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  });
}

const topicFiles = readdirSync(join(contentDir(process.env), 'topics')).filter((name) => /\.mdx?$/.test(name));

test('every topic page links to its own file for editing', async ({ page, request }) => {
  expect(topicFiles.length).toBeGreaterThan(0);
  // As a reader sees it on one topic page; then the same footer link in every topic page's HTML, which needs no
  // browser (loading every topic page in one would take most of a minute).
  const [first] = topicFiles;
  await page.goto(`topics/${first!.replace(/\.mdx?$/, '')}/`);
  const footer = page.locator('.article-footer');
  await expect(footer.getByRole('link', { name: 'Edit this page' })).toHaveAttribute('href', `${REPO}/edit/main/content/topics/${first}`);
  await expect(footer.getByRole('link', { name: 'Suggest a note' })).toHaveCount(0);
  for (const file of topicFiles) {
    const html = await (await request.get(`topics/${file.replace(/\.mdx?$/, '')}/`)).text();
    const links = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1]!.replace(/&amp;/g, '&'), text: m[2]!.trim() }));
    expect(
      links.filter((link) => link.text === 'Edit this page').map((link) => link.href),
      file,
    ).toEqual([`${REPO}/edit/main/content/topics/${file}`]);
    expect(
      links.filter((link) => link.text === 'Suggest a note'),
      file,
    ).toEqual([]);
  }
});
