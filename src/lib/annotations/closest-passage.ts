// When a quote matches nothing, the build suggests the passage that comes closest, so a contributor can spot
// the typo at once. This is approximate substring matching (Sellers' variant of edit distance): the quote
// may start anywhere in the text, and we look for the end position with the fewest edits. Comparison
// ignores case, so a capitalisation slip still finds its passage.

export interface ClosestMatch {
  start: number;
  end: number;
  /** Edits (insertions, deletions, substitutions) needed to turn the passage into the quote. */
  distance: number;
}

export function closestMatch(text: string, quote: string): ClosestMatch | undefined {
  const t = text.toLowerCase();
  const q = quote.toLowerCase();
  const m = q.length;
  if (m === 0 || t.length === 0) return undefined;

  // column[i] = edits to match q[0..i) ending at the current text position; start[i] = where that match begins.
  let column = Array.from({ length: m + 1 }, (_, i) => i);
  let start = new Array<number>(m + 1).fill(0);
  let best: ClosestMatch = { start: 0, end: 0, distance: m };

  for (let j = 1; j <= t.length; j++) {
    const next = new Array<number>(m + 1);
    const nextStart = new Array<number>(m + 1);
    next[0] = 0;
    nextStart[0] = j;
    for (let i = 1; i <= m; i++) {
      const substitute = column[i - 1]! + (q[i - 1] === t[j - 1] ? 0 : 1);
      const skipText = column[i]! + 1;
      const skipQuote = next[i - 1]! + 1;
      if (substitute <= skipText && substitute <= skipQuote) {
        next[i] = substitute;
        nextStart[i] = start[i - 1]!;
      } else if (skipText <= skipQuote) {
        next[i] = skipText;
        nextStart[i] = start[i]!;
      } else {
        next[i] = skipQuote;
        nextStart[i] = nextStart[i - 1]!;
      }
    }
    column = next;
    start = nextStart;
    if (column[m]! < best.distance) best = { start: start[m]!, end: j, distance: column[m]! };
  }
  return best.distance < m ? best : undefined;
}
