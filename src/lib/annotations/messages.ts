// The build errors a contributor sees when a note cannot be anchored. Each names the file and line, the note,
// what was expected and found, and how to fix it; tests pin the wording.
import type { AnchorResult, TextQuoteSelector } from './anchor-quote.ts';
import { foldQuote } from './normalize.ts';

/** The 1-based line of a note's `id:` in the article file, or of `annotations:` if the id is not found. */
export function noteLine(source: string, id: string): number {
  const lines = source.split(/\r?\n/);
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const idPattern = new RegExp(`^\\s*(?:-\\s*)?id:\\s*["']?${escaped}["']?\\s*(?:#.*)?$`);
  const idLine = lines.findIndex((line) => idPattern.test(line));
  if (idLine !== -1) return idLine + 1;
  const listLine = lines.findIndex((line) => /^annotations:/.test(line));
  return listLine === -1 ? 1 : listLine + 1;
}

const show = (text: string) => JSON.stringify(text);

/** The same words, whatever their case and spacing. */
const sameWords = (a: string, b: string) => foldQuote(a).toLowerCase() === foldQuote(b).toLowerCase();

export interface NoteLocation {
  file: string;
  line: number;
  id: string;
}

/** What was searched: the note's own passage, or the passage a source cites in another article. */
export interface SearchScope {
  subject: string;
  text: string;
}

const OWN_PASSAGE: SearchScope = { subject: 'the quote', text: "the article's text" };

/** The scope for a source quote that cites another of our articles. */
export function citedArticleScope(slug: string): SearchScope {
  return { subject: `the quote of its source in "${slug}"`, text: "that article's text" };
}

/** What is wrong with a quote that did not match exactly once, as data: the headline (after the note's name), the
 * lines that show the quote and what was found, and the fix. Undefined when it matched once. The build's message
 * (anchorProblem) and the content check's problem (src/lib/content-check/cross-references.ts) are both made from it. */
export interface AnchorAdvice {
  headline: string;
  details: string[];
  fix: string;
}

export function anchorAdvice(selector: TextQuoteSelector, result: AnchorResult, scope: SearchScope = OWN_PASSAGE): AnchorAdvice | undefined {
  const quoted = [`quote:    ${show(selector.quote)}`];
  if (selector.prefix !== undefined) quoted.push(`prefix:   ${show(selector.prefix)}`);
  if (selector.suffix !== undefined) quoted.push(`suffix:   ${show(selector.suffix)}`);

  const closest = result.found === 'none' ? result.closest : undefined;
  const where = closest ? (closest.endPassage ? `from ${closest.passage.label} into ${closest.endPassage.label}` : closest.passage.label) : '';
  if (closest?.endPassage && sameWords(closest.text, selector.quote)) {
    // The words are there, but across the end of a paragraph: shown as one line they look just like the quote.
    const { passage, endPassage } = closest;
    return {
      headline: `${scope.subject} runs across two passages of ${scope.text} (${passage.label} and ${endPassage.label}); it must lie within one.`,
      details: [...quoted, `closest:  ${show(closest.text)} (${where})`],
      fix: 'quote only the words of one paragraph (the one the note is about); a second note can take the other.',
    };
  }
  if (result.found === 'none') {
    const nearest = closest ? `closest:  ${show(closest.text)} (${where})` : 'closest:  nothing similar in the article';
    const narrowed = selector.prefix !== undefined || selector.suffix !== undefined;
    // The quote's own words are there: what does not match is the prefix or suffix around them.
    const aroundIt = narrowed && closest !== undefined && !closest.endPassage && sameWords(closest.text, selector.quote);
    return {
      headline: `${scope.subject} matches nothing in ${scope.text}${narrowed ? ' with that prefix/suffix' : ''}; it must match exactly once.`,
      details: [...quoted, nearest],
      fix: aroundIt
        ? 'the quote is there; its prefix: or suffix: is not what stands just before or after it. Copy those words exactly as the article shows them, or remove prefix: and suffix: if the quote occurs only once.'
        : 'copy the passage exactly as the article shows it (spelling, punctuation, curly or straight quotes), from within one paragraph, without Markdown such as ** or [](); typos in the original stay as they are.',
    };
  }
  if (result.found === 'many') {
    return {
      headline: `${scope.subject} matches ${result.occurrences.length} places in ${scope.text}; it must match exactly once.`,
      details: [...quoted, ...result.occurrences.map((o, i) => `match ${i + 1}:  ${o.passage.label}: ${show(o.context)}`)],
      fix: 'lengthen the quote, or add prefix: (the words just before the passage you mean) or suffix: (the words just after it).',
    };
  }
  return undefined;
}

/** The build's message for a quote that did not match exactly once; undefined when it did. */
export function anchorProblem(at: NoteLocation, selector: TextQuoteSelector, result: AnchorResult, scope: SearchScope = OWN_PASSAGE): string | undefined {
  const advice = anchorAdvice(selector, result, scope);
  if (!advice) return undefined;
  return [`${at.file}:${at.line}: note "${at.id}": ${advice.headline}`, ...advice.details.map((line) => `  ${line}`), `  How to fix: ${advice.fix}`].join('\n');
}

/** Several problems become one error, so a contributor sees every broken note of a file in one build. */
export function combineProblems(problems: string[]): string {
  const count = problems.length === 1 ? 'A note' : `${problems.length} notes`;
  return `${count} could not be placed in the article:\n\n${problems.join('\n\n')}`;
}
