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

/** How a pattern language writes a directory of any name, one named by a parameter within a segment, and literal text. */
interface Spelling {
  /** `[...page]`: any number of directories, none included, with their slashes. */
  rest: string;
  /** `[slug]`, or the parameter in `page-[page]`: one or more characters of one directory name. */
  param: string;
  literal: (text: string) => string;
}

/** The built files of a page file (a build with format "directory" writes each page as <route>/index.html), spelled
 * in a pattern language: "topics/[slug]/index.astro" → topics/<param>/index.html. */
function builtFiles(pageFile: string, spell: Spelling): string {
  const route = pageFile.replace(/\.(astro|md|mdx|html)$/, '').replace(/(^|\/)index$/, '');
  const directories = route
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return spell.rest;
      const parts = segment.split(/(\[[^\]]+\])/).filter(Boolean);
      return `${parts.map((part) => (part.startsWith('[') ? spell.param : spell.literal(part))).join('')}/`;
    });
  return `${directories.join('')}${spell.literal('index.html')}`;
}

/** The built files of a page file, as a glob Pagefind takes ("timeline/[...page].astro" → "timeline/**\/index.html"). */
export function pageGlob(pageFile: string): string {
  return builtFiles(pageFile, { rest: '**/', param: '*', literal: (text) => text });
}

/** The built files of a page file, as a regular expression over paths relative to the output folder. */
export function pagePattern(pageFile: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${builtFiles(pageFile, { rest: '(?:[^/]+/)*', param: '[^/]+', literal: escape })}$`);
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
