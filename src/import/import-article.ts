// Turning a scraped article into a draft is the first step of adding an article, and the one most likely to go
// wrong silently: page furniture left in the text, a paragraph lost, a stray brace that breaks the build. This is
// the whole pipeline as one pure function (no file system, no process), so it is tested on the real sources and the
// CLI in src/cli/new-article.ts is a thin adapter around it:
//   normalise line endings → apply the debris rules line by line (debris-rules.ts) → rebuild the paragraphs
//   (blocks.ts) → escape for Markdown (markdown-escape.ts) → frontmatter with "FILL IN:" placeholders → slug.

import { lostLinkStyle } from './lost-links.ts';
import { debrisRules, type CapturedFields, type RuleContext, type SourceLine } from './debris-rules.ts';
import { draftFrontmatter, serialiseFrontmatter, type DraftFrontmatter } from './draft-frontmatter.ts';
import { normaliseText } from './markdown-escape.ts';
import { buildBody, renderBody, type BodyBlock, type BodyLine } from './blocks.ts';
import { slugFor } from './slug.ts';

export type { DraftFrontmatter } from './draft-frontmatter.ts';

/** A run of consecutive source lines one rule removed; `line` is the first one's 1-based number. */
export interface RemovedBlock {
  rule: string;
  line: number;
  text: string;
}

export interface ImportResult {
  /** File name (without .md) and URL segment for the article. */
  slug: string;
  /** The complete draft, the text of <slug>.md: frontmatter and body. */
  draft: string;
  frontmatter: DraftFrontmatter;
  /** Everything taken out of the text, in source order, for the contributor to check. */
  removed: RemovedBlock[];
  /** The frontmatter fields the contributor must fill in, as "field: what to put there". */
  todo: string[];
}

export interface ImportOptions {
  /** The source file's name: used in the draft's header comment and as the slug of a non-Latin headline. */
  sourceName?: string;
}

/** Bad input, with a message written for the contributor: what is wrong and how to fix it. */
export class ImportError extends Error {
  readonly reason: 'empty' | 'no-paragraphs';

  constructor(reason: ImportError['reason'], message: string) {
    super(message);
    this.name = 'ImportError';
    this.reason = reason;
  }
}

/** Whitespace `trim()` leaves alone: zero-width spaces and joiners, which pages use as invisible spacers. */
const EDGE_WHITESPACE = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g;

/** A line a scraper left empty or filled with ordinary spaces: a paragraph break, not worth reporting. */
const BLANK = /^[ \t]*$/;

interface ScannedLine extends SourceLine {
  readonly hardBreak: boolean;
  readonly block: readonly SourceLine[];
}

/**
 * Numbers the lines, drops the blank ones and records each line's block (its run of non-blank lines). Lines of only
 * invisible characters stay, for the invisible-line rule to report, but like blank lines they end a block.
 */
function scanLines(text: string): ScannedLine[] {
  const scanned: ScannedLine[] = [];
  let block: SourceLine[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = { number: index + 1, text: raw.replace(EDGE_WHITESPACE, '') };
    if (line.text === '') block = [];
    else block.push(line);
    if (!BLANK.test(raw)) scanned.push({ ...line, hardBreak: / {2,}$/.test(raw), block });
  });
  return scanned;
}

function firstValues(found: CapturedFields, more: CapturedFields): CapturedFields {
  const merged = { ...found };
  for (const [field, value] of Object.entries(more) as [keyof CapturedFields, string | undefined][]) {
    if (merged[field] === undefined && value !== undefined) merged[field] = value;
  }
  return merged;
}

function mostlyCjk(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? [];
  return cjk.length * 2 > letters.length;
}

function blockText(block: BodyBlock): string {
  if (block.kind === 'list') return block.items.map((item) => item.text).join(' ');
  return block.kind === 'paragraph' ? block.lines.join(' ') : block.text;
}

const EMPTY_MESSAGE =
  'The file has no text: it is empty or holds only blank lines. Paste the article into it, headline first and then ' + 'the body, and run the importer again.';

function noParagraphsMessage(removed: readonly RemovedBlock[]): string {
  const rules = [...new Set(removed.map((block) => block.rule))].join(', ');
  return (
    `No article text is left after removing page debris (removed by: ${rules}). Check that the file holds the ` +
    'article itself, headline first and then its paragraphs. If a real paragraph was removed, find the rule that ' +
    'took it in the importer rules (CONTRIBUTING.md).'
  );
}

/** Turns the raw text of a scraped article into a Markdown draft. Throws ImportError for input with no article in it. */
export function importArticle(raw: string, options: ImportOptions = {}): ImportResult {
  const text = normaliseText(raw);
  if (text.trim() === '') throw new ImportError('empty', EMPTY_MESSAGE);

  let found: CapturedFields = {};
  const removed: RemovedBlock[] = [];
  const previous: SourceLine[] = [];
  const bodyBlocks: BodyLine[][] = [];
  let openBlock: BodyLine[] | undefined;
  let lastLine = 0;
  let lastRemovedLine = 0;

  for (const line of scanLines(text)) {
    // A gap in the numbering is a blank line: the paragraph being collected ends there.
    if (line.number > lastLine + 1) openBlock = undefined;
    lastLine = line.number;
    const context: RuleContext = {
      line,
      block: line.block,
      previous,
      headline: found.title,
      bodyStarted: bodyBlocks.length > 0,
    };
    const rule = debrisRules.find((candidate) => candidate.test(context));
    if (rule === undefined) {
      if (openBlock === undefined) bodyBlocks.push((openBlock = []));
      openBlock.push({ text: line.text, hardBreak: line.hardBreak });
    } else {
      // A removed line separates what stands before and after it, like a blank line would.
      openBlock = undefined;
      if (rule.capture) found = firstValues(found, rule.capture(context));
      // Consecutive lines removed by the same rule (a promo block) are reported as one.
      const last = removed.at(-1);
      if (last?.rule === rule.name && lastRemovedLine === line.number - 1) last.text += `\n${line.text}`;
      else removed.push({ rule: rule.name, line: line.number, text: line.text });
      lastRemovedLine = line.number;
    }
    if (line.text !== '') previous.push(line);
  }

  const title = found.title;
  if (title === undefined || bodyBlocks.length === 0) throw new ImportError('no-paragraphs', noParagraphsMessage(removed));

  const body = buildBody(bodyBlocks);
  const lang = mostlyCjk([title, ...body.map(blockText)].join(' ')) ? 'zh' : 'en';
  const markdown = renderBody(body);
  const { frontmatter, todo } = draftFrontmatter({ ...found, title, lostLinks: lostLinkStyle(markdown) }, lang);
  return {
    slug: slugFor(title, options.sourceName),
    draft: `${serialiseFrontmatter(frontmatter, options.sourceName)}\n${markdown}`,
    frontmatter,
    removed,
    todo,
  };
}
