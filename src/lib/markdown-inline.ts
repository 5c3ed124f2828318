// Short Markdown written in frontmatter (note bodies, figure disagreements) turned into HTML, with site links
// made to honour the deploy base and outside links marked rel="external". Raw HTML in the
// Markdown is not passed through; a link to an event names the timeline page that lists it, when the caller knows
// the pages. One place, so a note reads the same in the margin and on a topic page.
import type { Element, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { EXTERNAL_REL } from './external-links.ts';
import { onItsPage } from './timeline/timeline-pages.ts';
import { joinBase } from './urls.ts';

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);
const toHtml = unified().use(rehypeStringify);

/** `eventPages` (the timeline page of each event) points links to events at their page: for a page's own Markdown;
 * in articles and topics, rehype-event-links does it for the text and the notes. */
export function markdownToHast(markdown: string, base: string, eventPages?: ReadonlyMap<string, number>): Root {
  const tree = toHast.runSync(toHast.parse(markdown));
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string') return;
    if (href.startsWith('/')) node.properties.href = joinBase(base, eventPages ? onItsPage(href, eventPages) : href);
    else if (/^https?:/.test(href)) node.properties.rel = [...EXTERNAL_REL];
  });
  return tree;
}

/** HTML for text that sits inside the caller's own paragraph: a single paragraph is unwrapped. */
export function renderInlineMarkdown(markdown: string, base: string, eventPages?: ReadonlyMap<string, number>): string {
  const tree = markdownToHast(markdown, base, eventPages);
  const elements = tree.children.filter((c) => c.type === 'element');
  const only = elements[0];
  if (elements.length === 1 && only?.type === 'element' && only.tagName === 'p') tree.children = only.children;
  return toHtml.stringify(tree).trim();
}
