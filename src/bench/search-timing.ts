// Search as a reader meets it, timed in Chromium: open /search/?q=<query> and wait for the first result, with an
// empty cache (cold) and again with the cache the first visit filled (warm). Bytes are counted by the server
// (what the browser took from its cache never reaches it), uncompressed and as a host that gzips text sends
// them, file by file, because Pagefind fetches its index from a Web Worker, whose requests a page's own network
// log does not show. Then, with the index loaded, the time
// Pagefind itself takes to answer the query (search plus the first result's data), which is what a reader waits
// for while typing. Each is measured in several rounds, each in a fresh browser context, and reported as the
// median with every round's figure: on a 2-core machine one visit moved by 50-80 ms from one run to the next.
// Tolerant by design: a site without a search page or index yields a reason, not figures.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { medianOf } from './report.ts';
import type { ServedFile, StaticServer } from './static-server.ts';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What counts as a rendered result on the search page: a result's link (the site's own results list,
 * src/browser/search-page.ts; Pagefind's Component UI and default UI, for older builds). */
export const RESULT_SELECTOR = '.pf-result-link, .pagefind-ui__result-link, [data-search-result] a[href]';

export interface SearchVisit {
  /** From navigation start to the first result in the page. */
  firstResultMs: number;
  /** Everything fetched until the network was idle after the first result, uncompressed… */
  bytes: number;
  /** …and as sent by a host that gzips text (GitHub Pages): HTML, CSS and JS compressed, Pagefind's index and
   * wasm as they are (written compressed). */
  gzipBytes: number;
  requests: number;
  /** Bytes of those under /pagefind/ (Pagefind's scripts, wasm and index), uncompressed. */
  indexBytes: number;
  /** Each response, in the order they were sent. */
  files: ServedFile[];
}

export interface SearchTiming {
  query: string;
  /** The cold and the warm visit of median time (medianOf), with what they fetched… */
  cold?: SearchVisit;
  warm?: SearchVisit;
  /** …and every round's time to the first result, in the order they were measured. */
  coldRunsMs?: number[];
  warmRunsMs?: number[];
  /** With Pagefind loaded and initialised: search(query) until the first result's data (the median round)… */
  afterLoadMs?: number;
  /** …and the bytes that query fetched (its index chunks and the first result's fragment), as they are sent… */
  afterLoadBytes?: number;
  /** …and every round's time. */
  afterLoadRunsMs?: number[];
  unavailable?: string;
}

/** Rounds of each search measurement, unless the caller asks for another number. */
export const SEARCH_ROUNDS = 5;

export function chromiumPath(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** Totals of a list of responses. */
export function servedTotals(served: readonly ServedFile[]): Omit<SearchVisit, 'firstResultMs'> {
  return {
    bytes: served.reduce((s, r) => s + r.bytes, 0),
    gzipBytes: served.reduce((s, r) => s + r.gzipBytes, 0),
    requests: served.length,
    indexBytes: served.filter((r) => r.path.startsWith('/pagefind/')).reduce((s, r) => s + r.bytes, 0),
    files: [...served],
  };
}

async function visit(context: BrowserContext, server: StaticServer, path: string, timeoutMs: number): Promise<SearchVisit> {
  const page = await context.newPage();
  try {
    await page.addInitScript((selector: string) => {
      const w = window as unknown as { __firstResult?: number };
      new MutationObserver((_, observer) => {
        if (document.querySelector(selector)) {
          w.__firstResult = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    }, RESULT_SELECTOR);
    server.resetServed();
    const response = await page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
    if (!response || response.status() >= 400) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
    await page.waitForFunction(() => (window as unknown as { __firstResult?: number }).__firstResult !== undefined, undefined, { timeout: timeoutMs });
    await page.waitForLoadState('networkidle');
    const firstResultMs = await page.evaluate(() => (window as unknown as { __firstResult: number }).__firstResult);
    return { firstResultMs, ...servedTotals(server.served) };
  } finally {
    await page.close();
  }
}

/** The parts of pagefind.js (its documented JS API) timed here. */
interface PagefindBundle {
  init(): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
}

/** Pagefind's own answer time once its index is loaded, measured on a plain page of the site. */
async function afterLoad(context: BrowserContext, server: StaticServer, query: string): Promise<{ ms: number; bytes: number }> {
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}/404.html`);
    await page.evaluate(async (bundle) => {
      const pagefind = (await import(bundle)) as PagefindBundle;
      await pagefind.init();
      // Load the index metadata and wasm with an unrelated word first: the figure below is the query alone.
      await (await pagefind.search('annotated')).results[0]?.data();
      (window as unknown as { __pagefind: unknown }).__pagefind = pagefind;
    }, `${server.url}/pagefind/pagefind.js`);
    server.resetServed();
    const ms = await page.evaluate(async (query) => {
      const pagefind = (window as unknown as { __pagefind: PagefindBundle }).__pagefind;
      const start = performance.now();
      const found = await pagefind.search(query);
      await found.results[0]?.data();
      return performance.now() - start;
    }, query);
    return { ms, bytes: servedTotals(server.served).bytes };
  } finally {
    await page.close();
  }
}

/** `measure` once per round, each time in a fresh browser context (an empty cache), closed after. */
async function inFreshContexts<T>(browser: Browser, rounds: number, measure: (context: BrowserContext) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let round = 0; round < rounds; round++) {
    const context = await browser.newContext();
    try {
      results.push(await measure(context));
    } finally {
      await context.close();
    }
  }
  return results;
}

export async function timeSearch(
  server: StaticServer,
  query: string,
  options: { browser?: Browser; timeoutMs?: number; rounds?: number } = {},
): Promise<SearchTiming> {
  const path = `/search/?q=${encodeURIComponent(query)}`;
  const probe = await fetch(`${server.url}${path}`).catch(() => undefined);
  if (!probe?.ok) return { query, unavailable: `no search page (${path} answered ${probe?.status ?? 'nothing'})` };
  const browser = options.browser ?? (await launchChromium());
  const rounds = Math.max(1, options.rounds ?? SEARCH_ROUNDS);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const timing: SearchTiming = { query };
  try {
    try {
      // The first visit of a fresh context is cold, the same visit again warm.
      const visits = await inFreshContexts(browser, rounds, async (context) => ({
        cold: await visit(context, server, path, timeoutMs),
        warm: await visit(context, server, path, timeoutMs),
      }));
      const colds = visits.map((v) => v.cold);
      const warms = visits.map((v) => v.warm);
      timing.cold = medianOf(colds, (v) => v.firstResultMs);
      timing.warm = medianOf(warms, (v) => v.firstResultMs);
      timing.coldRunsMs = colds.map((v) => v.firstResultMs);
      timing.warmRunsMs = warms.map((v) => v.firstResultMs);
    } catch (error) {
      timing.unavailable = `the search page showed no result: ${(error as Error).message.split('\n')[0]}`;
    }
    if ((await fetch(`${server.url}/pagefind/pagefind.js`).catch(() => undefined))?.ok) {
      const afters = await inFreshContexts(browser, rounds, (context) => afterLoad(context, server, query));
      const median = medianOf(afters, (a) => a.ms);
      timing.afterLoadMs = median?.ms;
      timing.afterLoadBytes = median?.bytes;
      timing.afterLoadRunsMs = afters.map((a) => a.ms);
    }
    return timing;
  } finally {
    if (!options.browser) await browser.close();
  }
}
