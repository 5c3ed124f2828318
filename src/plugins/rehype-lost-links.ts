// Shows the links an article's original had but our copy lost. Where the scraper wrote the page's links as bold
// runs and dropped their addresses (the article says `lostLinks: bold`; the importer's rule is in
// src/import/lost-links.ts), a bold run is not the author's emphasis: a reader must not see it as such, nor
// as a link we could follow. Each becomes <span class="lost-link">: a dotted underline, no href, and its
// explanation in words, "(a link in the original; its address was not kept)", which the stylesheet adds after it,
// visually hidden, for screen readers (src/styles/global.css). Written once in the stylesheet rather than after
// every run, the words cost the page nothing, stay out of the search index and out of the text a note quotes; the
// article's header says what the dotted underline means for everyone else.
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export default function rehypeLostLinks() {
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    if (frontmatter?.lostLinks !== 'bold') return;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'strong' || !parent || index === undefined) return;
      parent.children.splice(index, 1, h('span', { className: ['lost-link'] }, node.children));
      return SKIP;
    });
  };
}
