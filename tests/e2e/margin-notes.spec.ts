// Reading an annotated article as a reader would: notes beside their passages on a wide screen, opened by a
// tap under the paragraph on a phone, by keyboard, without JavaScript, from a #note- link, and in print. Where each
// note sits in the margin, on every article and topic page at every wide width, is margin-layout.spec.ts.
import type { Page } from '@playwright/test';
import { test, expect, PHONE } from './support/reader.ts';
import { readArticles } from './support/corpus.ts';
import { notesOf } from './support/notes.ts';

// The tests marked PHONE run in the phone project too (playwright.config.ts): what a narrow screen changes, tap-to-open, a #note- link
// opening its note, the fallback without JavaScript, print. The endnotes list and the markup are the same HTML at
// every width, and the margin layout only exists on a wide screen: desktop only.
const articles = readArticles().filter((a) => notesOf(a.slug).length > 0);
const sample = articles[0]!;
const sampleNotes = notesOf(sample.slug);
const firstNote = sampleNotes[0]!;

const marker = (page: Page, n: number) =>
  page
    .getByRole('main')
    .locator('.note-marker')
    .filter({ has: page.locator(`sup:text-is("${n}")`) })
    .first();

test.describe('on a wide screen', () => {
  test.skip(({ viewport }) => (viewport?.width ?? 0) < 1024, 'margin layout is for wide screens');

  // A footnote (a topic overview's sources are all footnotes) had a head line of its own, "1 FOOTNOTE", and the WeChat
  // Pay topic's 14 sources ran up to 794 px below their numbers at 1,280 px (407 px now). Found by looking, 12-07.
  test("a footnote in the margin is its number, then its text on the number's line", async ({ page }) => {
    await page.goto('topics/wechat-pay/');
    const footnotes = await page.getByRole('note', { name: /, footnote$/ }).evaluateAll((notes) =>
      notes.map((note) => {
        const number = note.querySelector('.note-head a')!.getBoundingClientRect();
        const text = document.createRange();
        text.selectNodeContents(note.querySelector('.note-body')!);
        const firstLine = [...text.getClientRects()].find((rect) => rect.width > 0)!;
        return { head: note.querySelector('.note-head')!.textContent.trim(), sameLine: firstLine.top < number.bottom && firstLine.bottom > number.top };
      }),
    );
    expect(footnotes.length, 'footnotes on the WeChat Pay topic').toBeGreaterThanOrEqual(10);
    for (const [i, footnote] of footnotes.entries()) expect(footnote, `footnote ${i + 1}`).toEqual({ head: String(i + 1), sameLine: true });
  });

  test('hovering a passage highlights its note, and hovering a note highlights its passage', async ({ page }) => {
    await page.goto(`articles/${sample.slug}/`);
    const passage = page.locator(`#passage-${firstNote.id}`);
    const note = page.getByRole('note', { name: 'Note 1,', exact: false });
    await passage.hover();
    await expect(note).toHaveClass(/is-active/);
    await page.mouse.move(0, 0);
    await expect(note).not.toHaveClass(/is-active/);
    await note.hover();
    await expect(passage).toHaveClass(/is-active/);
  });

  test('a passage broken up by links is highlighted as one stretch, not boxed piece by piece', async ({ page }) => {
    await page.goto(`articles/${sample.slug}/`);
    // A passage that holds a link is several marks (one inside the link): the first note with such a passage.
    const id = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('.sidenote')]
          .map((note) => note.id.slice('note-'.length))
          .find((id) => document.querySelectorAll(`mark[data-annotation="${CSS.escape(id)}"]`).length > 1) ?? null,
    );
    expect(id, 'a passage made of several marks').not.toBeNull();
    await page.locator(`#note-${id}`).hover();
    const marks = page.locator(`mark[data-annotation="${id}"]`);
    await expect(marks.first()).toHaveClass(/is-active/);
    for (const mark of await marks.all()) {
      await expect(mark).toHaveCSS('outline-style', 'none');
      await expect(mark).toHaveCSS('border-bottom-width', '3px');
    }
  });

  // Where notes crowd, a long note shows its first lines and "Show all": as many lines as end above the next note's
  // line, never fewer than six nor more than eight. With eight lines each time, the densest article's last notes sat
  // 1,200 px below their passages at 1,280 px, beside the end of the page (2026-12-07, seen in screenshots).
  test('a crowded note is cut short above the next note\'s line (six lines at least); "Show all" shows it whole', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    let checked = 0;
    for (const article of articles) {
      await page.goto(`articles/${article.slug}/`);
      await page.evaluate(() => document.fonts.ready);
      const problems = await page.evaluate(() => {
        const notes = [...document.querySelectorAll<HTMLElement>('.sidenote')];
        const lineOf = (note: HTMLElement) => {
          const id = note.id.slice('note-'.length);
          return (document.getElementById(`passage-${id}`) ?? document.getElementById(`marker-${id}`))!.getBoundingClientRect().top;
        };
        const found: string[] = [];
        let cut = 0;
        notes.forEach((note, i) => {
          const next = notes[i + 1];
          if (!note.classList.contains('is-clamped') || !next) return;
          cut++;
          const lineHeight = parseFloat(getComputedStyle(note).lineHeight);
          const { top, height } = note.getBoundingClientRect();
          // The gap between notes is 12 px (margin-notes.ts).
          const room = lineOf(next) - 12 - top;
          const most = Math.min(8 * lineHeight, Math.max(6 * lineHeight, room));
          if (height > most + 1)
            found.push(`${note.id} shows ${(height / lineHeight).toFixed(1)} lines, where ${(most / lineHeight).toFixed(1)} end above the next note's line`);
          if (room >= 6 * lineHeight && next.getBoundingClientRect().top - lineOf(next) > 4)
            found.push(
              `${next.id} starts ${Math.round(next.getBoundingClientRect().top - lineOf(next))} px below its line, where ${note.id} had room to end above it`,
            );
        });
        return { found, cut };
      });
      expect(problems.found, `${article.slug} at 1,280 px`).toEqual([]);
      checked += problems.cut;
    }
    expect(checked, 'notes cut short across the articles').toBeGreaterThan(0);

    // "Show all" shows the whole note, and the notes after it make room.
    const id = await page.locator('.sidenote.is-clamped').first().getAttribute('id');
    const whole = page.locator(`#${id}`);
    await whole.getByRole('button', { name: 'Show all' }).click();
    await expect(whole).not.toHaveClass(/is-clamped/);
    const after = await whole.evaluate((element) => {
      const all = [...document.querySelectorAll('.sidenote')];
      const next = all[all.indexOf(element) + 1];
      return {
        height: element.getBoundingClientRect().height,
        scroll: element.scrollHeight,
        bottom: element.getBoundingClientRect().bottom,
        nextTop: next?.getBoundingClientRect().top,
      };
    });
    expect(after.height, 'the note is shown whole').toBeGreaterThanOrEqual(after.scroll - 1);
    if (after.nextTop !== undefined) expect(after.nextTop, 'the next note starts below it').toBeGreaterThanOrEqual(after.bottom);
  });

  test('the number of a note takes keyboard focus to the note', async ({ page }) => {
    await page.goto(`articles/${sample.slug}/`);
    await marker(page, 1).focus();
    await expect(page.getByRole('note', { name: 'Note 1,', exact: false })).toHaveClass(/is-active/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('note', { name: 'Note 1,', exact: false })).toBeFocused();
  });
});

