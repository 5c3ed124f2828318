// Topics and the timeline as a reader uses them: a featured topic's coverage and mentions, mention links that
// land on a highlighted paragraph, topic links in article text with their preview, the topics index and the
// timeline chart with its list.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, PHONE } from './support/reader.ts';
import { brightestPixel } from './support/pixels.ts';
import { readEntry } from '../../src/content-model/entry.ts';
import { contentDir } from '../../src/lib/deploy-settings.ts';

// Checked by hand against the article texts: which articles name each featured topic in their paragraphs
// (headings such as "Breaking Down Walled Gardens" are not mentions), and how often.
const featured = {
  'wechat-pay': {
    title: 'WeChat Pay',
    named: {
      'Alibaba Embraces WeChat Pay, Signaling a New Era of Collaboration': 13,
      'Alibaba, Tencent move closer to cooperating in user services under Beijing’s antitrust pressure': 4,
      "Alibaba's battle for ecommerce dominance takes a conciliatory turn": 1,
    },
  },
  'walled-gardens': {
    title: 'Walled gardens',
    named: {
      'Alibaba Embraces WeChat Pay, Signaling a New Era of Collaboration': 3,
      "How luxury can benefit from Tencent and Alibaba's thawing relations": 2,
      "Alibaba's battle for ecommerce dominance takes a conciliatory turn": 1,
    },
  },
  ipmart: { title: 'IPmart', named: { "Alibaba's battle for ecommerce dominance takes a conciliatory turn": 4 } },
  lazada: { title: 'Lazada', named: { 'Alibaba Tracker: The Partner Games': 1 } },
} as const;

// One visit per featured topic: its coverage and mentions, then where each mention link leads.
for (const [slug, expected] of Object.entries(featured)) {
  test(`the ${expected.title} topic lists the articles that name it, with how often, and every mention link lands on a paragraph that exists`, async ({
    page,
    request,
  }) => {
    await page.goto(`topics/${slug}/`);
    await test.step('it lists the articles that name it, with how often', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected.title);
      const coverage = page.getByRole('region', { name: 'Coverage' }).getByRole('listitem');
      for (const [title, count] of Object.entries(expected.named)) {
        await expect(coverage.filter({ hasText: title })).toContainText(count === 1 ? 'named once' : `named ${count} times`);
      }
      const mentions = page.getByRole('region', { name: 'Where the articles name it' });
      for (const [title, count] of Object.entries(expected.named)) {
        // Each mention is its name marked in a quoted sentence (a sentence that names the topic twice is quoted once).
        await expect(mentions.getByRole('region', { name: `Mentions in ${title}` }).locator('blockquote mark')).toHaveCount(count);
      }
    });

    await test.step('every mention link lands on a paragraph that exists', async () => {
      const hrefs = await page.getByRole('link', { name: /^Paragraph \d+/ }).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThan(0);
      const pages = new Map<string, string>();
      for (const href of hrefs) {
        const [url, anchor] = href.split('#');
        if (!pages.has(url!)) pages.set(url!, await (await request.get(url!)).text());
        expect(pages.get(url!), href).toContain(`id="${anchor}"`);
      }
      await page.goto(hrefs[0]!);
      const target = page.locator(`#${hrefs[0]!.split('#')[1]}`);
      await expect(target).toBeInViewport();
      expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    });
  });
}

test('a topic shows the other names it is written under, Chinese included', async ({ page }) => {
  await page.goto('topics/taobao/');
  await expect(page.getByText(/^Also written:/)).toHaveText('Also written: Taobao Marketplace, 淘宝');
  await expect(page.locator('[lang="zh"]', { hasText: '淘宝' })).toBeVisible();
});

