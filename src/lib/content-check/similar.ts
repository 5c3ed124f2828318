// "Did you mean …?" for names a contributor mistyped: a field, a topic slug, an article slug, a page.
import { slipsBetween } from '../slips.ts';

/**
 * The candidate closest to `word`, when it is close enough to be a likely typo (slips, src/lib/slips.ts, in at most
 * a third of the word's letters, or only the case differs); undefined otherwise, so the advice never suggests
 * something unrelated.
 */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) return undefined;
    const distance = slipsBetween(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/** ` (did you mean "x"?)` or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const near = closestName(word, candidates);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
