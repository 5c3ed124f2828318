// How far apart two words are, counted in slips of the keyboard: a letter added, dropped or changed, or two
// neighbours swapped. One measure for every "did you mean": the search's spelling suggestions
// (src/lib/search/spelling.ts) and the content check's advice on a mistyped field, slug or page
// (src/lib/content-check/similar.ts), so a swap such as "ttile" counts as one slip in both.

/** The number of slips between two words (optimal string alignment distance: insertions, deletions, changes and
 * swaps of two neighbours), or more than `most` as soon as that is certain. */
export function slipsBetween(a: string, b: string, most = Infinity): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let twoRowsBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let slips = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) slips = Math.min(slips, twoRowsBack[j - 2]! + 1);
      current.push(slips);
      best = Math.min(best, slips);
    }
    if (best > most) return most + 1;
    twoRowsBack = previous;
    previous = current;
  }
  return previous[b.length]!;
}
