// "Did you mean Taobao?", for both search UIs: the results page (search-page.ts) and the banner's list of results
// (search-ui.ts). The words and the rules are src/lib/search/spelling.ts; here, the searches that decide whether a
// correction is worth offering, and the banner's copy of the vocabulary, fetched when first needed.
import type { Filters } from '../lib/search/search-url.ts';
import { keepCorrections, suggestSpelling, suggestionText, type SuggestedWord } from '../lib/search/spelling.ts';
import { runSearch, type PagefindEngine } from './search-engine.ts';
import { SPELLING_WORDS_PATH } from './search-paths.ts';

/** The words to suggest for a search's: the nearest names to the words that are not names and find nothing as
 * typed (so "lazda singapore", which finds Singapore, still gets "Lazada singapore"), if they find something with
 * the same filters. Searches only when a word is near a name. */
export async function suggestionFor(
  engine: PagefindEngine,
  term: string,
  vocabulary: readonly string[],
  filters: Filters = {},
  sort: Record<string, string> = {},
): Promise<SuggestedWord[] | undefined> {
  const near = suggestSpelling(term, vocabulary);
  if (!near) return undefined;
  const findsNothing = new Set<string>();
  for (const word of near) {
    if (word.corrected && (await runSearch(engine, word.typed)).results.length === 0) findsNothing.add(word.typed);
  }
  const words = keepCorrections(near, (word) => findsNothing.has(word.typed));
  if (!words) return undefined;
  const found = await runSearch(engine, suggestionText(words), filters, sort);
  return found.results.length > 0 ? words : undefined;
}

/** The suggested words as a link shows them, the corrected ones in bold: "Lazada singapore" with Lazada strong. */
export function suggestedWordNodes(suggestion: readonly SuggestedWord[]): (string | HTMLElement)[] {
  return suggestion.flatMap((word, i) => {
    const shown: string | HTMLElement = word.corrected ? Object.assign(document.createElement('strong'), { textContent: word.text }) : word.text;
    return i ? [' ', shown] : [shown];
  });
}

let fetched: Promise<string[]> | undefined;

/** The vocabulary (src/pages/search/words.json.ts), fetched once per page; none, and a new try next time, when it
 * cannot be had. */
export function spellingWords(): Promise<string[]> {
  fetched ??= fetch(SPELLING_WORDS_PATH)
    .then((response) => (response.ok ? (response.json() as Promise<unknown>) : []))
    .then((words) => (Array.isArray(words) ? words.filter((word): word is string => typeof word === 'string') : []))
    .catch(() => {
      fetched = undefined;
      return [];
    });
  return fetched;
}