test('the topics index groups topics by kind with counts, each count on one line, as on a topic page', PHONE, async ({ page }) => {
  await page.goto('topics/');
  for (const kind of ['Themes', 'Companies', 'Products', 'Regulators']) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${kind} \\(\\d+\\)$`) })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: /^Companies/ }).getByRole('link', { name: 'Alibaba', exact: true })).toBeVisible();
  // "· 4 articles", and a topic page's "· 11 mentions", once split over two lines on a phone.
  for (const path of ['topics/', 'topics/alibaba/']) {
    await page.goto(path);
    const split = await page
      .locator('.topic-list .count, .mentions h3 .count')
      .evaluateAll((counts) => counts.filter((count) => count.getClientRects().length > 1).map((count) => count.textContent));
    expect(split, path).toEqual([]);
  }
});

test('a name in article text links to its topic, with a preview of the topic on hover and focus', async ({ page, viewport }) => {
  test.skip((viewport?.width ?? 0) < 1024, 'hover previews are for pointer devices; the link itself is tested at every width');
  const summaries: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/topics/summaries.json')) summaries.push(request.url());
  });
  const response = await page.goto('articles/alibaba-tracker-the-partner-games/');
  // The page carries no summary: the preview fetches them all, once, when a reader first reaches a topic link.
  expect(await response!.text()).not.toContain('Southeast Asian e-commerce group');
  const link = page.locator('.article-body').getByRole('link', { name: 'Lazada', exact: true });
  await expect(link).toHaveAttribute('href', /\/topics\/lazada\/$/);
  expect(summaries).toEqual([]);
  await link.hover();
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('Lazada');
  await expect(tooltip).toContainText('Southeast Asian e-commerce group');
  expect(summaries).toHaveLength(1);
  // The pointer can move onto the preview without it going (WCAG 1.4.13), and Escape dismisses it.
  const box = (await tooltip.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.waitForTimeout(500);
  await expect(tooltip).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();

  // A link on the window's last line shows its preview above it, whole on the screen.
  await page.mouse.move(0, 0);
  const height = page.viewportSize()!.height;
  await link.evaluate((element, bottom) => window.scrollBy(0, element.getBoundingClientRect().bottom - bottom), height - 4);
  await link.hover();
  await expect(tooltip).toBeVisible();
  const [shown, named] = [(await tooltip.boundingBox())!, (await link.boundingBox())!];
  expect(shown.y + shown.height, 'the preview ends on the screen').toBeLessThanOrEqual(height);
  expect(shown.y + shown.height, 'the preview ends above the link').toBeLessThanOrEqual(named.y);
  await page.keyboard.press('Escape');
  await link.focus();
  await expect(link).toHaveAccessibleDescription(/Southeast Asian/);
});

test('the timeline chart has a title and description for screen readers, above a list of every event', async ({ page }) => {
  await page.goto('timeline/');
  const chart = page.getByRole('img', { name: 'Events and articles over time' });
  await expect(chart).toHaveAccessibleDescription(/^\d+ events \(circles, above the line\) and \d+ articles published/);
  const events = page.locator('li[data-event]');
  expect(await events.count()).toBeGreaterThanOrEqual(20);
  const first = events.first();
  await expect(first.getByRole('heading')).toBeVisible();
  await expect(first.getByText(/^Sources?:/)).toBeVisible();
  const years = await page.getByRole('heading', { level: 2, name: /^\d{4}$/ }).allTextContents();
  expect(years).toEqual([...years].sort());
});

test('the timeline leads to each of its years: "Jump to a year" links every year heading, in order', PHONE, async ({ page }) => {
  await page.goto('timeline/');
  const headings = await page.getByRole('heading', { level: 2, name: /^\d{4}$/ }).allTextContents();
  const jump = page.getByRole('navigation', { name: 'Jump to a year' }).getByRole('link');
  // The real timeline is one page, so its years are those of its headings; the link check follows the addresses of
  // a timeline of several pages (tests/scale builds one).
  await expect(jump).toHaveText(headings.map((year) => year.trim()));
  const year = headings.at(-1)!.trim();
  await jump.filter({ hasText: year }).click();
  await expect(page).toHaveURL(new RegExp(`/timeline/#year-${year}$`));
  await expect(page.getByRole('heading', { level: 2, name: year, exact: true })).toBeInViewport();
});

