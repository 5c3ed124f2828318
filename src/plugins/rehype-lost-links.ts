// Shows the links an article's original had but our copy lost. Where the scraper wrote the page's links as bold
// runs and dropped their addresses (the article says `lostLinks: bold`; the importer's rule is in
// src/lib/import/lost-links.ts), a bold run is not the author's emphasis: a reader must not see it as such, nor
// as a link we could follow. Each becomes <span class="lost-link"> (a dotted underline, no href) with its
// explanation in words, visually hidden for screen readers and as a tooltip, and left out of the search index.
// Runs after the notes are laid out, so the explanation never becomes part of a passage a note quotes.
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export const LOST_LINK_EXPLANATION = 'a link in the original; its address was not kept';

export default function rehypeLostLinks() {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    if (frontmatter?.lostLinks !== 'bold') return;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'strong' || !parent || index === undefined) return;
      const explanation = h('span', { className: ['visually-hidden'], dataPagefindIgnore: '' }, ` (${LOST_LINK_EXPLANATION})`);
      const span = h('span', { className: ['lost-link'], title: `${LOST_LINK_EXPLANATION[0]!.toUpperCase()}${LOST_LINK_EXPLANATION.slice(1)}.` }, [...node.children, explanation] as ElementContent[]);
      parent.children.splice(index, 1, span);
      return SKIP;
    });
  };
}
