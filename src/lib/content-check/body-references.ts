// References inside a body that point at something the same file must supply: a component an MDX file uses must be
// imported by it, and the footnote markers and footnotes of a topic or an article must match. Neither is a safety
// matter, and neither stops Markdown from parsing, so without these rules the first failed the build with a stack trace from the MDX
// runtime ("Expected component `Figure` to be defined") and the second was published: a marker without its footnote
// shows as the text "[^7]", and a footnote nothing points to is left off the page.
import type { FootnoteDefinition, FootnoteReference, Nodes, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { pointOf, sourceOf, type Finding } from './finding.ts';
import { SECTIONS } from './problem.ts';
import { lineColumnAt } from '../text-position.ts';

interface EsmProgram {
  body: { type: string; specifiers?: { local?: { name?: unknown } }[] }[];
}

/** A component the file uses (a capitalised element, or a member such as <Parts.Figure>) and does not import. */
export function componentFindings(tree: Root, text: string): Finding[] {
  const imported = new Set<string>();
  visit(tree, 'mdxjsEsm', (node) => {
    for (const statement of (node.data as { estree?: EsmProgram } | undefined)?.estree?.body ?? []) {
      for (const specifier of statement.specifiers ?? []) if (typeof specifier.local?.name === 'string') imported.add(specifier.local.name);
    }
  });
  const findings: Finding[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const name = node.name ?? '';
    const root = name.split('.')[0]!;
    if (!/^[A-Z]/.test(name) && !name.includes('.')) return;
    if (imported.has(root)) return;
    findings.push({
      point: pointOf(node),
      source: sourceOf(node, text),
      rule: 'component-not-imported',
      message: `<${name}> is a component, and this file does not import it: the page cannot be built.`,
      expected: `an import of ${root} from the site's src/components/ at the top of the file, or text`,
      found: `<${name}>`,
      fix: `import it (import ${root} from '…/src/components/${root}.astro', the path relative to this file), or, if the < is part of the text, write it as \\<.`,
      section: SECTIONS.mdx,
    });
  });
  return findings;
}

/** A footnote marker as Markdown leaves it when no footnote of that name is written: plain text (not one written
 * \[^2], on purpose). */
const LOOSE_MARKER = /(?<!\\)\[\^([^\]\s]+)\]/g;

/** How a footnote is written where it stands: a topic's cites a source, an article's is a note shown in the margin. */
const FOOTNOTE_FORM = {
  topic: {
    below: 'below the overview',
    form: 'Outlet, 4 Sep 2024, "Title": https://…',
    after: 'the sentence the footnote supports',
    fixAfter: 'the sentence it is the source of',
    section: SECTIONS.topicOverview,
  },
  article: {
    below: 'below the text',
    form: 'the note',
    after: 'the words the footnote is about',
    fixAfter: 'the words it is about',
    section: SECTIONS.footnotes,
  },
} as const;

/** The footnote markers of a topic's overview or an article's text without a footnote, and footnotes without a
 * marker. */
export function footnoteReferenceFindings(tree: Root, text: string, kind: keyof typeof FOOTNOTE_FORM = 'topic'): Finding[] {
  const { below, form, after, fixAfter, section } = FOOTNOTE_FORM[kind];
  const referenced = new Set<string>();
  visit(tree, 'footnoteReference', (node: FootnoteReference) => void referenced.add(node.identifier));
  const defined: FootnoteDefinition[] = [];
  visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => void defined.push(node));
  const names = defined.map((node) => `[^${node.label ?? node.identifier}]`);
  const findings: Finding[] = [];
  visit(tree, 'text', (node: Text) => {
    const offset = node.position?.start.offset;
    if (offset === undefined) return;
    // The node's value has escapes undone; its place in the file is found in the text as written.
    const written = text.slice(offset, node.position?.end.offset ?? offset);
    for (const match of written.matchAll(LOOSE_MARKER)) {
      findings.push({
        point: lineColumnAt(text, offset + match.index),
        source: match[0],
        rule: 'footnote-not-written',
        message: `the footnote marker ${match[0]} has no footnote, so the page would show "${match[0]}" as text.`,
        expected: `a footnote ${below}, ${match[0]}: ${form}${names.length ? ` (this file has ${names.join(', ')})` : ''}`,
        found: match[0],
        fix: 'write the footnote, or correct the marker to the footnote you meant.',
        section,
      });
    }
  });
  for (const node of defined) {
    if (referenced.has(node.identifier)) continue;
    const name = `[^${node.label ?? node.identifier}]`;
    findings.push({
      point: pointOf(node),
      source: name,
      rule: 'footnote-not-used',
      message: `the footnote ${name} is not marked anywhere in the text, so the page leaves it out.`,
      expected: `${name} after ${after}`,
      found: 'no marker',
      fix: `put ${name} after ${fixAfter}, or remove the footnote.`,
      section,
    });
  }
  return findings;
}
