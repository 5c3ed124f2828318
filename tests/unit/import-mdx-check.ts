// The importer's promise is that any draft compiles as MDX and shows the text exactly as the source read. The
// import tests check it through the real parsers the site uses (MDX 3 with GFM): compile with @mdx-js/mdx, and read
// the syntax tree with remark-parse + remark-mdx to see what a reader would see and that no JavaScript slipped in.

import { compile } from '@mdx-js/mdx';
import type { Heading, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

/** Node types MDX creates for JSX, `{expressions}` and `import`/`export`: none may come out of article text. */
const CODE_NODE_TYPES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm']);

export function parseMdx(mdx: string): Root {
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(mdx);
}

/** Compiles like the site does; rejects with MDX's own error message when the text is not valid MDX. */
export async function compileMdx(mdx: string): Promise<void> {
  await compile(mdx, { remarkPlugins: [remarkGfm] });
}

function walk(node: Nodes, visit: (node: Nodes) => boolean): void {
  if (!visit(node) || !('children' in node)) return;
  for (const child of node.children) walk(child, visit);
}

/** Every node of a type in CODE_NODE_TYPES, by type. */
export function codeNodeTypes(tree: Root): string[] {
  const found: string[] = [];
  walk(tree, (node) => {
    if (CODE_NODE_TYPES.has(node.type)) found.push(node.type);
    return true;
  });
  return found;
}

/** The text a reader sees, one entry per paragraph or heading (list items count as paragraphs), in order. */
export function visibleBlocks(tree: Root): string[] {
  const blocks: string[] = [];
  walk(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'code') return true;
    blocks.push(toString(node));
    return false;
  });
  return blocks;
}

export function headings(tree: Root): { depth: number; text: string }[] {
  return tree.children
    .filter((node): node is Heading => node.type === 'heading')
    .map((node) => ({ depth: node.depth, text: toString(node) }));
}

export function linkUrls(tree: Root): string[] {
  const urls: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'link') urls.push(node.url);
    return true;
  });
  return urls;
}

/** Splits a draft into its parsed YAML frontmatter and its MDX body, as Astro's content loader does. */
export function splitDraft(mdx: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx);
  if (!match) throw new Error('the draft does not start with a --- frontmatter block');
  return { frontmatter: parseYaml(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' };
}
