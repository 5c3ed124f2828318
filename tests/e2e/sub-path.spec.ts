// The site works wherever it is served: walks every page the sitemap lists and follows every internal link, anchor,
// stylesheet, script, icon, the feeds, the notes' Web Annotations and the sitemap itself, checking each resolves
// under the base path. Run on
// its own against a build made with BASE_PATH=/walled-gardens/ (npm run test:e2e:subpath), as on GitHub Pages;
// in the main run it checks the same at the domain root. Plain HTTP requests: no page needs a browser for this.
import type { APIRequestContext } from '@playwright/test';
import { siteUrl } from '../../src/lib/deploy-settings.ts';
import { test, expect } from './support/reader.ts';
import type { AnnotationCollection, AnnotationPage } from './support/web-annotation-model.ts';

test.skip(({ isMobile }) => isMobile, 'the addresses are the same at every width: one sweep is enough');

/** Published addresses (SITE_URL) and the test server's are the same site. */
const published = new URL(siteUrl(process.env));

const decode = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decode(m[1]!));
const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!)));

/** Every address a page refers to: links, stylesheets, icons, scripts, images, forms. */
function references(html: string): string[] {
  const found = [...html.matchAll(/<(?:a|link|script|img|source|form|iframe)\b[^>]*?\s(?:href|src|action)="([^"]*)"/g)].map((m) => decode(m[1]!));
  return found.filter((url) => url !== '' && !/^(?:mailto|tel|data|javascript):/i.test(url));
}

test('every page, link, anchor, asset, the feeds, the annotations and the sitemap resolve under the base path', async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const server = new URL(baseURL!);
  const base = server.pathname;
  const local = (url: URL) => new URL(url.pathname + url.search, server.origin);
  const internal = (url: URL) => url.origin === server.origin || url.origin === published.origin;

  const bodies = new Map<string, Promise<{ status: number; type: string; body: string }>>();
  const fetchOnce = (api: APIRequestContext, url: URL) => {
    const key = local(url).href;
    if (!bodies.has(key)) {
      bodies.set(
        key,
        api.get(key, { maxRedirects: 0 }).then(async (response) => ({
          status: response.status(),
          type: response.headers()['content-type'] ?? '',
          body: /html|xml|css/.test(response.headers()['content-type'] ?? '') ? await response.text() : '',
        })),
      );
    }
    return bodies.get(key)!;
  };

  // The sitemap: an index under the base path, pointing to sitemaps of published addresses under the base path.
  const index = await fetchOnce(request, new URL(`${base}sitemap-index.xml`, server));
  expect(index.status).toBe(200);
  const pages: URL[] = [];
  for (const sitemap of locs(index.body).map((loc) => new URL(loc))) {
    expect(sitemap.pathname.startsWith(base), `${sitemap.href} is under ${base}`).toBe(true);
    const listed = await fetchOnce(request, sitemap);
    expect(listed.status).toBe(200);
    pages.push(...locs(listed.body).map((loc) => new URL(loc)));
  }
  expect(pages.length).toBeGreaterThan(5);

  // The feed: each item links to a published address under the base path that exists.
  const feed = await fetchOnce(request, new URL(`${base}rss.xml`, server));
  expect(feed.status).toBe(200);
  const items = [...feed.body.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => new URL(decode(m[1]!)));
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    expect(`${item.origin}${item.pathname}`.startsWith(`${published.origin}${base}`), `${item.href} is published under ${base}`).toBe(true);
    expect((await fetchOnce(request, item)).status, item.href).toBe(200);
  }

  const problems: string[] = [];

  // The corrections feed and the notes as Web Annotations (every page of the site-wide collection): each note's
  // address, the page it annotates and each source on our site is published under the base path, and exists.
  const given: { address: URL; where: string }[] = [];
  const corrections = await fetchOnce(request, new URL(`${base}corrections.xml`, server));
  expect(corrections.status).toBe(200);
  for (const [, link] of corrections.body.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g))
    given.push({ address: new URL(decode(link!)), where: 'corrections.xml' });
  const json = async <T>(url: URL) => JSON.parse(await (await request.get(local(url).href)).text()) as T;
  const collection = await json<AnnotationCollection<string>>(new URL(`${base}annotations.jsonld`, server));
  for (let next = collection.first; next;) {
    const page = await json<AnnotationPage>(new URL(next));
    for (const annotation of page.items) {
      given.push({ address: new URL(annotation.id), where: next }, { address: new URL(annotation.target.source), where: annotation.id });
      for (const source of annotation['dcterms:source'] ?? []) if (source.id) given.push({ address: new URL(source.id), where: annotation.id });
    }
    next = page.next;
  }
  expect(given.length).toBeGreaterThan(0);
  for (const { address, where } of given) {
    if (!internal(address)) continue;
    if (!`${address.origin}${address.pathname}`.startsWith(`${published.origin}${base}`)) {
      problems.push(`${where} → ${address.href}: not published under ${base}`);
      continue;
    }
    const response = await fetchOnce(request, address);
    const fragment = decodeURIComponent(address.hash.slice(1));
    if (response.status !== 200) problems.push(`${where} → ${address.href}: status ${response.status}`);
    else if (fragment && !ids(response.body).has(fragment)) problems.push(`${where} → ${address.href}: no element with id "${fragment}"`);
  }

  for (const page of pages) {
    if (!page.pathname.startsWith(base)) problems.push(`sitemap lists ${page.href}, outside ${base}`);
    const { status, body } = await fetchOnce(request, page);
    if (status !== 200) {
      problems.push(`${page.pathname}: status ${status}`);
      continue;
    }
    for (const reference of references(body)) {
      const target = new URL(reference, local(page));
      if (!internal(target)) continue;
      const where = `${page.pathname} → ${reference}`;
      if (!target.pathname.startsWith(base)) {
        problems.push(`${where}: outside ${base}`);
        continue;
      }
      const response = await fetchOnce(request, target);
      if (response.status !== 200) {
        problems.push(`${where}: status ${response.status}`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && response.type.includes('html') && !ids(response.body).has(fragment)) problems.push(`${where}: no element with id "${fragment}"`);
      if (response.type.includes('css')) {
        for (const [, asset] of response.body.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
          if (asset!.startsWith('data:')) continue;
          const file = new URL(asset!, local(target));
          if ((await fetchOnce(request, file)).status !== 200) problems.push(`${target.pathname} → ${asset}: not found`);
        }
      }
    }
  }
  expect(problems).toEqual([]);
});
