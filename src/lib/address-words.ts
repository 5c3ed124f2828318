// The words of an address a reader followed and did not find, for the not-found page's search (src/pages/404.astro).
// A module of its own: the search page's bundle shares src/lib/urls.ts, and a function there used by the not-found
// page's script too made Vite split urls.ts into a chunk of its own, one more request on the search page.

/** Folders of the site's addresses, which say where a page was, not what it was about. */
const SECTION_FOLDERS = new Set(['articles', 'topics', 'timeline', 'coverage', 'search', 'annotations']);

/**
 * The words of an address a reader did not find, to search for instead: "/articles/alibaba-embrace/" gives
 * "alibaba embrace". The deploy base, the site's section folders, page numbers and ".html" are left out; the rest
 * of each folder's name is split at hyphens and underscores.
 */
export function searchWordsFromPath(pathname: string, base = '/'): string {
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .map((segment) => segment.replace(/\.html?$/i, ''))
    .filter((segment) => segment && !SECTION_FOLDERS.has(segment.toLowerCase()) && !/^\d+$/.test(segment) && segment !== 'index')
    .flatMap((segment) => segment.split(/[-_\s]+/))
    .filter(Boolean)
    .join(' ');
}
