// Finds where a note's quote sits in an article, in the manner of the W3C Web Annotation TextQuoteSelector:
// the quote must occur exactly once, and an optional prefix/suffix (the text just before/after it) tells
// repeated passages apart. The article is given as its passages (paragraphs, list items, headings) so a quote
// can never run across two of them, and so errors can say which paragraph is meant.
import { closestMatch } from './closest-passage.ts';
import { PASSAGE_BREAK, foldQuote, foldWhitespace, type FoldedText } from './normalize.ts';

export interface TextQuoteSelector {
  quote: string;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

export interface Passage {
  /** The passage's visible text, formatting removed (emphasis and links contribute only their text). */
  text: string;
  /** How to name it to a contributor: "paragraph 7", "a heading". */
  label: string;
  /** Its paragraph number (the N of its #p-N anchor); headings have none. */
  number?: number | undefined;
}

/** Names a passage for messages the way a reader would find it on the page ("paragraph 7", "a table cell"). */
export function passageLabel(number: number | undefined, unnumbered = 'heading'): string {
  return number === undefined ? `a ${unnumbered}` : `paragraph ${number}`;
}

export interface Occurrence {
  /** Offsets in the flat text (passages joined by PASSAGE_BREAK). */
  start: number;
  end: number;
  passage: Passage;
  /** The matched text with a little of what surrounds it, for messages. */
  context: string;
}

export type AnchorResult =
  | { found: 'once'; start: number; end: number; passage: Passage }
  | {
      found: 'none';
      closest?: { text: string; passage: Passage; /** Where it ends, when that is another passage: the quote runs across two. */ endPassage?: Passage };
    }
  | { found: 'many'; occurrences: Occurrence[] };

/** The flat text a list of passages is matched against; anchor offsets refer to it. */
export function flatText(passages: readonly Passage[]): string {
  return passages.map((p) => p.text).join(PASSAGE_BREAK);
}

interface Located {
  passage: Passage;
  /** Where the passage starts and ends in the flat text. */
  from: number;
  to: number;
}

function locate(passages: readonly Passage[], offset: number): Located {
  let from = 0;
  for (const passage of passages) {
    const to = from + passage.text.length;
    if (offset <= to) return { passage, from, to };
    from = to + PASSAGE_BREAK.length;
  }
  const last = passages[passages.length - 1]!;
  return { passage: last, from: from - PASSAGE_BREAK.length - last.text.length, to: from - PASSAGE_BREAK.length };
}

/** The match in brackets with up to `width` characters of its own passage either side. */
function contextAround(text: string, where: Located, start: number, end: number, width = 30): string {
  const from = Math.max(where.from, start - width);
  const to = Math.min(where.to, end + width);
  const shown = `${from > where.from ? '…' : ''}${text.slice(from, start)}[${text.slice(start, end)}]${text.slice(end, to)}${to < where.to ? '…' : ''}`;
  return shown.replace(/\s+/g, ' ');
}

/** Widens [start, end) to whole words, so a suggestion never starts or stops mid-word. */
function toWordBoundaries(text: string, start: number, end: number): [number, number] {
  const word = /[\p{L}\p{N}]/u;
  while (start > 0 && word.test(text[start - 1]!) && word.test(text[start]!)) start--;
  while (end < text.length && word.test(text[end - 1]!) && word.test(text[end]!)) end++;
  return [start, end];
}

/**
 * The flat and folded text of a list of passages, made once for the notes anchored in it: an article's notes are
 * anchored one after another in the same passages, and folding is a pass over the whole text. Only the lists used
 * last are kept. Keeping every article's (as a WeakMap beside entries that live for the whole build did) held
 * several times each article's text in memory until the build ended: about 70 MB at 1,000 articles, which every
 * garbage collection walked.
 */
const RECENT_TEXTS = 16;
const texts = new Map<readonly Passage[], { raw: string; folded: FoldedText }>();

function textOf(passages: readonly Passage[]): { raw: string; folded: FoldedText } {
  let known = texts.get(passages);
  if (known) {
    // Most recently used last, so the first key is the one to drop.
    texts.delete(passages);
  } else {
    const raw = flatText(passages);
    known = { raw, folded: foldWhitespace(raw) };
    if (texts.size >= RECENT_TEXTS) texts.delete(texts.keys().next().value!);
  }
  texts.set(passages, known);
  return known;
}

export function anchorQuote(passages: readonly Passage[], selector: TextQuoteSelector): AnchorResult {
  const { raw, folded } = textOf(passages);
  const quote = foldQuote(selector.quote);
  const prefix = selector.prefix === undefined ? undefined : foldQuote(selector.prefix);
  const suffix = selector.suffix === undefined ? undefined : foldQuote(selector.suffix);

  const hits: { start: number; end: number }[] = [];
  if (quote.length > 0) {
    for (let at = folded.text.indexOf(quote); at !== -1; at = folded.text.indexOf(quote, at + 1)) {
      const end = at + quote.length;
      const before = folded.text.slice(0, at).trimEnd();
      const after = folded.text.slice(end).trimStart();
      if (prefix !== undefined && !before.endsWith(prefix)) continue;
      if (suffix !== undefined && !after.startsWith(suffix)) continue;
      hits.push({ start: folded.rawOffset(at), end: folded.rawOffset(end - 1) + 1 });
    }
  }

  if (hits.length === 1) {
    const { start, end } = hits[0]!;
    return { found: 'once', start, end, passage: locate(passages, start).passage };
  }
  if (hits.length > 1) {
    return {
      found: 'many',
      occurrences: hits.map(({ start, end }) => {
        const where = locate(passages, start);
        return { start, end, passage: where.passage, context: contextAround(raw, where, start, end) };
      }),
    };
  }
  const near = closestMatch(folded.text, quote);
  if (!near) return { found: 'none' };
  const [start, end] = toWordBoundaries(raw, folded.rawOffset(near.start), folded.rawOffset(Math.max(near.start, near.end - 1)) + 1);
  const passage = locate(passages, start).passage;
  const endPassage = locate(passages, end - 1).passage;
  return { found: 'none', closest: { text: raw.slice(start, end).replace(/\s+/g, ' '), passage, ...(endPassage !== passage ? { endPassage } : {}) } };
}
