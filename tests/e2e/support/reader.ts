// The test fixture every end-to-end test uses. It acts as a careful reader's browser: it fails a test when
// the page logs an error or tries to fetch anything from a host other than the local server.
import { test as base, expect, type Page } from '@playwright/test';
import axe from 'axe-core';

export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // A not-found page is served with status 404 on purpose; Chromium logs that for the document itself.
        const documentNotFound = message.text().includes('status of 404') && message.location().url === page.url();
        if (!documentNotFound) problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('data:') || new URL(url).origin === origin) return route.continue();
        problems.push(`request left the local server: ${url}`);
        return route.abort();
      });
      await use();
      expect(problems, 'console errors or external requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Marks a test (or a describe block) whose subject changes on a phone: the phone project (playwright.config.ts)
 * runs only these. Everything else is the same HTML and CSS at every width and runs once, at the desktop width.
 */
export const PHONE = { tag: '@phone' };

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe with the WCAG 2.x A and AA rules (2.2 included) and returns a readable list of violations. axe's script is
 * evaluated in the page and its public `axe.run` called there: @axe-core/playwright's runner opened a second page for
 * every run to put the results together, which took longer than the rules themselves (4.0 s against 1.5 s a run on the
 * WeChat Pay topic, alone on this machine, 2026-12-07). Our pages have no frames for that second page to gather from.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, WCAG_TAGS);
}

/** Sets the colour scheme the way a reader's system would. */
export async function useScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling). */
export async function hasNoHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}
