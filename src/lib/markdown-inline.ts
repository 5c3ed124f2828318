// Short Markdown written in frontmatter (note bodies, figure disagreements) turned into HTML, with site links
// made to honour the deploy base and outside links marked rel="external". Raw HTML in the
// Markdown is not passed through; a link to an event names the timeline page that lists it, when the caller knows
// the pages. One place, so a note reads the same in the margin and on a topic page.
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXTERNAL_REL } from './external-links.ts';
import { eachElement } from './hast-elements.ts';
import { onItsPage } from './timeline/timeline-pages.ts';
import { joinBase } from './urls.ts';

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);
const toHtml = unified().use(rehypeStringify);

/** Anything that can be Markdown (or GFM) syntax inside one line: escapes, code, emphasis, strikethrough, entities,
 * HTML, links and images, bare web and mail addresses, and control characters (line breaks, tabs, NUL). */
const INLINE_SYNTAX = /[\p{Cc}\\`*_~&<>[\]@]|:\/\/|www\./iu;
/** What turns a line into a block other than a paragraph by its start: a list item or a heading (a quote's `>` is
 * refused anywhere in the line). */
const BLOCK_START = /^(?:[-+=#]|\d{1,9}[.)])/;

/**
 * The text of Markdown that is one line of prose without any syntax (line breaks and spaces after it aside, as YAML's
 * `|` leaves them), which the parser makes a single paragraph holding exactly that text; undefined for anything else.
 * Most note bodies are such sentences (about seven in ten at 1,000 articles): building them directly spares a parse
 * each. The unit tests hold this to the parser.
 */
export function plainProse(markdown: string): string | undefined {
  const text = markdown.replace(/[ \t\r\n]+$/, '');
  if (text === '' || text !== text.trimStart() || INLINE_SYNTAX.test(text) || BLOCK_START.test(text)) return undefined;
  return text;
}

/** `eventPages` (the timeline page of each event) points links to events at their page: for a page's own Markdown;
 * in articles and topics, rehype-event-links does it for the text and the notes. */
export function markdownToHast(markdown: string, base: string, eventPages?: ReadonlyMap<string, number>): Root {
  const text = plainProse(markdown);
  if (text !== undefined) return { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] }] };
  const tree = toHast.runSync(toHast.parse(markdown));
  eachElement(tree, (node) => {
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
