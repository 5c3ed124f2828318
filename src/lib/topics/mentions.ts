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

/** The sentence of `text` that contains [start, end), trimmed to a readable length around the name. */
export function sentenceAround(text: string, start: number, end: number): { sentence: string; highlight: { start: number; end: number } } {
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(SENTENCE_END)) {
    const stop = match.index + match[0].length;
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
