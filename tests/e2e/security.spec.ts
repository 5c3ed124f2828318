// The built site's defences, seen from a reader's browser: every page carries a Content-Security-Policy that allows
// no inline script it has not hashed, nothing on a page breaks that policy (the reader fixture already fails a test
// on any console error, which is how Chromium reports a refused script or style; the violations are also collected
// here, to name them), search still works under it, and links to other sites cannot reach back into ours nor learn
// which page the reader came from.
import { readArticles } from './support/corpus.ts';
import type { Page } from '@playwright/test';
import { test, expect } from './support/reader.ts';

const articles = readArticles();
const pages = [
  '',
  'articles/',
  ...articles.map((a) => `articles/${a.slug}/`),
  'topics/',
  'topics/wechat-pay/',
  'timeline/',
  'about/',
  'search/?q=wechat+pay',
  'no-such-page/',
];

test.beforeEach(async ({ page }) => {
  // Installed before any of the page's own scripts run, so no violation goes unseen.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
});

/** Pages with links to other sites (sources, originals): checked on the same visit. */
const withExternalLinks = new Set([...articles.map((a) => `articles/${a.slug}/`), 'topics/wechat-pay/']);

for (const path of pages) {
  const title = withExternalLinks.has(path)
    ? `/${path} has a strict Content-Security-Policy, breaks none of it, and its links to other sites cannot reach back into it`
    : `/${path} has a strict Content-Security-Policy and breaks none of it`;
  test(title, async ({ page }) => {
    await page.goto(path);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy, 'a CSP <meta> in the head').toBeTruthy();
    const directives = new Map(
      policy!
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    const scripts = directives.get('script-src') ?? [];
    expect(scripts).toContain("'self'");
    expect(scripts).toContain("'wasm-unsafe-eval'");
    expect(scripts.filter((source) => !source.startsWith("'sha"))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('style-src')?.filter((source) => !source.startsWith("'sha"))).toEqual(["'self'"]);
    // Each page lists only the hashes of its own inline blocks (narrowed as the link check reads it, src/integrations/link-check.ts), not the whole site's.
    const hashes = [...scripts, ...(directives.get('style-src') ?? [])].filter((source) => source.startsWith("'sha"));
    const inlineBlocks = await page.locator('script:not([src]):not([type="application/ld+json"]), style').count();
    expect(hashes.length, 'hash sources, at most one per inline script or style').toBeLessThanOrEqual(inlineBlocks);

    if (path.startsWith('search/')) await expect(page.getByRole('main').getByText(/^\d+ results? for “wechat pay”$/)).toBeVisible();
    else await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    if (withExternalLinks.has(path)) await expectGuardedExternalLinks(page);
  });
}

/**
 * Links to other sites cannot reach back into ours and tell nothing of where the reader was: none opens a new
 * window (so the page it opens gets no window.opener), each is marked rel="external", and the page's referrer
 * policy sends no Referer to another site (src/lib/external-links.ts).
 */
async function expectGuardedExternalLinks(page: Page): Promise<void> {
  await test.step('links to other sites cannot reach back into the page', async () => {
    const external = await page
      .locator('a[href^="http://"], a[href^="https://"], a[href^="//"]')
      .evaluateAll((links) =>
        links.map((link) => ({ href: link.getAttribute('href'), rel: (link.getAttribute('rel') ?? '').split(/\s+/), target: link.getAttribute('target') })),
      );
    expect(external.length).toBeGreaterThan(0);
    expect(external.filter(({ rel }) => !rel.includes('external')).map(({ href }) => href)).toEqual([]);
    expect(external.filter(({ target }) => target !== null).map(({ href }) => href)).toEqual([]);
    expect(await page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[name="referrer"]')?.content)).toBe('same-origin');
  });
}
