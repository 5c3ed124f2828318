// A result link carries the search words (?highlight=cost&highlight=mille); the page it opens marks them in
// its text with Pagefind's highlight script. The script is fetched only when the address has the parameter.
import { BUNDLE_PATH, HIGHLIGHT_PARAM } from './search-paths.ts';

interface PagefindHighlightModule {
  default: new (options: { highlightParam: string; addStyles: boolean; markOptions: Record<string, unknown> }) => unknown;
}

/** Whole words only (mark.js, which Pagefind uses, would otherwise mark "per" inside "operate"). */
const MARK_OPTIONS = {
  className: 'pagefind-highlight',
  exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
  accuracy: { value: 'exactly', limiters: [...',.;:!?\'"“”‘’()[]'] },
};

if (new URLSearchParams(location.search).getAll(HIGHLIGHT_PARAM).some((term) => term.trim())) {
  import(/* @vite-ignore */ `${BUNDLE_PATH}pagefind-highlight.js`)
    .then(({ default: PagefindHighlight }: PagefindHighlightModule) => {
      // Styles come from src/styles/search.css (mark.pagefind-highlight), in the site's colours.
      new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false, markOptions: MARK_OPTIONS });
    })
    .catch(() => {
      // Highlighting is a nicety: the page reads the same without it.
    });
}