test.describe('on a phone', PHONE, () => {
  test.skip(({ viewport }) => (viewport?.width ?? 0) >= 1024, 'tap-to-open is for narrow screens');

  test('tapping a note number opens the note under its paragraph, and tapping again closes it', async ({ page }) => {
    await page.goto(`articles/${sample.slug}/`);
    const note = page.getByRole('note', { name: 'Note 1,', exact: false });
    const toggle = page.getByRole('button', { name: `Note 1, ${firstNote.kind}` });
    await expect(note).toBeHidden();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await toggle.tap();
    await expect(note).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const paragraphBottom = await page
      .locator(`#passage-${firstNote.id}`)
      .evaluate((el) => el.closest('.annotated')!.firstElementChild!.getBoundingClientRect().bottom);
    expect((await note.boundingBox())!.y).toBeGreaterThanOrEqual(paragraphBottom);

    await toggle.tap();
    await expect(note).toBeHidden();
  });

  test('Enter and Space on a focused note number open and close it', async ({ page }) => {
    await page.goto(`articles/${sample.slug}/`);
    const note = page.getByRole('note', { name: 'Note 2,', exact: false });
    const toggle = page.getByRole('button', { name: `Note 2, ${sampleNotes[1]!.kind}` });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(note).toBeVisible();
    await page.keyboard.press(' ');
    await expect(note).toBeHidden();
  });
});

