// Why a result was found by words its text does not have. Pagefind searches a page's metadata as well as its text
// (its topics, author and outlet; RANKING in src/browser/search-engine.ts), so an article tagged "Shopping festivals
// (618, Double 11)" is a result for "618" though its text never says 618, and an article is a result for its
// author's name, which its indexed text leaves out. Such a result would show its first words with nothing marked and
// nothing to say why it is there. metaMatches() finds the metadata that matched, with the search's words marked, for
// the result to show: "Topic: Shopping festivals (<mark>618</mark>, Double 11)", "By <mark>Yishu</mark> Wang".
import { escapeHtml } from '../escape-html.ts';
import { comparableWord, searchWords, UNSPACED, wordAnswers, wordMatches } from './sub-results.ts';

/** The metadata a result can be found by, in the order a result shows them, with the words that introduce them. */
export const FOUND_BY = [
  { field: 'author', label: 'By' },
  { field: 'outlet', label: 'Outlet:' },
  { field: 'topics', label: 'Topic:', plural: 'Topics:' },
  { field: 'aliases', label: 'Also written:' },
] as const;

export type FoundByField = (typeof FOUND_BY)[number]['field'];

export interface MetaMatch {
  field: FoundByField;
  /** What introduces the value: "By", "Topic:", "Topics:". */
  label: string;
  /** The value (for topics, only the topics that match), escaped for HTML, with <mark> around the matching words. */
  html: string;
}

/**
 * The words of a search that none of the page's own matching words answer (`matched`: its words where Pagefind
 * found a match), which it was found by elsewhere: all of them for a page found by its metadata alone, "618" for
 * "618 partner" on an article whose text says "partner" and whose topic says 618.
 */
export function unmatchedWords(term: string, matched: readonly string[]): string[] {
  const found = matched.map(comparableWord);
  return searchWords(term).filter((word) => !found.some((own) => wordAnswers(own, word)));
}

/** The value, escaped, with each word the search matches marked; undefined when none does. Text without spaces
 * (Chinese) is matched where it contains the search's word. */
export function markMatches(value: string, words: readonly string[]): string | undefined {
  let marked = false;
  const html = value
    .split(/(\s+)/)
    .map((piece) => {
      if (!piece.trim()) return piece;
      const core = comparableWord(piece);
      const unspaced = words.find((word) => UNSPACED.test(word) && piece.includes(word));
      if (unspaced) {
        marked = true;
        const at = piece.indexOf(unspaced);
        return `${escapeHtml(piece.slice(0, at))}<mark>${escapeHtml(unspaced)}</mark>${escapeHtml(piece.slice(at + unspaced.length))}`;
      }
      if (!words.some((word) => wordMatches(core, word))) return escapeHtml(piece);
      marked = true;
      // Punctuation around the word stays outside the mark, as in the excerpts: "(<mark>618</mark>,".
      const [, before = '', inner = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(piece) ?? [];
      return `${escapeHtml(before)}<mark>${escapeHtml(inner)}</mark>${escapeHtml(after)}`;
    })
    .join('');
  return marked ? html : undefined;
}

/**
 * A page's topics, from the metadata that joins their titles with ", ": split only outside brackets, since a title
 * may hold a comma ("Shopping festivals (618, Double 11)"). `count`, the number of topics the page has (its topic
 * filter's values), guards the split: if it disagrees, the value is kept whole.
 */
export function splitTopics(value: string, count?: number): string[] {
  const topics: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < value.length; at++) {
    const char = value[at];
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    else if (char === ',' && depth === 0 && value[at + 1] === ' ') {
      topics.push(value.slice(start, at));
      start = at + 2;
    }
  }
  topics.push(value.slice(start));
  return count === undefined || topics.length === count ? topics : [value];
}

/**
 * The metadata by which a page matches the words of a search (`term`, or only those its text does not answer:
 * unmatchedWords), each with the matching words marked. `topicCount` is how many topics the page has (see
 * splitTopics).
 */
export function metaMatches(meta: Readonly<Record<string, string>>, term: string | readonly string[], topicCount?: number): MetaMatch[] {
  const words = typeof term === 'string' ? searchWords(term) : term;
  if (!words.length) return [];
  const matches: MetaMatch[] = [];
  for (const found of FOUND_BY) {
    const value = meta[found.field];
    if (!value) continue;
    if (found.field === 'topics') {
      const topics = splitTopics(value, topicCount).flatMap((topic) => markMatches(topic, words) ?? []);
      if (topics.length) matches.push({ field: found.field, label: topics.length > 1 ? found.plural : found.label, html: topics.join(', ') });
      continue;
    }
    const html = markMatches(value, words);
    if (html) matches.push({ field: found.field, label: found.label, html });
  }
  return matches;
}
