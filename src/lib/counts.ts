// Counts as the site writes them for readers, in the pages and the search page's script alike: digits grouped in
// threes ("1,316 mentions"), and the noun in the singular for one. Pages of a large site said "10487 mentions"
// before this was shared.

/** A number with its digits grouped: 1316 → "1,316". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A count and its noun: (1, 'article') → "1 article", (1316, 'mention') → "1,316 mentions". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
