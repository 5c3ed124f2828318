// The importer's promise is that any draft shows the text exactly as the source read, when the site renders it as
// Markdown (CommonMark with GFM, Astro's pipeline), with nothing in it that Markdown would publish as markup: raw
// HTML (which Astro passes through as it is), code, a table, a strikethrough. The draft also stays valid MDX with no
// code in it, so an article can become .mdx without re-escaping. The import tests check all of it through the real
// parsers: remark-parse + remark-gfm for Markdown, and remark-mdx on top for MDX (which throws on invalid MDX).

import type { Heading, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { frontmatterValues, splitFrontmatter } from '../../../src/content-model/frontmatter.ts';
import { normaliseText } from '../../../src/import/markdown-escape.ts';

const markdown = unified().use(remarkParse).use(remarkGfm);
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

export function parseMarkdown(text: string): Root {
  return markdown.parse(text);
}

/** Parses as MDX; throws MDX's own error when the text is not valid MDX. */
export function parseMdx(text: string): Root {
  return mdx.parse(text);
}

/**
 * Node types Markdown makes that never come out of article text: raw HTML, code, tables, strikethrough, rules,
 * images, reference links and footnotes (the importer keeps only emphasis, headings, lists, quotes and web links).
 */
const MARKUP_NODE_TYPES = new Set([
  'html',
  'code',
  'inlineCode',
  'table',
  'delete',
  'thematicBreak',
  'image',
  'imageReference',
  'linkReference',
  'definition',
  'footnoteReference',
  'footnoteDefinition',
]);

/** Node types MDX creates for JSX, `{expressions}` and `import`/`export`: none may come out of article text. */
const CODE_NODE_TYPES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm']);

function walk(node: Nodes, visit: (node: Nodes) => boolean): void {
  if (!visit(node) || !('children' in node)) return;
  for (const child of node.children) walk(child, visit);
}

function typesIn(tree: Root, types: ReadonlySet<string>): string[] {
  const found: string[] = [];
  walk(tree, (node) => {
    if (types.has(node.type)) found.push(node.type);
    return true;
  });
  return found;
}

/** Every node of a type in MARKUP_NODE_TYPES, by type (Markdown). */
export const markupNodeTypes = (tree: Root) => typesIn(tree, MARKUP_NODE_TYPES);

/** Every node of a type in CODE_NODE_TYPES, by type (MDX). */
export const codeNodeTypes = (tree: Root) => typesIn(tree, CODE_NODE_TYPES);

/** The text a reader sees in a node; a hard line break shows as a new line. */
function shown(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if ('value' in node && node.type !== 'html') return node.value;
  return 'children' in node ? node.children.map(shown).join('') : '';
}

/**
 * The text a reader sees, one entry per paragraph, heading or code block (list items count as paragraphs), in
 * order. Raw HTML shows nothing: the browser reads it as tags.
 */
export function visibleBlocks(tree: Root): string[] {
  const blocks: string[] = [];
  walk(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'code') return true;
    blocks.push(shown(node));
    return false;
  });
  return blocks;
}

export function headings(tree: Root): { depth: number; text: string }[] {
  return tree.children.filter((node): node is Heading => node.type === 'heading').map((node) => ({ depth: node.depth, text: shown(node) }));
}

export function linkUrls(tree: Root): string[] {
  const urls: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'link') urls.push(node.url);
    return true;
  });
  return urls;
}

/** Splits a draft into its parsed YAML frontmatter and its Markdown body, with the site's content model. */
export function splitDraft(draft: string): { frontmatter: Record<string, unknown>; body: string } {
  const split = splitFrontmatter(draft);
  if (!split.ok) throw new Error('the draft does not start with a --- frontmatter block');
  return { frontmatter: frontmatterValues(draft), body: split.body };
}

/**
 * What must reach the reader unchanged, in order: everything but white space and the characters the Markdown the
 * importer keeps may consume (emphasis, escapes, list, quote and heading markers, link and image syntax).
 */
export function mustShow(text: string): string {
  return text.replace(/[\s*_\\#>\-+•[\]()!.\d]/g, '');
}

/** The source with the lines the importer removed as page debris (headline included) taken out. */
export function keptLines(source: string, removed: readonly { line: number; text: string }[]): string {
  const gone = new Set(removed.flatMap((block) => block.text.split('\n').map((_, offset) => block.line + offset)));
  return normaliseText(source)
    .split('\n')
    .filter((_, index) => !gone.has(index + 1))
    .join('\n');
}
