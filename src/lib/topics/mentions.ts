// Mentions of topics in the articles: which passage names which topic, and the sentence it is named in.
// One pass over each article's passages with the alias matcher; the topic pages only group the results.
import type { Passage } from '../annotations/anchor-quote.ts';
import type { AliasMatcher } from './alias-matcher.ts';

export interface Mention {
  topic: string;
  article: string;
  /** The paragraph number (p-N) the mention is in; headings have none and are skipped. */
  paragraph: number;
  /** The sentence around the mention, and where the name sits in it. */
  sentence: string;
  highlight: { start: number; end: number };
}

const SENTENCE_END = /[.!?。！？]["'”’)]*(?=\s|$)/g;
const MAX_SENTENCE = 240;

/** Titles written with a full stop before a name ("Ms. Xuan said"), never the end of a sentence. */
const TITLE_BEFORE = /(?:^|[\s("“‘])(?:Mr|Ms|Mrs|Dr|Prof)\.$/;

/**
 * Whether the stop at `index` in `text` ends a sentence. Not when the next word starts in lower case ("the U.S. as
 * the world's…"), after a title before a name ("Ms. Xuan"), or between a short number and another ("more than 1. 3
 * billion", a slip in one of our originals, which its correction note explains).
 */
function endsSentence(text: string, index: number, stop: number): boolean {
  const next = /^\s+(\S)/.exec(text.slice(stop))?.[1];
  if (next === undefined) return true;
  if (text[index] !== '.') return true;
  if (/\p{Ll}/u.test(next)) return false;
  if (TITLE_BEFORE.test(text.slice(Math.max(0, index - 6), index + 1))) return false;
  // "1. 3 billion" (a number cut in two), but not "in 2021. 2022 was…" (a year ends the sentence).
  return !(/(?:^|[^\d.,])\d{1,3}$/.test(text.slice(Math.max(0, index - 5), index)) && /\d/.test(next));
}

/** The sentence of `text` that contains [start, end), trimmed to a readable length around the name. */
export function sentenceAround(text: string, start: number, end: number): { sentence: string; highlight: { start: number; end: number } } {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(SENTENCE_END)) {
    const stop = match.index + match[0].length;
    if (!endsSentence(text, match.index, stop)) continue;
    if (stop <= start) from = stop;
    else if (match.index >= end - 1) {
      to = stop;
      break;
    }
  }
  while (from < start && /\s/.test(text[from]!)) from++;
  let prefix = '';
  let suffix = '';
  if (to - from > MAX_SENTENCE) {
    const half = Math.floor((MAX_SENTENCE - (end - start)) / 2);
    const cutFrom = Math.max(from, start - half);
    const cutTo = Math.min(to, end + half);
    if (cutFrom > from) prefix = '…';
    if (cutTo < to) suffix = '…';
    from = cutFrom;
    to = cutTo;
  }
  const sentence = prefix + text.slice(from, to).trim() + suffix;
  const shift = prefix.length - from;
  return { sentence, highlight: { start: start + shift, end: end + shift } };
}

export function findMentions(article: string, passages: readonly Passage[], matcher: AliasMatcher): Mention[] {
  const mentions: Mention[] = [];
  for (const passage of passages) {
    if (passage.number === undefined) continue;
    for (const match of matcher.find(passage.text)) {
      const { sentence, highlight } = sentenceAround(passage.text, match.start, match.end);
      mentions.push({ topic: match.topic, article, paragraph: passage.number, sentence, highlight });
    }
  }
  return mentions;
}

/** One quoted sentence of a topic page: the names of the topic it holds, in order (several when a sentence names the
 * topic more than once), and the text around them. */
export interface QuotedSentence {
  paragraph: number;
  /** The sentence cut at its names: text, name, text, …, name, text (always one more text than names). */
  pieces: { text: string; name?: string }[];
  /** How many mentions it shows. */
  names: number;
}

/** Mentions of one article, in order, quoted once per sentence: two names in one sentence are one quote with both
 * marked, not the same sentence twice. */
export function quotedSentences(mentions: readonly Mention[]): QuotedSentence[] {
  const quotes: { paragraph: number; sentence: string; highlights: Mention['highlight'][] }[] = [];
  for (const mention of mentions) {
    const last = quotes.at(-1);
    const after = last?.highlights.at(-1);
    if (last && last.paragraph === mention.paragraph && last.sentence === mention.sentence && after && mention.highlight.start >= after.end) {
      last.highlights.push(mention.highlight);
    } else {
      quotes.push({ paragraph: mention.paragraph, sentence: mention.sentence, highlights: [mention.highlight] });
    }
  }
  return quotes.map(({ paragraph, sentence, highlights }) => {
    const pieces: QuotedSentence['pieces'] = [];
    let at = 0;
    for (const { start, end } of highlights) {
      pieces.push({ text: sentence.slice(at, start), name: sentence.slice(start, end) });
      at = end;
    }
    pieces.push({ text: sentence.slice(at) });
    return { paragraph, pieces, names: highlights.length };
  });
}
