// THE definition of a passage: the unit a note's quote is anchored in, a topic mention is found in, and (for the
// numbered ones) the target of the public #p-N addresses. It is defined once, on the HTML tree, because that is
// what a reader sees and what the page numbers: the content check, the paragraph ids, the note anchoring, the
// topic index and the tests all walk a tree with walkPassages below, so a quote that anchors in the build is never
// reported missing by the check (or the other way round).
//
// - Numbered passages (p-1, p-2, …): paragraphs, and list items that hold their text directly (a loose list's
//   items hold paragraphs, which are numbered instead).
// - Unnumbered passages: headings, table cells, definition terms and descriptions, figure captions. A quote may
//   sit in one; it has no address of its own.
// - Footnote definitions are our apparatus, not the author's text: never passages. A footnote reference's number
//   is not part of its paragraph's text.
// The text of a passage is the text of every text node inside it, in order, formatting flattened.
import type { Element, Root, Text } from 'hast';
import { passageLabel, type Passage } from '../lib/annotations/anchor-quote.ts';

export type { Passage } from '../lib/annotations/anchor-quote.ts';

const UNNUMBERED: Record<string, string> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  td: 'table cell',
  th: 'table cell',
  dt: 'definition',
  dd: 'definition',
  figcaption: 'caption',
};

/** Whether an element is a passage, and whether it is numbered; undefined when it is not one. */
export function passageKind(node: Element): 'numbered' | 'unnumbered' | undefined {
  if (node.tagName === 'p') return 'numbered';
  if (node.tagName === 'li') return node.children.some((child) => child.type === 'element' && child.tagName === 'p') ? undefined : 'numbered';
  return UNNUMBERED[node.tagName] ? 'unnumbered' : undefined;
}

/** The footnotes section GFM appends to a page (our apparatus: no passages in it). */
export function isFootnotesSection(node: Element): boolean {
  return node.tagName === 'section' && 'dataFootnotes' in node.properties;
}

/** For a GFM footnote reference (<sup><a data-footnote-ref href="#…">), the id of the footnote it points to. */
export function footnoteRefTarget(node: Element): string | undefined {
  if (node.tagName !== 'sup') return undefined;
  const link = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a' && 'dataFootnoteRef' in c.properties);
  return link ? String(link.properties.href ?? '').replace(/^#/, '') : undefined;
}

/** The outermost link a node is inside, and the element holding that link. */
export interface Enclosing {
  element: Element;
  parent: Element | Root;
}

/** Where a node sits: its passage (an index into the passages), its offset in that passage's text, its parent,
 * the top-level block it is in, and the outermost link around it. */
export interface Spot {
  passage: number;
  offset: number;
  parent: Element | Root;
  block: Element;
  link: Enclosing | undefined;
}

export interface PassageVisitor {
  /** Each passage as it starts, with its number (undefined for an unnumbered one). */
  passage?(element: Element, number: number | undefined): void;
  /** Each text node inside a passage. */
  text?(node: Text, spot: Spot): void;
  /** Each footnote reference inside a passage, with the footnote it points to. */
  footnoteRef?(sup: Element, target: string, spot: Spot): void;
  /** The footnotes section, which is skipped. */
  footnotes?(section: Element): void;
}

/** Walks a page's tree in reading order and returns its passages (numbered 1, 2, … as the page numbers them). */
export function walkPassages(tree: Root, visitor: PassageVisitor = {}): Passage[] {
  const passages: Passage[] = [];
  let numbered = 0;

  const walk = (node: Element, parent: Element | Root, block: Element, current: number | undefined, outerLink: Enclosing | undefined) => {
    const link = outerLink ?? (node.tagName === 'a' ? { element: node, parent } : undefined);
    const kind = passageKind(node);
    if (kind) {
      const number = kind === 'numbered' ? ++numbered : undefined;
      passages.push({ text: '', label: passageLabel(number, UNNUMBERED[node.tagName]), number });
      current = passages.length - 1;
      visitor.passage?.(node, number);
    }
    for (const child of node.children) {
      if (child.type === 'text' && current !== undefined) {
        visitor.text?.(child, { passage: current, offset: passages[current]!.text.length, parent: node, block, link });
        passages[current]!.text += child.value;
      } else if (child.type === 'element') {
        const target = footnoteRefTarget(child);
        if (target !== undefined && current !== undefined) {
          visitor.footnoteRef?.(child, target, { passage: current, offset: passages[current]!.text.length, parent: node, block, link });
        } else if (isFootnotesSection(child)) {
          visitor.footnotes?.(child);
        } else {
          walk(child, node, block, current, link);
        }
      }
    }
  };

  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    if (isFootnotesSection(child)) visitor.footnotes?.(child);
    else walk(child, tree, child, undefined, undefined);
  }
  return passages;
}
