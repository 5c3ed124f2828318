// "Did you mean Taobao?": what the results page offers when a word of a search finds nothing. Pagefind matches words
// as they are typed (a last word also as the start of one), so "taobo" or "tencnet" find nothing at all, and the
// names of the companies, apps and regulators this site is about are the words readers most often misspell. The
// vocabulary is those names: every topic's title and aliases (src/data/spelling-vocabulary.ts; the results page
// carries their words, the banner's list fetches them when a search there finds nothing). It is small and bounded by
// the topics, not the articles, so the page stays light at any corpus size; a misspelt word that is not part of a
// name gets no suggestion rather than a wrong one. Only a word that finds nothing as typed is corrected, and the
// suggestion is offered only when it finds something (src/browser/search-suggestion.ts searches for both first).

import { slipsBetween } from '../slips.ts';

/** A word of the vocabulary: letters of the Latin script or digits, at least this long. */
const MIN_WORD_LENGTH = 3;
const WORD = /[\p{Script=Latin}\p{N}]+/gu;
const LATIN_WORD = /^[\p{Script=Latin}\p{N}]+$/u;

/** The words of the given names, each once (the first spelling met), in the order met: the vocabulary that
 * suggestSpelling() corrects to. Chinese names are left out: Pagefind finds them by their characters, and a
 * misspelling there is not a slip of the keyboard. */
export function spellingWords(names: readonly string[]): string[] {
  const words = new Map<string, string>();
  for (const name of names) {
    for (const [word] of name.matchAll(WORD)) {
      if (word.length >= MIN_WORD_LENGTH && !/^\p{N}+$/u.test(word) && !words.has(word.toLowerCase())) words.set(word.toLowerCase(), word);
    }
  }
  return [...words.values()];
}

/** How many slips (a letter added, dropped, changed, or two swapped) a word of this length may hold and still be
 * corrected: none in a short word, where one slip makes another real word ("pay", "pya"). */
export function allowedSlips(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  return 2;
}

/** A word of a suggestion: as the reader typed it, or corrected. */
export interface SuggestedWord {
  text: string;
  typed: string;
  corrected: boolean;
}

/** Whether one rank comes before another, the first number that differs deciding. */
function ranksBefore(rank: readonly number[], other: readonly number[]): boolean {
  const i = rank.findIndex((value, j) => value !== other[j]);
  return i !== -1 && rank[i]! < other[i]!;
}

/** The vocabulary's word closest to `word` within its allowed slips: fewest slips, then the same first letter,
 * then the nearest length, then the first in the vocabulary. */
function closestWord(word: string, vocabulary: readonly string[]): string | undefined {
  const most = allowedSlips(word.length);
  if (most === 0) return undefined;
  let best: { word: string; rank: number[] } | undefined;
  for (const candidate of vocabulary) {
    const slips = slipsBetween(word, candidate.toLowerCase(), most);
    if (slips > most) continue;
    const rank = [slips, candidate[0]!.toLowerCase() === word[0] ? 0 : 1, Math.abs(candidate.length - word.length)];
    if (!best || ranksBefore(rank, best.rank)) best = { word: candidate, rank };
  }
  return best?.word;
}

/**
 * The search to suggest for words that found nothing, word by word: a word of the vocabulary (in any case), a
 * number, or a word in another script stays as typed; another word becomes the vocabulary's closest one within
 * its allowed slips, spelled as the vocabulary spells it ("taobo" → "Taobao"). Undefined when no word changes.
 */
export function suggestSpelling(term: string, vocabulary: readonly string[]): SuggestedWord[] | undefined {
  const known = new Set(vocabulary.map((word) => word.toLowerCase()));
  let changed = false;
  const words = term
    .split(/\s+/)
    .filter(Boolean)
    .map((typed): SuggestedWord => {
      const word = typed.toLowerCase();
      if (!LATIN_WORD.test(word) || /\p{N}/u.test(word) || known.has(word)) return { text: typed, typed, corrected: false };
      const closest = closestWord(word, vocabulary);
      if (!closest) return { text: typed, typed, corrected: false };
      changed = true;
      return { text: closest, typed, corrected: true };
    });
  return changed ? words : undefined;
}

/** A suggestion without the corrections of the words that are not slips (a word that finds pages as typed is the
 * reader's); undefined when no correction is left. */
export function keepCorrections(words: readonly SuggestedWord[], isSlip: (word: SuggestedWord) => boolean): SuggestedWord[] | undefined {
  const kept = words.map((word) => (word.corrected && !isSlip(word) ? { text: word.typed, typed: word.typed, corrected: false } : word));
  return kept.some((word) => word.corrected) ? kept : undefined;
}

/** The words of a suggestion as one search. */
export const suggestionText = (words: readonly SuggestedWord[]): string => words.map((word) => word.text).join(' ');