// The chart scales with its column; its years once scaled with it, to 5 px on a phone, and its markers still do:
// drawn for a desktop's column, they were 4 px dots on a 375 px phone, and at 1,280 px the chart ran 128 px past the
// text column (found by looking, 12-07). A phone gets a drawing of its own.
test("the timeline chart's markers and years are readable at the reader's width, and the chart keeps to the text column", PHONE, async ({ page }) => {
  await page.goto('timeline/');
  const chart = await page
    .getByRole('figure')
    .filter({ has: page.getByRole('img', { name: 'Events and articles over time' }) })
    .evaluate((figure) => {
      const shown = (node: Element) => node.getClientRects().length > 0;
      return {
        right: figure.getBoundingClientRect().right,
        textRight: document.querySelector('.timeline-list')!.getBoundingClientRect().right,
        drawings: [...figure.querySelectorAll('svg[role="img"]')].filter(shown).length,
        markers: [...figure.querySelectorAll('circle, rect:not(.timeline-chart__bar)')].filter(shown).map((marker) => marker.getBoundingClientRect().width),
        years: [...figure.querySelectorAll('text')].filter(shown).map((label) => {
          const box = label.getBoundingClientRect();
          // The size on screen: the label's type size times whatever scale its drawing is shown at.
          const scale = label.ownerSVGElement?.getScreenCTM()?.a ?? 1;
          return { text: label.textContent?.trim(), px: parseFloat(getComputedStyle(label).fontSize) * scale, left: box.left, right: box.right };
        }),
      };
    });
  const width = page.viewportSize()!.width;
  expect(chart.drawings, 'drawings shown').toBe(1);
  expect(chart.right, 'the chart ends where the text column does').toBeLessThanOrEqual(chart.textRight + 1);
  expect(chart.markers.length, 'markers').toBeGreaterThanOrEqual(20);
  expect(Math.min(...chart.markers), 'the smallest marker across, in px').toBeGreaterThanOrEqual(6);
  const years = chart.years;
  expect(years.length, 'labelled years').toBeGreaterThanOrEqual(4);
  for (const [i, year] of years.entries()) {
    expect(year.text, 'a year').toMatch(/^\d{4}$/);
    expect(year.px, `${year.text}'s size on screen`).toBeGreaterThanOrEqual(11);
    expect(year.left, `${year.text} starts on the screen`).toBeGreaterThanOrEqual(0);
    expect(year.right, `${year.text} ends on the screen`).toBeLessThanOrEqual(width);
    if (i > 0) expect(year.left, `${year.text} clear of ${years[i - 1]!.text}`).toBeGreaterThan(years[i - 1]!.right);
  }
});

// The timeline page once left its events' sources unstyled, in the description's size (found by looking, 12-07).
test("an event's sources are set like a margin note's, smaller and quieter than its description", async ({ page }) => {
  const look = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((node) => ({ size: parseFloat(getComputedStyle(node).fontSize), color: getComputedStyle(node).color }));
  await page.goto('articles/alibaba-embraces-wechat-pay/');
  const noteSources = await look('.sidenote .note-sources');
  await page.goto('timeline/');
  const event = page.locator('li[data-event]').first();
  await expect(event.getByText(/^Sources?:/)).toBeVisible();
  const eventSources = await look('li[data-event] .note-sources');
  const description = await event
    .locator('p:not([class])')
    .first()
    .evaluate((node) => ({ size: parseFloat(getComputedStyle(node).fontSize), color: getComputedStyle(node).color }));
  expect(eventSources).toEqual(noteSources);
  expect(eventSources.size).toBeLessThan(description.size);
  expect(eventSources.color).not.toBe(description.color);
});

