// Where search lives, for the few lines every page runs (the header box's shortcuts, the highlight check); the
// rest of the search code is loaded only when a reader starts a search.
import { joinBase } from '../lib/urls.ts';

/** Where the build writes Pagefind's bundle; honours BASE_PATH like every other URL on the site. */
export const BUNDLE_PATH = joinBase(import.meta.env.BASE_URL, '/pagefind/');

/** The query parameter a result link carries so the page it opens can highlight the search words. */
export const HIGHLIGHT_PARAM = 'highlight';
