// Margin notes never move the text. On every article and topic page, at every width where notes sit in the margin
// and with or without JavaScript, each text block is where it would be with no notes at all; no note overlaps
// another or the text column, none starts above its passage's line, none is cut off at the window's edge, and a
// note cut short ("Show all") is cut above a link, never through one. And the largest article grows by at most 15%
// for its notes. At 1280 px with the script, each article shows every note its file declares, in order, each on its
// passage's line unless the notes above need the room. The pages are measured in three groups (the articles, and
// each half of the topics), so the suite's workers share them; each page is loaded once and measured at each width
// in one go: everything where it is, then again with the notes hidden (the window is resized between widths, as a
// reader may do; the script lays the notes out again).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { basePath } from '../../src/lib/deploy-settings.ts';
import { test, expect } from './support/reader.ts';
import { notesOf } from './support/notes.ts';

test.skip(({ isMobile }) => isMobile, 'phones show notes under their paragraph; this is the margin layout');

const WIDTHS = [1024, 1280, 1600];
/** How far a text block may move when the notes are taken out (sub-pixel rounding). */
const TOLERANCE = 2;

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

/** Every article and topic page of the built site, from the sitemap it was built with (dist/), relative to the base
 * path: read when the tests are collected, so each page is a test. */
function annotatedPages(): string[] {
  const base = basePath(process.env);
  const sitemapFile = (loc: string) => join('dist', new URL(loc).pathname.slice(base.length));
  const pages = locs(readFileSync(join('dist', 'sitemap-index.xml'), 'utf8')).flatMap((sitemap) =>
    locs(readFileSync(sitemapFile(sitemap), 'utf8')).map((loc) => new URL(loc).pathname.slice(base.length)),
  );
  return pages.filter((path) => /^(articles|topics)\/[^/]+\/$/.test(path)).sort();
}

const PAGES = annotatedPages();
const ARTICLES = PAGES.filter((path) => path.startsWith('articles/'));
const TOPICS = PAGES.filter((path) => path.startsWith('topics/'));
/** A page per test would load the browser once per page: three groups share the workers as well, at a third of the cost. */
const GROUPS = [
  { name: 'every article', pages: ARTICLES },
  { name: 'the first half of the topics', pages: TOPICS.filter((_, i) => i % 2 === 0) },
  { name: 'the second half of the topics', pages: TOPICS.filter((_, i) => i % 2 === 1) },
];

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface Measured {
  /** The top of every text block, with the notes and then without them. */
  blocks: { name: string; withNotes: number; without: number }[];
  /** cut: the links a shortened note's edge runs through (none should: each is shown whole or hidden whole). */
  notes: (Box & { id: string; line: number; head: string[]; cut: string[] })[];
  textRight: number;
  viewportWidth: number;
  height: { withNotes: number; without: number };
}

async function measure(scripted: boolean): Promise<Measured> {
  await document.fonts.ready;
  // The script lays notes out again in the next frame after a resize (without it, frames are not awaited).
  if (scripted) await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  {
    const body = document.querySelector('.article-body')!;
    const notes = [...document.querySelectorAll<HTMLElement>('.sidenote')];
    const blocks = [...body.querySelectorAll('p, li, h2, h3, h4, blockquote, dt, dd, th, td, figcaption')].filter((el) => !el.closest('.sidenote'));
    const tops = () => blocks.map((block) => block.getBoundingClientRect().top + window.scrollY);
    const box = (el: Element) => {
      const { top, bottom, left, right } = el.getBoundingClientRect();
      return { top: top + window.scrollY, bottom: bottom + window.scrollY, left, right };
    };
    // A note's head (number, kind and, when the note is pushed down, "↑ from paragraph N") reads as labels: the
    // number and kind on one line, the kind never split (at its hyphen, "Fact-" / "check"), the paragraph on a
    // line of its own at most.
    const headProblems = (head: HTMLElement): string[] => {
      const number = head.querySelector('a')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(head);
      range.setStartAfter(head.querySelector('a')!);
      const kind = [...range.getClientRects()].filter((rect) => rect.width > 1);
      const problems: string[] = [];
      if (new Set(kind.map((rect) => Math.round(rect.top))).size > 1) problems.push(`its kind “${range.toString().trim()}” is split over lines`);
      else if (kind[0] && (kind[0].top >= number.bottom || kind[0].bottom <= number.top)) problems.push('its number and kind are on different lines');
      const from = head.dataset.from;
      if (from !== undefined) {
        const withFrom = head.getBoundingClientRect().height;
        delete head.dataset.from;
        const oneLine = head.getBoundingClientRect().height;
        head.dataset.from = from;
        if (withFrom > 2 * oneLine + 1) problems.push(`its head takes ${(withFrom / oneLine).toFixed(1)} lines with “↑ from paragraph ${from}”`);
      }
      return problems;
    };
    const article = document.querySelector('article')!;
    const withNotes = tops();
    const measured = {
      notes: notes.map((note) => {
        const id = note.id.slice('note-'.length);
        const passage = document.getElementById(`passage-${id}`) ?? document.getElementById(`marker-${id}`)!;
        const edge = note.getBoundingClientRect().bottom;
        const cut = note.classList.contains('is-clamped')
          ? [...note.querySelectorAll('a')].filter((link) => link.getBoundingClientRect().top < edge && link.getBoundingClientRect().bottom > edge)
          : [];
        return {
          id,
          ...box(note),
          line: box(passage).top,
          head: headProblems(note.querySelector<HTMLElement>('.note-head')!),
          cut: cut.map((link) => (link.textContent ?? '').trim()),
        };
      }),
      textRight: Math.max(...blocks.map((block) => block.getBoundingClientRect().right)),
      viewportWidth: document.documentElement.clientWidth,
      heightWithNotes: article.getBoundingClientRect().height,
    };
    for (const note of notes) note.style.display = 'none';
    const without = tops();
    const heightWithout = article.getBoundingClientRect().height;
    for (const note of notes) note.style.display = '';
    return {
      blocks: blocks.map((block, i) => ({
        name: block.id || `${block.tagName.toLowerCase()} “${(block.textContent ?? '').trim().slice(0, 40)}”`,
        withNotes: withNotes[i]!,
        without: without[i]!,
      })),
      notes: measured.notes,
      textRight: measured.textRight,
      viewportWidth: measured.viewportWidth,
      height: { withNotes: measured.heightWithNotes, without: heightWithout },
    };
  }
}

