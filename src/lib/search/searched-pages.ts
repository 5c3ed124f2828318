// Which built pages the search index reads. Pagefind indexes only pages marked `data-pagefind-body`, but given the
// whole output folder it parses every page first and drops the unmarked ones afterwards: at 1,000 articles that is
// 700 coverage and list pages, a third of the HTML. Measured on a built 1,000-article site, reading only the page
// types below wrote a byte-identical index in 0.6-0.8 of the time, with Pagefind's peak memory 835 → 658 MB.
//
// The list names the page files (under src/pages/) whose pages carry `data-pagefind-body`. It cannot drift
// silently: the link check reads every built page and stops the build when a page marked for search is not
// matched here (src/lib/links/check-built-links.ts), saying which page file to add.

/** The page files, relative to src/pages/, whose pages are search results. */
export const SEARCHED_PAGES = ['articles/[slug].astro', 'topics/[slug]/index.astro', 'timeline/[...page].astro'] as const;

/** Where the list lives, for messages. */
export const SEARCHED_PAGES_FILE = 'src/lib/search/searched-pages.ts';

type Segment = { rest: true } | { rest: false; parts: ({ literal: string } | { param: true })[] };

/** A page file's route segments: "topics/[slug]/index.astro" → topics, [slug] (a build with format "directory"
 * writes each page as <route>/index.html). */
function segmentsOf(pageFile: string): Segment[] {
  const route = pageFile.replace(/\.(astro|md|mdx|html)$/, '').replace(/(^|\/)index$/, '');
  return route
    .split('/')
    .filter(Boolean)
    .map((segment): Segment => {
      if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return { rest: true };
      const parts = segment.split(/(\[[^\]]+\])/).filter(Boolean);
      return { rest: false, parts: parts.map((part) => (part.startsWith('[') ? { param: true as const } : { literal: part })) };
    });
}

/** The built files of a page file, as a glob Pagefind takes ("timeline/[...page].astro" → "timeline/**\/index.html"). */
export function pageGlob(pageFile: string): string {
  const path = segmentsOf(pageFile)
    .map((segment) => (segment.rest ? '**/' : `${segment.parts.map((part) => ('literal' in part ? part.literal : '*')).join('')}/`))
    .join('');
  return `${path}index.html`;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The built files of a page file, as a regular expression over paths relative to the output folder. */
export function pagePattern(pageFile: string): RegExp {
  const path = segmentsOf(pageFile)
    .map((segment) => (segment.rest ? '(?:[^/]+/)*' : `${segment.parts.map((part) => ('literal' in part ? escape(part.literal) : '[^/]+')).join('')}/`))
    .join('');
  return new RegExp(`^${path}index\\.html$`);
}

/** One glob for every searched page type, as Pagefind's addDirectory takes it. */
export function searchedPagesGlob(pages: readonly string[] = SEARCHED_PAGES): string {
  const globs = pages.map(pageGlob);
  return globs.length === 1 ? globs[0]! : `{${globs.join(',')}}`;
}

/** Tells whether a built file (relative to the output folder, "articles/x/index.html") is one the search index reads. */
export function searchedFileTest(pages: readonly string[] = SEARCHED_PAGES): (file: string) => boolean {
  const patterns = pages.map(pagePattern);
  return (file) => patterns.some((pattern) => pattern.test(file));
}
