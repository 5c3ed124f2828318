// The link check, run on what `astro build` wrote: every internal address on every page must lead to a page or file
// that exists, and its #fragment to an id on that page. The set of pages and ids is read from the output, so the
// check can never lag behind the templates (a new page type, a paginated list, a page size that changed).
//
// A broken link is reported where it was written: in a content file (file:line:column of the address) when one
// holds it, otherwise in the built page (a template wrote it), with the pages it was seen on.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { formatProblem, SECTIONS, sortProblems, type Problem } from '../content-check/problem.ts';
import { SEARCHED_PAGES, SEARCHED_PAGES_FILE, searchedFileTest } from '../search/searched-pages.ts';
import { policyCut, withCut } from '../security/page-policy.ts';
import { readBuiltPage } from './built-pages.ts';
import { linkProblem, type BuiltSite, type LinkProblem } from './link-rules.ts';
import { placesOf, readContentTexts, type ContentText } from './written-links.ts';

/** How the built pages are read. */
export interface ReadOptions {
  /** Before a page is read for links, its Content-Security-Policy is cut to the hashes of its own inline blocks
   * (src/lib/security/page-policy.ts) and the page written back: both need the whole page, and reading it once for
   * both halves the reading at the end of a build (0.9 GB of HTML at 10,000 articles). */
  narrowPolicy?: boolean;
}

export interface LinkCheckOptions extends ReadOptions {
  /** The build's output folder, absolute. */
  dist: string;
  /** The deploy base ("/" or "/walled-gardens/"). */
  base: string;
  /** The content root, absolute. */
  contentRoot: string;
  /** Paths in the report are relative to this folder. */
  cwd: string;
}

export interface LinkCheckResult {
  pagesChecked: number;
  /** Bytes the pages' policies lost in all, when they were narrowed as they were read. */
  policyBytesSaved: number;
  problems: Problem[];
}

/** The site path of a built file: "articles/x/index.html" is the page /articles/x/. */
export function sitePath(file: string): string {
  return `/${file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file}`;
}

/** A problem with the address exactly as the page has it. */
type FoundProblem = LinkProblem & { href: string };

interface Seen {
  problem: FoundProblem;
  /** Site paths of the pages the link was seen on, in order. */
  pages: string[];
  /** The first page's built file and the link's position in it. */
  builtFile: string;
  line: number;
  column: number;
}

/** What one built page offers and asks for: its file (relative to the output folder), its ids, and the
 * addresses it links to or loads, each once. */
export interface PageReading {
  file: string;
  ids: string[];
  links: string[];
  /** Whether it marks its text for search (data-pagefind-body). */
  searchBody: boolean;
  /** Bytes its policy lost when it was narrowed (0 when it was not asked, or had nothing to lose). */
  policyBytesSaved: number;
}

/** Every file in the output folder, relative to it, with forward slashes, sorted. */
async function builtFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** What a page's text offers and asks for, and, when asked to narrow its policy and there is something to cut, the
 * text it is to be written with. The main thread (readPage) and the followers (page-follower.ts) both read a page
 * here, so a page reads the same whoever reads it. The cut changes no id or link. */
export function pageReading(file: string, html: string, options: ReadOptions): { reading: PageReading; narrowed?: string } {
  const page = readBuiltPage(html);
  const reading = { file, ids: [...page.ids], links: [...new Set(page.links.map((link) => link.href))], searchBody: page.searchBody, policyBytesSaved: 0 };
  const cut = options.narrowPolicy ? policyCut(html) : undefined;
  if (!cut) return { reading };
  // The bytes saved are those of the policy's old value less its new one (measuring both whole pages took each
  // follower half a second of a 1,000-article build).
  const saved = Buffer.byteLength(html.slice(cut.start, cut.end)) - Buffer.byteLength(cut.policy);
  return { reading: { ...reading, policyBytesSaved: saved }, narrowed: withCut(html, cut) };
}