// Events whose every source is one of our own articles, read from the event files: the timeline says so in words.
const eventsDir = join(contentDir(process.env), 'events');
const ownSourced = readdirSync(eventsDir).flatMap((name) => {
  const data = readEntry('event', join(eventsDir, name))?.data as { sources?: Record<string, unknown>[] } | undefined;
  return data?.sources?.every((source) => 'article' in source) ? [name.replace(/\.ya?ml$/, '')] : [];
});

test('an event sourced only to our own articles says so, and names them as ours', async ({ page }) => {
  test.skip(ownSourced.length === 0, 'every event in this corpus cites an outside report');
  await page.goto('timeline/');
  for (const id of ownSourced) {
    const sources = page.locator(`#event-${id} .note-sources`);
    await expect(sources).toContainText(/^Sources?: our article /);
    await expect(sources).toContainText(/Our own articles? (is the only source|are the only sources); no outside report is cited\./);
  }
  await expect(
    page
      .locator('li[data-event]')
      .filter({ hasNot: page.locator('.note-sources__own') })
      .first(),
  ).toBeVisible();
});

test('a topic page embeds its slice of the timeline', async ({ page }) => {
  await page.goto('topics/lazada/');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('img', { name: 'Lazada: events and articles over time' })).toBeVisible();
  await expect(timeline.locator('li[data-event]').filter({ hasText: 'Lazada' }).first()).toBeVisible();
});

test('the WeChat topic sets the figures the articles quote side by side and calls out where they disagree', async ({ page }) => {
  await page.goto('topics/wechat/');
  const figures = page.getByRole('region', { name: 'Figures the articles quote' });
  const table = figures.getByRole('table', { name: 'Figures quoted across the articles' });
  await expect(table.getByRole('row', { name: /1\.26 billion/ })).toContainText('early 2022');
  await expect(table.getByRole('row', { name: /WeChat Pay users/ })).toContainText('September 2024');
  await expect(table.getByRole('row', { name: /1\.26 billion/ }).getByRole('link')).toHaveAttribute(
    'href',
    /\/articles\/luxury-and-the-tencent-alibaba-thaw\/#p-\d+$/,
  );
  await expect(figures.getByText('Where they disagree:')).toBeVisible();
  // Sourced like every outside report: an outlet and the day it was published.
  await expect(figures.getByText(/^Sources?:/)).toContainText(/^Sources?: [^,;]+, .*\d{1,2} [A-Z][a-z]+ \d{4}/);
});

// A phone shows no scrollbar until the table is touched: the table was cut off at the screen's edge mid-word
// ("Quoted i"), with nothing to say it scrolls (2026-12-07, seen in screenshots at 375 px).
test('on a phone, the figures table scrolls inside its own box, shaded at the edge that has more', PHONE, async ({ page, viewport }) => {
  test.skip((viewport?.width ?? 0) >= 600, 'the table fits a wider screen');
  await page.goto('topics/wechat/');
  const box = page.getByRole('region', { name: /^Figures quoted across the articles/ });
  const { scroll, client } = await box.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(scroll, 'the table is wider than its box').toBeGreaterThan(client);
  // The box's last 2 px on the right: shaded while more of the table lies that way, the page's background at the end.
  await box.scrollIntoViewIfNeeded();
  const rightEdge = async () => {
    const { x, y, width, height } = (await box.boundingBox())!;
    return brightestPixel(page, { x: x + width - 2, y, width: 2, height });
  };
  const withMore = await rightEdge();
  await box.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  const atTheEnd = await rightEdge();
  expect(withMore, `brightest pixel at the right edge with more to see (${withMore}) and at the end (${atTheEnd})`).toBeLessThan(atTheEnd - 15);
});

test('a topic links to its full coverage, which lists every article with its mentions and notes', async ({ page }) => {
  await page.goto('topics/wechat-pay/');
  await page.getByRole('link', { name: /on WeChat Pay, with each mention and note$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('WeChat Pay: every article');
  await expect(page.getByRole('region', { name: 'Articles' }).getByRole('listitem')).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Notes on WeChat Pay' }).getByRole('listitem').first()).toBeVisible();
});
