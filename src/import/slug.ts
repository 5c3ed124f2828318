// An article's slug is its file name and its URL, so it must be short, ASCII and stable: it is made once, from the
// headline, when the article is imported, and never changes after. A headline in Chinese has no useful ASCII form,
// so then the source file's name stands in and the contributor can rename the draft.

const MAX_LENGTH = 60;

/** Words a cut slug should not end on: "…-a-new-era-of" reads as broken, "…-a-new-era" does not. */
const TRAILING_STOP_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** Kebab-case ASCII: accents folded, apostrophes dropped ("Alibaba's" gives "alibabas"), other symbols as hyphens. */
export function kebabCase(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Cuts a kebab-case slug to at most 60 characters at a hyphen, and drops a dangling stop word. */
function shorten(slug: string): string {
  const words = slug.split('-');
  const kept: string[] = [];
  for (const word of words) {
    if ([...kept, word].join('-').length > MAX_LENGTH) break;
    kept.push(word);
  }
  if (kept.length === 0) return slug.slice(0, MAX_LENGTH);
  while (kept.length > 1 && kept.length < words.length && TRAILING_STOP_WORDS.has(kept.at(-1) ?? '')) kept.pop();
  return kept.join('-');
}

function isMostlyLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = text.match(/\p{Script=Latin}/gu) ?? [];
  return letters.length > 0 && latin.length * 2 >= letters.length;
}

/** The slug for a headline; for a headline not mostly in Latin letters, the source file's name (without extension). */
export function slugFor(headline: string, sourceName?: string): string {
  const fromHeadline = isMostlyLatin(headline) ? shorten(kebabCase(headline)) : '';
  if (fromHeadline !== '') return fromHeadline;
  const stem = (sourceName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return shorten(kebabCase(stem)) || 'article';
}
