// The parts of a search result: an article's margin notes and a timeline page's events, found inside the page's own
// record. Each note is written `<div id="note-X" data-pagefind-title="Correction">` (its kind: the page's bytes are
// counted) and each event `<li id="event-X" data-pagefind-title="2024: …">`, which Pagefind (1.6) records as the page's
// titled anchors, with the word position where each starts. Every other element with an id is an anchor too, untitled:
// a note's passage (`<mark id="passage-X">`, up to its marker `#marker-X`) gives the note's quote, so a note shows as
// "Correction on “charged by cost per mile”". Pagefind's own sub-results run from one titled anchor to the next, so the
// article text after a note's column would count as the note's; here a part ends at the next anchor of any kind (the
// next paragraph's p-N, the next note), so a note matches only by its own words. The excerpts are built here from the
// content's words, to read as the page does: where the matches are thickest, from their sentence's start when near,
// with an ellipsis where a sentence is cut (excerpt), after the title the result shows (afterHeading), and without the
// space Pagefind leaves where it breaks its text at an element with an id (gluedPositions). Pure functions of the
// fragment Pagefind's result.data() returns; the search page and the banner's list draw from them.
import { KIND_LABELS, type DisplayKind } from '../annotations/kinds.ts';

/** An element with an id in the indexed page, as Pagefind's fragment lists it. */
export interface FragmentAnchor {
  element: string;
  id: string;
  /** The element's text: a heading's words. */
  text?: string;
  /** data-pagefind-title, when the element has one. */
  title?: string;
  /** Word position of the element's start in the page's content. */
  location: number;
}