/** Where a page's new text is written before it takes the page's place: beside it, under a name no page has. */
export const asideOf = (path: string): string => `${path}.policy.tmp`;

/** Writes a page aside and renames it over the page, so that no one ever finds the page half written. */
export function writePage(path: string, data: string | Uint8Array): void {
  writeFileSync(asideOf(path), data);
  renameSync(asideOf(path), path);
}

/** Reads a page (`file`, relative to `dist`), its policy narrowed first when asked. Synchronous: it runs where
 * nothing else waits (a follower's thread, or the end of the build), and awaiting each file's read and write left a
 * follower's end of the build idle between pages (a third of its time in a 1,000-article rebuild, 2026-12-06). */
export function readPage(dist: string, file: string, options: ReadOptions): PageReading {
  const path = join(dist, file);
  const { reading, narrowed } = pageReading(file, readFileSync(path, 'utf8'), options);
  if (narrowed !== undefined) writePage(path, narrowed);
  return reading;
}

/** Every HTML page in the output folder, read as the check reads a page it was not handed (readPage): what the
 * workers that follow the build must give (src/lib/links/page-follower.ts). */
export async function readBuiltPages(dist: string, options: ReadOptions = {}): Promise<PageReading[]> {
  const readings: PageReading[] = [];
  for (const file of (await builtFiles(dist)).filter((f) => f.endsWith('.html'))) readings.push(readPage(dist, file, options));
  return readings;
}

/**
 * Checks the output folder. `readAhead` holds pages already read (by the worker, once Astro had written them): they
 * are not read again; any other page is read here (and its policy narrowed, when asked). Pages are final once Astro
 * has written them and their policy is narrowed; later steps add files (the sitemap, the search index) but change no
 * page, and every file is listed here, at the end.
 */
export async function checkBuiltLinks(options: LinkCheckOptions, readAhead: readonly PageReading[] = []): Promise<LinkCheckResult> {
  const listed = await builtFiles(options.dist);
  // A follower that stopped before its end (page-follower.ts) leaves its pages' narrowed copies: no part of the site.
  const copies = listed.filter((file) => file.endsWith(asideOf('')));
  await Promise.all(copies.map((file) => rm(join(options.dist, file), { force: true })));
  const files = listed.filter((file) => !file.endsWith(asideOf('')));
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const early = new Map(readAhead.map((reading) => [reading.file, reading]));
  const pages = new Map<string, ReadonlySet<string>>();
  const linksOf = new Map<string, string[]>();
  const searched = searchedFileTest();
  /** Pages marked for search that the search index does not read. */
  const unsearched: string[] = [];
  let policyBytesSaved = 0;
  for (const file of htmlFiles) {
    const page = early.get(file) ?? readPage(options.dist, file, options);
    policyBytesSaved += page.policyBytesSaved;
    pages.set(sitePath(file), new Set(page.ids));
    linksOf.set(file, page.links);
    if (page.searchBody && !searched(file)) unsearched.push(file);
  }
  const site: BuiltSite = { base: options.base, pages, files: new Set(files.filter((f) => !f.endsWith('.html')).map(sitePath)) };

  // Problems by the page they were found on, then merged: a broken link in a note shows on its article and its topics.
  const found = new Map<string, FoundProblem[]>();
  for (const [file, hrefs] of linksOf) {
    const problems = hrefs.flatMap((href) => {
      const problem = linkProblem(href, site, sitePath(file));
      return problem ? [{ ...problem, href }] : [];
    });
    if (problems.length > 0) found.set(file, problems);
  }
  const seen = new Map<string, Seen>();
  for (const [file, problems] of found) {
    // Read again with positions, only for the pages that need them.
    const positions = readBuiltPage(await readFile(join(options.dist, file), 'utf8'), { positions: true }).links;
    for (const problem of problems) {
      // The message names the page for an anchor problem: "#p-4" is a different mistake on each page.
      const key = `${problem.rule} ${problem.message}`;
      const page = sitePath(file);
      const known = seen.get(key);
      if (known) {
        if (!known.pages.includes(page)) known.pages.push(page);
        continue;
      }
      const at = positions.find((link) => link.href === problem.href);
      seen.set(key, {
        problem,
        pages: [page],
        builtFile: relative(options.cwd, join(options.dist, file)).split(sep).join('/'),
        line: at?.line ?? 1,
        column: at?.column ?? 1,
      });
    }
  }
  const texts = seen.size > 0 ? await readContentTexts(options.contentRoot, options.cwd) : [];
  const problems = [...seen.values()].flatMap((s) => report(s, texts));
  if (unsearched.length > 0) problems.push(await unsearchedProblem(options, unsearched));
  return { pagesChecked: htmlFiles.length, policyBytesSaved, problems: sortProblems(problems) };
}

