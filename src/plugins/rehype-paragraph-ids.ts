// Gives every paragraph of a page a stable id (p-1, p-2, …) so any passage can be linked to, quoted by a
// topic page's mention list and highlighted on arrival. The numbering counts block-level passages in
// reading order (paragraphs and list items that hold text directly) and skips the footnotes section,
// which is our apparatus rather than the author's text. Ids only depend on the text itself, so they stay
// stable as long as the article's verbatim text does.
import type { Element, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import { paragraphId } from '../lib/paragraphs.ts';

function isFootnotesSection(node: Element): boolean {
  return node.tagName === 'section' && 'dataFootnotes' in node.properties;
}

function holdsParagraph(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && child.tagName === 'p');
}

export default function rehypeParagraphIds() {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'element', (node: Element) => {
      if (isFootnotesSection(node)) return SKIP;
      const passage = node.tagName === 'p' || (node.tagName === 'li' && !holdsParagraph(node));
      if (!passage) return undefined;
      count += 1;
      node.properties.id ??= paragraphId(count);
      return undefined;
    });
  };
}