/** What this file reads of the fragment Pagefind's result.data() resolves to. */
export interface ResultFragment {
  /** The page's address, with the search words for highlighting (?highlight=…) when there are any. */
  url: string;
  content: string;
  /** The content as Pagefind splits it into words (escaped for HTML). */
  raw_content?: string;
  anchors: FragmentAnchor[];
  /** Word positions of the matches. */
  locations: number[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Pagefind's excerpt of the whole page. */
  excerpt?: string;
}

export type PartKind = 'note' | 'event';

export interface ResultPart {
  kind: PartKind;
  /** A note's kind (correction…); undefined for an event. */
  noteKind?: DisplayKind;
  title: string;
  url: string;
  /** Matches in the part's own words. */
  hits: number;
  /** The matching words in context, HTML with <mark>; "" when the part is listed without matches. */
  excerpt: string;
  location: number;
}

const PART_PREFIXES: [string, PartKind][] = [
  ['note-', 'note'],
  ['event-', 'event'],
];

/** A note's title as the search shows it, worded like the page's list of notes: Correction on “cost per mile”. A
 * quote that holds double quotes of its own is set in single ones, so they never pile up ("walled gardens,"”). */
export function noteTitle(kind: DisplayKind, quote?: string): string {
  const label = KIND_LABELS[kind];
  if (!quote) return label;
  return /["“”]/.test(quote) ? `${label} on ‘${quote}’` : `${label} on “${quote}”`;
}

/** An event's title as the search shows it, its year first: 2024: Taobao accepts WeChat Pay. */
export function eventTitle(day: string, title: string): string {
  return `${day.slice(0, 4)}: ${title}`;
}

/** The year an event's title starts with (the reverse of eventTitle). */
export function yearOfTitle(title: string): string | undefined {
  return /^(\d{4}): /.exec(title)?.[1];
}

/** The kind a note's title names: its label, alone (as the page writes it) or before its quote. */
export function kindOfTitle(title: string): DisplayKind | undefined {
  const kinds = Object.entries(KIND_LABELS) as [DisplayKind, string][];
  return kinds.find(([, label]) => title === label || title.startsWith(`${label} on `))?.[0];
}

/** Words of a quote shown in a note's title; a longer one is cut, with an ellipsis. */
export const QUOTE_WORDS = 12;

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The passage a note is about, as the page's words from its <mark id="passage-X"> to the next anchor (its
 * marker); undefined for a note that quotes nothing (a footnote). */
function quoteOf(noteId: string, anchors: readonly FragmentAnchor[], words: readonly string[], joiner: string, glued: ReadonlySet<number>): string | undefined {
  const at = anchors.findIndex((anchor) => anchor.id === `passage-${noteId}`);
  if (at < 0) return undefined;
  const from = anchors[at]!.location;
  const to = anchors.slice(at + 1).find((anchor) => anchor.location > from)?.location ?? from + QUOTE_WORDS;
  const quote = joinWords(words, from, Math.min(to, from + QUOTE_WORDS), joiner, glued).trim();
  return quote ? unescape(to - from > QUOTE_WORDS ? `${quote}…` : quote) : undefined;
}

/** The content's words, as Pagefind numbers them (by zero-width spaces where it segmented the text itself). */
export function contentWords(fragment: Pick<ResultFragment, 'content' | 'raw_content'>): string[] {
  const text = fragment.raw_content ?? fragment.content;
  return text.includes('\u200B') ? text.split('\u200B') : text.split(/[\r\n\s]+/g);
}

/** A word as searches compare words: without case, punctuation or the marks of a highlighted word. */
export const comparableWord = (word: string) => word.toLowerCase().replace(/<\/?mark>|[^\p{L}\p{N}]/gu, '');

/** The words of a search, each once, as they are compared. */
export function searchWords(term: string): string[] {
  return [...new Set(term.split(/\s+/).map(comparableWord).filter(Boolean))];
}

/** Endings by which a searched word can be longer than the word it finds: Pagefind compares words by their stem. */
const ENDINGS = new Set(['s', 'es', 'ed', 'ing', 'er', 'ers']);

/** Han, kana or Hangul: text written without spaces between words, which Pagefind segments itself. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Whether a word of a page matches a word of the search (both as comparableWord gives them). Pagefind finds the
 * words a search's word begins ("festival" finds "festivals") and words by their stem ("festivals" finds
 * "festival"): a match is a word the search's word begins, or one the search's word only adds an ending to.
 */
export function wordMatches(word: string, searched: string): boolean {
  if (!word) return false;
  if (word.startsWith(searched)) return true;
  return searched.startsWith(word) && ENDINGS.has(searched.slice(word.length));
}

/** Whether a word of a page answers a word of the search: it matches it, or, in text written without spaces
 * (Chinese), holds it. */
export const wordAnswers = (word: string, searched: string) => wordMatches(word, searched) || (UNSPACED.test(searched) && word.includes(searched));

/** What joins the content's words again: nothing where Pagefind segmented the text (zero-width spaces). */
const joinerOf = (fragment: Pick<ResultFragment, 'content' | 'raw_content'>) => ((fragment.raw_content ?? fragment.content).includes('\u200B') ? '' : ' ');

/** Punctuation that ends what comes before it, and a word that is only punctuation opening what comes after it. */
const CLOSING = /^[,.;:!?)\]}”’»…%]/u;
const OPENING_ONLY = /^[([{“‘«]+$/u;

/**
 * The word positions that follow the word before them with no space between. Pagefind (1.6) breaks the page's text
 * at the start of every element with an id, as if a space stood there: a note's marker right after its passage makes
 * "Lazada, the" the words "Lazada", ",", "the", and a passage's `<mark>` just after an opening quote makes "“" a word
 * of its own. A break before closing punctuation or after opening punctuation is such a break: the page had no space
 * there. Any other break is taken as a space, as Pagefind gives it.
 */
export function gluedPositions(anchors: readonly Pick<FragmentAnchor, 'location'>[], words: readonly string[]): ReadonlySet<number> {
  const glued = new Set<number>();
  for (const { location } of anchors) {
    const word = words[location];
    const before = words[location - 1];
    if (word === undefined || before === undefined) continue;
    if (CLOSING.test(word) || OPENING_ONLY.test(before)) glued.add(location);
  }
  return glued;
}

/** Words [from, to) as the page reads them: joined by `joiner`, with none where the page had no space (gluedPositions). */
function joinWords(
  words: readonly string[],
  from: number,
  to: number,
  joiner: string,
  glued: ReadonlySet<number>,
  shown: (word: string, at: number) => string = (word) => word,
): string {
  let text = '';
  for (let at = from; at < to && at < words.length; at++) text += (at > from && !glued.has(at) ? joiner : '') + shown(words[at]!, at);
  return text;
}

/** Punctuation and quotes before a word, and a possessive and punctuation after it, as Pagefind's words carry them. */
const LEADING = /^[("'“‘[]+/;
const TRAILING = /(?:['’]s)?[.,;:!?)"'”’\]…]*$/;

/**
 * A matching word marked without the punctuation around it: `<mark>Tmall</mark>,` and `“<mark>Tmall</mark>`, not
 * `<mark>Tmall,</mark>`, as the pages' own highlights mark it (src/browser/search-highlight.ts). A word that is all
 * punctuation is marked whole; an escaped character (`&gt;`) and an abbreviation's last stop (`U.S.`) stay inside.
 */
export function markWord(word: string): string {
  const before = LEADING.exec(word)?.[0] ?? '';
  let after = TRAILING.exec(word.slice(before.length))?.[0] ?? '';
  let core = word.slice(before.length, word.length - after.length);
  while (after && belongsToWord(core, after[0]!)) {
    core += after[0];
    after = after.slice(1);
  }
  return core ? `${before}<mark>${core}</mark>${after}` : `<mark>${word}</mark>`;
}

/** Whether the character after a word's core is part of the word: the ";" of an escaped character (`&gt;`), the last
 * stop of an abbreviation (`U.S.`, `e.g.`). */
function belongsToWord(core: string, next: string): boolean {
  if (next === ';') return /&#?\w+$/.test(core);
  return next === '.' && core.includes('.') && /(?:^|\.)\p{L}$/u.test(core);
}

/** A word that ends a sentence ("China.", "said.”"), and one that may start the next ("Taobao", "“We"). */
const SENTENCE_END = /[.!?][)"'”’\]]*$/;
const SENTENCE_START = /^[("'“‘[]*\p{Lu}/u;

/** Where the sentence that holds word `at` starts, when that is at most `reach` words before it and not before
 * `from` (the start of a part or of the page's text, which starts a sentence too). */
function sentenceStart(words: readonly string[], at: number, from: number, reach: number): number | undefined {
  for (let start = at; start >= Math.max(from, at - reach); start--) {
    if (start === from || (SENTENCE_END.test(words[start - 1]!) && SENTENCE_START.test(words[start]!))) return start;
  }
  return undefined;
}

/** Of the matches (in order), the one whose excerpt would hold the most of them; the first, of several as good. */
function busiestMatch(matches: readonly number[], length: number): number | undefined {
  let best: number | undefined;
  let most = 0;
  for (const at of matches) {
    const from = at - Math.floor(length / 4);
    const held = matches.filter((other) => other >= from && other < from + length).length;
    if (held > most) [best, most] = [at, held];
  }
  return best;
}

/**
 * Up to `length` words from [from, to) around its matches, marked; `glued`: gluedPositions(). It shows the stretch
 * where the matches are thickest, from the first match there ("charged by cost per mile" for "cost per mille",
 * not an earlier lone "per"). The excerpt starts where that match's sentence does, when that is at most half its
 * length before it, else a quarter of its length before it (in text Pagefind segmented itself, which has no spaces,
 * always so). An ellipsis stands where it cuts the stretch's text inside a sentence.
 */
export function excerpt(
  words: readonly string[],
  hits: readonly number[],
  from: number,
  to: number,
  length: number,
  joiner = ' ',
  glued: ReadonlySet<number> = new Set(),
): string {
  const inside = hits.filter((at) => at >= from && at < to).sort((a, b) => a - b);
  const first = busiestMatch(inside, length) ?? from;
  const sentence = joiner === ' ' ? sentenceStart(words, first, from, Math.floor(length / 2)) : undefined;
  const start = sentence ?? Math.max(from, Math.min(first - Math.floor(length / 4), to - length));
  const end = Math.min(to, start + length);
  const marked = new Set(inside);
  const text = joinWords(words, start, end, joiner, glued, (word, at) => (marked.has(at) ? markWord(word) : word)).trim();
  // An ellipsis where the excerpt cuts its stretch's text inside a sentence (anywhere, in text without spaces).
  const cutBefore = start > from && !(joiner === ' ' && SENTENCE_END.test(words[start - 1]!) && SENTENCE_START.test(words[start]!));
  const cutAfter = end < to && !(joiner === ' ' && SENTENCE_END.test(words[end - 1]!));
  return text && `${cutBefore ? '…' : ''}${text}${cutAfter ? '…' : ''}`;
}

function partKind(anchor: FragmentAnchor): PartKind | undefined {
  if (!anchor.title?.trim()) return undefined;
  return PART_PREFIXES.find(([prefix]) => anchor.id.startsWith(prefix))?.[1];
}

/** The page's address with `#id` in place of any fragment it had. */
export function anchoredUrl(url: string, id: string): string {
  return `${url.replace(/#.*$/, '')}#${id}`;
}

/** Words that may stand before an event's title: its date ("6 December 2016."). */
const DATE_WORDS = 4;

/**
 * Where a text starts after its heading: a result already shows its page's title, and a part its event's title
 * ("2016: Alipay signs up…"), so an excerpt need not say them again. The heading's words are looked for at `from`, or
 * up to `lead` words after it (an event's date comes first); `from` when the words do not start so.
 */
export function afterHeading(words: readonly string[], from: number, to: number, heading: string, lead = 0): number {
  const headingWords = heading.split(/\s+/).map(comparableWord).filter(Boolean);
  if (headingWords.length === 0) return from;
  for (let at = from; at <= from + lead && at + headingWords.length <= to; at++) {
    if (headingWords.every((word, i) => comparableWord(words[at + i]!) === word)) return at + headingWords.length;
  }
  return from;
}

/** An event's heading on its page: its part's title without the year before it. */
const eventHeading = (title: string) => title.replace(/^\d{4}: /, '');

/** Each part of the page with the word range it covers: from its anchor to the next anchor of any kind. */
function partRanges(fragment: ResultFragment, words: readonly string[], glued: ReadonlySet<number>) {
  const anchors = [...fragment.anchors].sort((a, b) => a.location - b.location);
  const joiner = joinerOf(fragment);
  return anchors.flatMap((anchor, i) => {
    const kind = partKind(anchor);
    if (!kind) return [];
    const next = anchors.slice(i + 1).find((other) => other.location > anchor.location);
    const label = anchor.title!.trim();
    const noteKind = kind === 'note' ? kindOfTitle(label) : undefined;
    const title =
      noteKind && label === KIND_LABELS[noteKind] ? noteTitle(noteKind, quoteOf(anchor.id.slice('note-'.length), anchors, words, joiner, glued)) : label;
    return [{ anchor, kind, noteKind, title, from: anchor.location, to: next?.location ?? words.length }];
  });
}

export interface PartOptions {
  /** Words of excerpt. */
  excerptLength: number;
  /** Note kinds the reader filtered by: only notes of these kinds are parts, and events are not. */
  kinds?: readonly string[];
  /** Years the reader filtered by: only events of these years are parts (a timeline page spans several). */
  years?: readonly string[];
}

export interface ResultParts {
  /** The parts that match (or, with a kind filter and no matches at all, the notes of those kinds), in page order. */
  parts: ResultPart[];
  /** Matches in the page's own text, outside every part. */
  ownHits: number;
  /** The page's own matching words in context ("" when only its parts match). */
  ownExcerpt: string;
  /** The page's words where Pagefind found a match, in its text and in its parts, each place once. */
  matchedWords: string[];
}

/** The first words of the page's text after its title, up to its first note or event, as a result found by its
 * title or metadata alone (or by filters alone) shows it: Pagefind's own excerpt is then the page's first words. */
export function pageOpening(fragment: ResultFragment, length: number): string {
  const words = contentWords(fragment);
  const glued = gluedPositions(fragment.anchors, words);
  const from = afterHeading(words, 0, words.length, fragment.meta.title ?? '');
  const to = Math.min(words.length, ...partRanges(fragment, words, glued).flatMap((part) => (part.from >= from ? [part.from] : [])));
  return excerpt(words, [], from, to, length, joinerOf(fragment), glued);
}

/** Splits a result's matches between the page's own text and its notes or events. */
export function resultParts(fragment: ResultFragment, options: PartOptions): ResultParts {
  const words = contentWords(fragment);
  const joiner = joinerOf(fragment);
  const glued = gluedPositions(fragment.anchors, words);
  const ranges = partRanges(fragment, words, glued);
  const inPart = (at: number) => ranges.some((r) => at >= r.from && at < r.to);
  const kinds = options.kinds?.length ? new Set(options.kinds) : undefined;
  const years = options.years?.length ? new Set(options.years) : undefined;
  const hits = [...new Set(fragment.locations)];

  const parts: ResultPart[] = [];
  for (const range of ranges) {
    const { noteKind } = range;
    if (kinds && !(noteKind && kinds.has(noteKind))) continue;
    if (years && range.kind === 'event' && !years.has(yearOfTitle(range.anchor.title!) ?? '')) continue;
    const own = hits.filter((at) => at >= range.from && at < range.to);
    // Without search words (filters alone) a kind filter lists the page's notes of that kind.
    if (own.length === 0 && !(kinds && hits.length === 0)) continue;
    // An event's excerpt is from its own text, after the date and title the part's title already gives: around
    // its matches there, or its first words when only the title matched.
    const textFrom = range.kind === 'event' ? afterHeading(words, range.from, range.to, eventHeading(range.title), DATE_WORDS) : range.from;
    parts.push({
      kind: range.kind,
      noteKind,
      title: range.title,
      url: anchoredUrl(fragment.url, range.anchor.id),
      hits: own.length,
      excerpt: own.length ? excerpt(words, own, textFrom, range.to, options.excerptLength, joiner, glued) : '',
      location: range.from,
    });
  }

  const ownHits = hits.filter((at) => !inPart(at)).sort((a, b) => a - b);
  let ownExcerpt = '';
  if (ownHits.length) {
    // The stretch of the page's own text where its matches after its title (which the result shows) are thickest,
    // between the parts before and after it; the text's first words when only the title matched.
    const textFrom = afterHeading(words, 0, words.length, fragment.meta.title ?? '');
    const textHits = ownHits.filter((at) => at >= textFrom);
    const first = busiestMatch(textHits, options.excerptLength) ?? textFrom;
    const from = Math.max(textFrom, ...ranges.filter((r) => r.to <= first).map((r) => r.to));
    const to = Math.min(words.length, ...ranges.filter((r) => r.from > first).map((r) => r.from));
    ownExcerpt = excerpt(words, textHits, from, to, options.excerptLength, joiner, glued);
  }
  return { parts, ownHits: ownHits.length, ownExcerpt, matchedWords: hits.map((at) => words[at] ?? '') };
}

/** The parts worth showing under a result: the `most` with the most matches, in page order. */
export function shownParts(parts: readonly ResultPart[], most: number): ResultPart[] {
  const best = [...parts].sort((a, b) => b.hits - a.hits || a.location - b.location).slice(0, most);
  return best.sort((a, b) => a.location - b.location);
}

/** How many of the search's words a stretch of the page answers, as Pagefind finds them (wordAnswers: "cost" answers
 * "costs", "malls" answers "mall"). */
function termsCovered(words: readonly string[], hits: readonly number[], terms: readonly string[]): number {
  const found = hits.map((at) => comparableWord(words[at] ?? ''));
  return terms.filter((term) => found.some((word) => wordAnswers(word, term))).length;
}

/**
 * Where a result should take the reader: the part that matches more of the search's words than the page's own
 * text does (the note that says "mille", for "cost per mille"), else the page itself. Undefined means the page.
 */
export function bestPart(fragment: ResultFragment, term: string): { id: string; title: string; kind: PartKind; noteKind?: DisplayKind } | undefined {
  const terms = searchWords(term);
  const words = contentWords(fragment);
  const ranges = partRanges(fragment, words, gluedPositions(fragment.anchors, words));
  const hits = [...new Set(fragment.locations)];
  const own = hits.filter((at) => !ranges.some((r) => at >= r.from && at < r.to));
  let best: { id: string; title: string; kind: PartKind; noteKind?: DisplayKind; score: number } | undefined;
  for (const range of ranges) {
    const inside = hits.filter((at) => at >= range.from && at < range.to);
    const score = termsCovered(words, inside, terms);
    if (inside.length && score > (best?.score ?? termsCovered(words, own, terms))) {
      best = { id: range.anchor.id, title: range.title, kind: range.kind, noteKind: range.noteKind, score };
    }
  }
  return best && { id: best.id, title: best.title, kind: best.kind, noteKind: best.noteKind };
}
