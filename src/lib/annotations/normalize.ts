// Quotes are matched on text with runs of white space folded to one space, because a contributor copies a
// passage from the rendered page while the source may wrap it or indent it. The map lets a match in the
// folded text be turned back into offsets in the original text.

export interface FoldedText {
  /** The text with every run of white space replaced by one space. */
  text: string;
  /** For each character of `text`, the offset of the character it came from; one extra entry for the end. */
  origin: number[];
}

const SPACE = /\s/;

export function foldWhitespace(raw: string): FoldedText {
  const chars: string[] = [];
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch !== PASSAGE_BREAK && SPACE.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      chars.push(' ');
    } else {
      inSpace = false;
      chars.push(ch);
    }
    origin.push(i);
  }
  origin.push(raw.length);
  return { text: chars.join(''), origin };
}

/** Separates passages in the flat text of an article, so that no quote can span two paragraphs. */
export const PASSAGE_BREAK = '\u2029';

/** Folds a quote (or prefix/suffix) the same way, trimming the ends a contributor may have copied with it. */
export function foldQuote(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim();
}
