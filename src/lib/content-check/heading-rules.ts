// A page's title is its one level-1 heading (the article's headline, the topic's name), so the headings of a body
// start at level 2: a `# …` line in the text would read as a second title, to a screen reader's list of headings and
// to the eye. The importer writes section headings as `##`; this catches one written by hand. A heading with no words
// (`##` alone on a line) is caught too: the page would carry an empty heading, announced by a screen reader as a
// heading with nothing in it (axe's empty-heading, found only by the end-to-end tests, far from the file).
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { pointOf, shortSource, sourceOf, type Finding } from './finding.ts';
import { SECTIONS } from './problem.ts';

/** Every heading of a body without words, and every level-1 heading, in document order. */
export function headingFindings(tree: Root, text: string): Finding[] {
  const findings: Finding[] = [];
  visit(tree, 'heading', (node: Heading) => {
    const source = sourceOf(node, text);
    if (toString(node).trim() === '') {
      findings.push({
        rule: 'empty-heading',
        message: 'a heading with no words: the page would show an empty heading, which a screen reader announces as a heading with nothing in it.',
        expected: "the heading's words after its #s",
        found: shortSource(source),
        fix: "write the heading's words after the #s, or remove the line.",
        section: SECTIONS.headings,
        point: pointOf(node),
        source,
      });
      return;
    }
    if (node.depth !== 1) return;
    findings.push({
      rule: 'heading-level-one',
      message: "a level-1 heading in the text: the page's title is its only level-1 heading, so this one would read as a second title.",
      expected: 'headings in the text written ## (level 2), and ### under those',
      found: shortSource(source),
      fix: source.trimStart().startsWith('#') ? 'write it with ## instead of #.' : 'underline it with --- instead of ===, or write it as ## … on one line.',
      section: SECTIONS.headings,
      point: pointOf(node),
      source,
    });
  });
  return findings;
}

/** Every heading of a note's body (or a topic's disagreement, Markdown held in a field): a note is a few sentences in
 * the margin, and a heading there would be a section heading of the page, in its outline among the page's own. */
export function noteHeadingFindings(tree: Root, text: string): Finding[] {
  const findings: Finding[] = [];
  visit(tree, 'heading', (node: Heading) => {
    const source = sourceOf(node, text);
    findings.push({
      rule: 'heading-in-note',
      message: "a heading in a note's body (or a disagreement's): it would be a section heading of the page, among the page's own.",
      expected: "the note's sentences, without headings",
      found: shortSource(source),
      fix: "remove the heading; start the note with its point (the note's kind already shows above it).",
      section: SECTIONS.noteBody,
      point: pointOf(node),
      source,
    });
  });
  return findings;
}