/** Loads a page and measures it at every width: the text blocks, with the notes and without. */
async function measureAtEachWidth(page: Page, path: string, javaScriptEnabled: boolean): Promise<{ width: number; m: Measured }[]> {
  await page.setViewportSize({ width: WIDTHS[0]!, height: 900 });
  await page.goto(path);
  const measured: { width: number; m: Measured }[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    measured.push({ width, m: await page.evaluate(measure, javaScriptEnabled) });
  }
  return measured;
}

test('the built site has articles and topics to measure', () => {
  expect(ARTICLES.length, 'articles in the sitemap').toBeGreaterThan(0);
  expect(TOPICS.length, 'topics in the sitemap').toBeGreaterThan(0);
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    for (const group of GROUPS) {
      test(`${group.name} at ${WIDTHS.join(', ')} px: the notes leave the text where it is, beside it and apart`, async ({ page }) => {
        // About 15 pages, three widths each: seconds on an idle machine, slack for a busy one.
        test.setTimeout(240_000);
        const heights: { path: string; withNotes: number; without: number }[] = [];
        // Every rule is checked for every block and note, and what breaks one is listed, all at once: one expectation
        // per check (tens of thousands: each pair of notes on each page at each width) made this the suite's longest
        // test, spent on recording expectations rather than on measuring.
        const problems: string[] = [];
        const check = (ok: boolean, problem: () => string) => {
          if (!ok) problems.push(problem());
        };
        let notesSeen = 0;
        for (const path of group.pages) {
          for (const { width, m } of await measureAtEachWidth(page, path, javaScriptEnabled)) {
            const at = `${path} at ${width} px`;
            notesSeen += m.notes.length;
            if (width === 1280) heights.push({ path, ...m.height });
            for (const block of m.blocks) {
              const moved = Math.abs(block.withNotes - block.without);
              check(moved <= TOLERANCE, () => `${at}: ${block.name} moves by ${moved} px for its notes (at most ${TOLERANCE})`);
            }
            for (const [i, note] of m.notes.entries()) {
              check(note.bottom - note.top > 0, () => `${at}: note ${note.id} is not shown`);
              for (const problem of note.head) check(false, () => `${at}: note ${note.id}: ${problem}`);
              // A link half hidden by "Show all" is still a target, one the next note's number may sit on (axe's target size).
              for (const link of note.cut) check(false, () => `${at}: note ${note.id} is cut short through its link “${link}”`);
              check(note.left >= m.textRight, () => `${at}: note ${note.id} starts at ${note.left} px, left of the text column's edge (${m.textRight} px)`);
              check(note.right <= m.viewportWidth, () => `${at}: note ${note.id} ends at ${note.right} px, outside the window (${m.viewportWidth} px)`);
              check(note.top >= note.line - 1, () => `${at}: note ${note.id} starts at ${note.top} px, above its passage's line (${note.line} px)`);
              for (const other of m.notes.slice(i + 1)) {
                const apart = other.top >= note.bottom || other.bottom <= note.top || other.left >= note.right || other.right <= note.left;
                check(apart, () => `${at}: notes ${note.id} and ${other.id} overlap`);
              }
            }
            // Where a reader first meets them (1280 px, with the script), an article shows every note its file declares,
            // clear of the text, in order down the margin, each on its passage's line unless the notes before it need the room.
            if (javaScriptEnabled && width === 1280 && path.startsWith('articles/')) {
              const declared = notesOf(path.split('/')[1]!).length;
              check(m.notes.length === declared, () => `${at}: ${m.notes.length} notes shown, where the file declares ${declared}`);
              for (const [i, note] of m.notes.entries()) {
                check(note.left > m.textRight, () => `${at}: note ${note.id} touches the text (${note.left} px, the text ends at ${m.textRight} px)`);
                const previous = m.notes[i - 1];
                if (previous) check(note.top >= previous.bottom, () => `${at}: note ${note.id} starts above the end of ${previous.id}`);
                if (!previous || previous.bottom < note.line)
                  check(note.top - note.line < 4, () => `${at}: note ${note.id} starts ${note.top - note.line} px below its passage's line`);
              }
            }
          }
        }
        expect(problems, 'what breaks the margin layout').toEqual([]);
        expect(notesSeen, 'notes measured').toBeGreaterThan(0);
        for (const h of heights)
          test.info().annotations.push({
            type: 'height at 1280 px',
            description: `${h.path}: ${Math.round(h.withNotes)} px with notes, ${Math.round(h.without)} px without`,
          });
        // The largest article (by its text alone) may grow by at most 15% for its notes where a reader first meets
        // them: at a common desktop width, with the script that clamps long notes in crowded passages.
        if (javaScriptEnabled && group.pages === ARTICLES) {
          const largest = heights.reduce((a, b) => (b.without > a.without ? b : a));
          expect(largest.withNotes / largest.without, `${largest.path} with notes against without`).toBeLessThanOrEqual(1.15);
        }
      });
    }
  });
}
