// Scraped text marks structure loosely: paragraphs are usually separated by blank lines, but some pages put two
// paragraphs one line break apart, some hard-wrap long lines, section headings arrive as bare short lines, and
// bullet lists use "•". This module turns the lines the debris rules kept into explicit blocks (paragraph, heading,
// list, quote) and renders them as Markdown, without changing a word of the author's text.

import { escapeMarkdownHeading, escapeMarkdownParagraphLine, isRuleLine } from './markdown-escape.ts';

/** A kept line of the story; `hardBreak` records a source line that ended in two spaces (a Markdown line break). */
export interface BodyLine {
  readonly text: string;
  readonly hardBreak: boolean;
}

export interface ListItem {
  /** `-` for bullets, or the source's own number ("1." or "1)") for numbered items. */
  marker: string;
  text: string;
}

export type BodyBlock =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'list'; items: ListItem[] }
  | { kind: 'quote'; text: string };

const HEADING = /^(#{1,6})\s+(.*)$/;
const TYPOGRAPHIC_BULLET = /^[•◦▪‣∙●]\s*(.*)$/;
const MARKDOWN_LIST_ITEM = /^([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^>\s*(.*)$/;

/** Ends a sentence: . ! ? (or their CJK forms, or …), optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？]["'”’»)\]]*$/u;

/** A final word whose period does not end a sentence: a title, an initial ("B."), a month or "U.S.". */
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|\p{Lu})\.$/u;

/** Starts a sentence: a capital, a digit or a CJK character, possibly after an opening quote or emphasis marker. */
const SENTENCE_START = /^["'“‘«([*_]*[\p{Lu}\p{N}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const CJK_EDGE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}。，、！？：；「」『』（）]/u;

/** A standalone line that may be a section heading: it must not end like a sentence or a lead-in. */
const TERMINAL_PUNCTUATION = /[.!?…:;,。！？：；，]["'”’»)\]]*$/u;
const MAX_SUBHEADING_WORDS = 10;

function startsNewSentence(previous: string, next: string): boolean {
  return SENTENCE_END.test(previous) && !ABBREVIATION.test(previous) && SENTENCE_START.test(next);
}

/** Joins a hard-wrapped line to the one before; CJK text has no spaces between words, so none is added there. */
function joinWrapped(before: string, after: string): string {
  const cjkSeam = CJK_EDGE.test(before.slice(-1)) && CJK_EDGE.test(after.charAt(0));
  return cjkSeam ? before + after : `${before} ${after}`;
}

function listItem(text: string, markdownMarkersAllowed: boolean): ListItem | undefined {
  const bullet = TYPOGRAPHIC_BULLET.exec(text);
  if (bullet) return { marker: '-', text: bullet[1] ?? '' };
  // "* * *" and "- - -" are a section break written as text, not a list item: they stay text, escaped.
  const item = markdownMarkersAllowed && !isRuleLine(text) ? MARKDOWN_LIST_ITEM.exec(text) : null;
  if (!item) return undefined;
  const marker = item[1] ?? '-';
  return { marker: /\d/.test(marker) ? marker : '-', text: item[2] ?? '' };
}

function isSubheading(block: readonly BodyBlock[]): boolean {
  const [only] = block;
  if (block.length !== 1 || only?.kind !== 'paragraph' || only.lines.length !== 1) return false;
  const text = only.lines[0] ?? '';
  const words = text.split(/\s+/).filter(Boolean).length;
  return words <= MAX_SUBHEADING_WORDS && /\p{L}/u.test(text) && !TERMINAL_PUNCTUATION.test(text);
}

/** Splits one source block (lines with no blank line between them) into paragraphs, headings, lists and quotes. */
function splitSourceBlock(lines: readonly BodyLine[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const last = blocks.at(-1);
    const heading = HEADING.exec(line.text);
    if (heading) {
      // The page title is the only level-1 heading, so a body "# Heading" becomes a section heading.
      blocks.push({ kind: 'heading', level: Math.max(2, heading[1]?.length ?? 2), text: heading[2] ?? '' });
      return;
    }
    // "•" never occurs in running prose; "-", "*", "+", "1." and ">" can (a dash, "1. 3 billion", "> $5bn"), so
    // they start a list item or a quote only at the start of a block or straight after another item or quote line,
    // never in the middle of wrapped text.
    const item = listItem(line.text, last === undefined || last.kind === 'list');
    if (item) {
      if (last?.kind === 'list') last.items.push(item);
      else blocks.push({ kind: 'list', items: [item] });
      return;
    }
    const quote = last === undefined || last.kind === 'quote' ? QUOTE.exec(line.text) : null;
    if (quote) {
      // Consecutive "> " lines are one quotation, hard-wrapped.
      if (last?.kind === 'quote') last.text = joinWrapped(last.text, quote[1] ?? '');
      else blocks.push({ kind: 'quote', text: quote[1] ?? '' });
      return;
    }
    const sentenceBreak = previous !== undefined && !previous.hardBreak && startsNewSentence(previous.text, line.text);
    if (last === undefined || last.kind === 'heading' || last.kind === 'quote' || sentenceBreak) {
      blocks.push({ kind: 'paragraph', lines: [line.text] });
    } else if (last.kind === 'list') {
      const item = last.items.at(-1);
      if (item) item.text = joinWrapped(item.text, line.text);
    } else if (previous?.hardBreak) {
      last.lines.push(line.text);
    } else {
      last.lines[last.lines.length - 1] = joinWrapped(last.lines.at(-1) ?? '', line.text);
    }
  });
  return blocks;
}

/**
 * Turns the kept source blocks into the article's blocks. A source block that is one short line without closing
 * punctuation, followed by a paragraph, is a section heading the page styled by size only: it becomes `##`.
 */
export function buildBody(sourceBlocks: readonly (readonly BodyLine[])[]): BodyBlock[] {
  const split = sourceBlocks.map(splitSourceBlock);
  return split.flatMap((blocks, index) => {
    const only = blocks[0];
    const followedByParagraph = split[index + 1]?.[0]?.kind === 'paragraph';
    if (only?.kind === 'paragraph' && followedByParagraph && isSubheading(blocks)) {
      return [{ kind: 'heading', level: 2, text: only.lines[0] ?? '' }];
    }
    return blocks;
  });
}

/** Renders the blocks as Markdown: blank lines between blocks, a tight list, and two-space hard line breaks kept. */
export function renderBody(blocks: readonly BodyBlock[]): string {
  const rendered = blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        return `${'#'.repeat(block.level)} ${escapeMarkdownHeading(block.text)}`;
      case 'list':
        return block.items.map((item) => `${item.marker} ${escapeMarkdownParagraphLine(item.text)}`).join('\n');
      case 'quote':
        return `> ${escapeMarkdownParagraphLine(block.text)}`;
      case 'paragraph':
        return block.lines.map(escapeMarkdownParagraphLine).join('  \n');
    }
  });
  return `${rendered.join('\n\n')}\n`;
}
