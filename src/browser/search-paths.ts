// Where search lives, shared by the search code that a page fetches when a search starts (search-start.ts): the
// highlight check, the header box and the results page.
import { joinBase } from '../lib/urls.ts';

/** Where the build writes Pagefind's bundle; honours BASE_PATH like every other URL on the site. */
export const BUNDLE_PATH = joinBase(import.meta.env.BASE_URL, '/pagefind/');

/** The query parameter a result link carries so the page it opens can highlight the search words. */
export const HIGHLIGHT_PARAM = 'highlight';

/** The words a search in the banner's list is corrected to, written by src/pages/search/words.json.ts. */
export const SPELLING_WORDS_PATH = joinBase(import.meta.env.BASE_URL, '/search/words.json');
