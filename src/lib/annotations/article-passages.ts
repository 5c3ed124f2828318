// The passages of an article read straight from its MDX file, numbered exactly as the page numbers them
// (p-1, p-2, …: paragraphs and list items, footnote definitions excluded). A note that cites another of
// our articles by quote is resolved against these, so the citation can link to the right paragraph.
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { passageLabel, type Passage } from './anchor-quote.ts';

export interface ArticleSummary {
  title: string;
  outlet: string;
  passages: Passage[];
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

function collect(node: Nodes, out: Passage[]): void {
  if (node.type === 'footnoteDefinition') return;
  if (node.type === 'paragraph') {
    const number = out.filter((p) => p.number !== undefined).length + 1;
    out.push({ text: toString(node), label: passageLabel(number), number });
    return;
  }
  if (node.type === 'heading') {
    out.push({ text: toString(node), label: passageLabel(undefined) });
    return;
  }
  if ('children' in node) for (const child of node.children) collect(child, out);
}

export function passagesOfMdx(body: string): Passage[] {
  const out: Passage[] = [];
  collect(parser.parse(body) as Root, out);
  return out;
}

export function readArticleSummary(source: string): ArticleSummary {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  const data = (match ? parseYaml(match[1]!) : {}) as Record<string, unknown>;
  return { title: String(data.title ?? ''), outlet: String(data.outlet ?? ''), passages: passagesOfMdx(match ? match[2]! : source) };
}