test('a #note- link scrolls to the passage and opens the note', PHONE, async ({ page }) => {
  const last = sampleNotes[sampleNotes.length - 1]!;
  await page.goto(`articles/${sample.slug}/#note-${last.id}`);
  await expect(page.locator(`#note-${last.id}`)).toBeVisible();
  await expect(page.locator(`#passage-${last.id}`)).toBeInViewport();
});

test('the article ends with every note, in order, each linking to the note and back to its passage', async ({ page }) => {
  await page.goto(`articles/${sample.slug}/`);
  const list = page.getByRole('region', { name: 'Notes' }).getByRole('listitem');
  await expect(list).toHaveCount(sampleNotes.length);
  for (const [i, note] of sampleNotes.entries())
    await expect(list.nth(i).getByRole('link', { name: `Read note ${i + 1}` })).toHaveAttribute('href', `#note-${note.id}`);
  await list
    .last()
    .getByRole('link', { name: `Back to the passage of note ${sampleNotes.length}` })
    .click();
  await expect(page).toHaveURL(/#passage-/);
  const target = await page.evaluate(() => location.hash.slice(1));
  await expect(page.locator(`#${target}`)).toBeInViewport();
});

test('the markup contract holds in the server-rendered HTML', async ({ request }) => {
  const html = await (await request.get(`articles/${sample.slug}/`)).text();
  for (const note of sampleNotes) {
    expect(html).toContain(`<mark data-annotation="${note.id}"`);
    expect(html).toContain(`id="note-${note.id}" role="note"`);
  }
});

test('each note shows its kind as a word', async ({ page }) => {
  await page.goto(`articles/${sample.slug}/`);
  const labels = {
    context: 'Context',
    definition: 'Definition',
    correction: 'Correction',
    'fact-check': 'Fact-check',
    update: 'Update',
    'cross-reference': 'Cross-reference',
  } as Record<string, string>;
  const notes = page.locator('.endnotes-list > li');
  for (const [i, note] of sampleNotes.entries()) await expect(notes.nth(i).locator('.note-kind')).toHaveText(labels[note.kind]!);
});

test.describe('without JavaScript', PHONE, () => {
  test.use({ javaScriptEnabled: false });

  test('every note can still be read: in the margin or by following its number', async ({ page, viewport }) => {
    await page.goto(`articles/${sample.slug}/`);
    const note = page.locator(`#note-${firstNote.id}`);
    if ((viewport?.width ?? 0) >= 1024) {
      await expect(note).toBeVisible();
    } else {
      await expect(note).toBeHidden();
      await page.getByRole('link', { name: `Note 1, ${firstNote.kind}` }).click();
      await expect(note).toBeVisible();
    }
    await expect(page.getByRole('region', { name: 'Notes' }).getByRole('listitem')).toHaveCount(sampleNotes.length);
  });
});

test('in print, the notes become endnotes: every note after the text, in order, under "Notes"', PHONE, async ({ page }) => {
  await page.goto(`articles/${sample.slug}/`);
  await page.emulateMedia({ media: 'print' });
  const notes = page.getByRole('note');
  await expect(notes).toHaveCount(sampleNotes.length);
  const layout = await page.evaluate(() => {
    const lastParagraph = [...document.querySelectorAll('.article-body [id^="p-"]')].at(-1)!.getBoundingClientRect().bottom;
    const heading = document.getElementById('endnotes-title')!.getBoundingClientRect().top;
    const tops = [...document.querySelectorAll('.sidenote')].map((n) => n.getBoundingClientRect().top);
    return { lastParagraph, heading, tops };
  });
  expect(layout.heading).toBeGreaterThan(layout.lastParagraph);
  for (const top of layout.tops) expect(top).toBeGreaterThan(layout.heading);
  expect(layout.tops).toEqual([...layout.tops].sort((a, b) => a - b));
  // A printed source says where it is: each outside link under or in a note prints its address after its name, on
  // an article (its notes' sources) and on a topic page (its footnotes name their sources by their sites).
  for (const [path, selector] of [
    [`articles/${sample.slug}/`, '.note-sources a[href^="http"]'],
    ['topics/ant-group/', '.note-body a[href^="http"]'],
  ] as const) {
    await page.goto(path);
    const sources = await page
      .locator(selector)
      .evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content })));
    expect(sources.length, `outside links in ${path}`).toBeGreaterThan(0);
    for (const { href, after } of sources) expect(after, path).toBe(`" <${href}>"`);
  }
});
