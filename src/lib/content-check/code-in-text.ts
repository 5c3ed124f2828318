// An article or topic holds text, never code. A line that starts with a tab or four spaces, or a block between ```
// fences, is read by Markdown as code: the page shows it in a code box, in another face, its paragraph loses its
// number, and a note quoting it finds nothing (the check then says its quote "matches nothing", far from the cause).
// The importer drops leading spaces and escapes backticks, so such a block was made by hand.
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { pointOf, shortSource, sourceOf, type Finding } from './finding.ts';
import { SECTIONS } from './problem.ts';

/** Every code block of a body, in document order. */
export function codeBlockFindings(tree: Root, text: string): Finding[] {
  const findings: Finding[] = [];
  visit(tree, 'code', (node: Code) => {
    const source = sourceOf(node, text);
    const fenced = /^\s*(`{3,}|~{3,})/.test(source);
    findings.push({
      rule: 'code-in-text',
      message: fenced
        ? 'a block between ``` fences, which the page would show as code, in a box.'
        : 'a paragraph that starts with a tab or four spaces, which Markdown reads as code: the page would show it in a box, without a paragraph number.',
      expected: 'text, each paragraph starting at the start of its line',
      found: shortSource(node.value) || '(an empty block)',
      fix: fenced ? 'remove the fence lines (``` or ~~~) and keep the text.' : 'remove the tab or spaces at the start of its lines.',
      section: SECTIONS.headings,
      point: pointOf(node),
      source,
    });
  });
  return findings;
}
