// The test fixture every end-to-end test uses. It acts as a careful reader's browser: it fails a test when
// the page logs an error or tries to fetch anything from a host other than the local server.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

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

/** Runs axe with the WCAG 2.x A and AA rules (2.2 included) and returns a readable list of violations. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Sets the colour scheme the way a reader's system would. */
export async function useScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling). */
export async function hasNoHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}
