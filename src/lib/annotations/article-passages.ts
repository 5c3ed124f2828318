// The passages of an article's text (article-file.ts reads them from disk), numbered exactly as the page numbers them (p-1, p-2, …:
// paragraphs and list items, footnote definitions excluded). A note that cites another of our articles by quote is
// resolved against these, so the citation can link to the right paragraph. The text is parsed the way the site
// renders it: as Markdown (CommonMark with GFM) for an .md article, as MDX for an .mdx one.
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ArticleFormat } from '../article-files.ts';
import { passageLabel, type Passage } from './anchor-quote.ts';

export interface ArticleSummary {
  title: string;
  outlet: string;
  passages: Passage[];
}

const PARSERS: Record<ArticleFormat, { parse: (text: string) => Nodes }> = {
  md: unified().use(remarkParse).use(remarkGfm),
  mdx: unified().use(remarkParse).use(remarkMdx).use(remarkGfm),
};

/** The syntax tree of an article's text, as the site's Markdown or MDX pipeline reads it. */
export function parseArticleBody(body: string, format: ArticleFormat): Root {
  return PARSERS[format].parse(body) as Root;
}

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

/** The passages of a parsed article text. */
export function passagesOfTree(tree: Root): Passage[] {
  const out: Passage[] = [];
  collect(tree, out);
  return out;
}

/** The passages of an article's text (below its frontmatter). */
export function passagesOf(body: string, format: ArticleFormat): Passage[] {
  return passagesOfTree(parseArticleBody(body, format));
}
