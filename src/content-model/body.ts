// The text below an article's or topic's frontmatter, parsed the way the site renders it (CommonMark with GFM for
// .md, MDX for .mdx), and the passages of that text (passages.ts), from the HTML tree the page is made of. A
// Markdown article's body is parsed as its page renders it, trimmed, with its positions moved back to the body as
// written (parseRenderedBody), so the content check and the renderer can share one tree (body-trees.ts).
import type { Root as HtmlRoot } from 'hast';
import type { Root } from 'mdast';
import type { Node, Point } from 'unist';
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

/** Where a trimmed body sits in the body as written: the lines before it, the columns before it on its first line,
 * and the characters before it. */
export interface BodyShift {
  lines: number;
  columns: number;
  offset: number;
}

/** The text a page renders of a body as written (trimmed, as Astro trims it) and where it sits in it. */
export function trimmedBody(body: string): { text: string; shift: BodyShift } {
  const start = body.length - body.trimStart().length;
  const before = body.slice(0, start);
  const lines = before.split('\n').length - 1;
  return { text: body.trim(), shift: { lines, columns: start - (before.lastIndexOf('\n') + 1), offset: start } };
}

/** Moves every position of a tree parsed from a trimmed body to where it is in the body as written. */
export function shiftPositions(tree: Node, shift: BodyShift): void {
  const move = (point: Point) => {
    if (point.line === 1) point.column += shift.columns;
    point.line += shift.lines;
    if (point.offset !== undefined) point.offset += shift.offset;
  };
  const visit = (node: Node) => {
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    const children = (node as { children?: Node[] }).children;
    if (children) for (const child of children) visit(child);
  };
  visit(tree);
}

/**
 * A Markdown body parsed as its page renders it (trimmed), with positions in the body as written (so the content
 * check's line numbers stay the file's), and the tree as parsed, in JSON, for the renderer (body-trees.ts).
 */
export function parseRenderedBody(body: string): { tree: Root; text: string; json: string } {
  const { text, shift } = trimmedBody(body);
  const tree = parseBody(text, 'md');
  const json = JSON.stringify(tree);
  shiftPositions(tree, shift);
  return { tree, text, json };
}
