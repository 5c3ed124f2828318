// The text below an article's or topic's frontmatter, parsed the way the site renders it (CommonMark with GFM for
// .md, MDX for .mdx), and the passages of that text (passages.ts), from the HTML tree the page is made of.
import type { Root as HtmlRoot } from 'hast';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { walkPassages, type Passage } from './passages.ts';

/** How a body is read: Markdown, or MDX (topics, and an article in an .mdx file). */
export type BodyFormat = 'md' | 'mdx';

/** The MDX nodes the MDX compiler passes through to the HTML tree untouched (@mdx-js/mdx does the same). */
const MDX_NODES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

const PARSERS: Record<BodyFormat, { parse: (text: string) => unknown }> = {
  md: unified().use(remarkParse).use(remarkGfm),
  mdx: unified().use(remarkParse).use(remarkMdx).use(remarkGfm),
};

const TO_HTML: Record<BodyFormat, { runSync: (tree: Root) => unknown }> = {
  md: unified().use(remarkRehype),
  mdx: unified().use(remarkRehype, { passThrough: MDX_NODES } as Parameters<typeof remarkRehype>[1]),
};

/** The Markdown syntax tree of a body. */
export function parseBody(body: string, format: BodyFormat): Root {
  return PARSERS[format].parse(body) as Root;
}

/** The HTML tree of a parsed body, as the site's pipeline makes it before its own plugins run. */
export function htmlTreeOf(tree: Root, format: BodyFormat): HtmlRoot {
  return TO_HTML[format].runSync(tree) as HtmlRoot;
}

/** The passages of a parsed body, numbered as its page numbers them. */
export function passagesOfTree(tree: Root, format: BodyFormat): Passage[] {
  return walkPassages(htmlTreeOf(tree, format));
}

/** The passages of a body (the text below the frontmatter). */
export function passagesOf(body: string, format: BodyFormat): Passage[] {
  return passagesOfTree(parseBody(body, format), format);
}