/** One problem for every page marked for search that the search index skips, at the first one's marker: they
 * come from a page file missing from SEARCHED_PAGES (or marked by mistake). */
async function unsearchedProblem(options: LinkCheckOptions, files: readonly string[]): Promise<Problem> {
  const [first] = files as [string];
  // Read again with positions, as a broken link's page is, for the marker's place.
  const at = readBuiltPage(await readFile(join(options.dist, first), 'utf8'), { positions: true }).searchBodyAt;
  return {
    file: relative(options.cwd, join(options.dist, first)).split(sep).join('/'),
    line: at?.line ?? 1,
    column: at?.column ?? 1,
    rule: 'page-not-searched',
    message: `${sitePath(first)} marks its text for search (data-pagefind-body), but the search index does not read its page type.`,
    expected: `a page of one of the page files in SEARCHED_PAGES (${SEARCHED_PAGES_FILE}): ${SEARCHED_PAGES.join(', ')}`,
    found: first,
    details: [pagesLine(files.map(sitePath))],
    fix: `add the page file under src/pages/ that writes these pages to SEARCHED_PAGES in ${SEARCHED_PAGES_FILE}, or remove data-pagefind-body if they are not meant to be search results.`,
    section: SECTIONS.contentFlow,
  };
}

function pagesLine(pages: readonly string[]): string {
  const shown = pages.slice(0, 3).join(', ');
  return `seen on ${shown}${pages.length > 3 ? ` and ${pages.length - 3} more pages` : ''}`;
}

function report(seen: Seen, texts: readonly ContentText[]): Problem[] {
  const { problem } = seen;
  const common = { rule: problem.rule, message: problem.message, expected: problem.expected, found: problem.found, fix: problem.fix, section: problem.section };
  const places = placesOf(problem.written, texts, seen.pages[0]!);
  if (places.length > 0) return places.map((place) => ({ ...place, ...common, details: [pagesLine(seen.pages)] }));
  return [
    {
      file: seen.builtFile,
      line: seen.line,
      column: seen.column,
      ...common,
      details: [pagesLine(seen.pages), 'no content file holds this address, so a template wrote it: look in src/pages/, src/components/ and src/layouts/.'],
      fix: problem.rule === 'broken-anchor' ? 'make the template link to an id the page has, or give the element the id.' : problem.fix,
    },
  ];
}

/** The report the build prints or throws: every problem, then one summary line. */
export function formatLinkReport(result: LinkCheckResult): string {
  const pages = `${result.pagesChecked} page${result.pagesChecked === 1 ? '' : 's'} checked`;
  const count = result.problems.filter((p) => p.rule !== 'page-not-searched').length;
  const skipped = result.problems.length - count;
  const found = [
    ...(count > 0 ? [`${count} broken link${count === 1 ? '' : 's'}`] : []),
    ...(skipped > 0 ? ['pages marked for search that the search index skips'] : []),
  ];
  const summary = found.length === 0 ? `${pages}: every internal link and anchor leads somewhere.` : `${pages}: ${found.join(', ')}.`;
  return [...result.problems.map(formatProblem), summary].join('\n\n');
}
