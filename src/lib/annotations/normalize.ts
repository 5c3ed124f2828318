// Quotes are matched on text with runs of white space folded to one space, because a contributor copies a
// passage from the rendered page while the source may wrap it or indent it. The map lets a match in the
// folded text be turned back into offsets in the original text.

export interface FoldedText {
  /** The text with every run of white space replaced by one space. */
  text: string;
  /** The offset in the original text of the character at `offset` in `text` (of the end, at its length). */
  rawOffset(offset: number): number;
}

/** A run of white space, the passage break excepted (it keeps passages apart and is never folded)… */
const SPACE_RUN = /[^\S\u2029]+/g;
/** …and one that folding shortens. */
const LONG_SPACE_RUN = /[^\S\u2029]{2,}/g;

export function foldWhitespace(raw: string): FoldedText {
  // After each run of two or more characters: where the folded text resumes, and how many characters of the
  // original it has dropped up to there. Kept per such run, not per character: an article's text is tens of
  // thousands of characters, and many are folded while the content is checked.
  const resumes: number[] = [];
  const dropped: number[] = [];
  let droppedSoFar = 0;
  for (const run of raw.matchAll(LONG_SPACE_RUN)) {
    resumes.push(run.index - droppedSoFar + 1);
    droppedSoFar += run[0].length - 1;
    dropped.push(droppedSoFar);
  }
  return {
    text: raw.replace(SPACE_RUN, ' '),
    rawOffset(offset) {
      // The last run that ends at or before the offset.
      let low = 0;
      let high = resumes.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (resumes[middle]! <= offset) low = middle + 1;
        else high = middle;
      }
      return offset + (low === 0 ? 0 : dropped[low - 1]!);
    },
  };
}

/** Separates passages in the flat text of an article, so that no quote can span two paragraphs. */
export const PASSAGE_BREAK = '\u2029';

/** Folds a quote (or prefix/suffix) the same way, trimming the ends a contributor may have copied with it. */
export function foldQuote(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim();
}
