// What the end-to-end tests expect to see, read from the same content files the site is built from, so the
// tests follow the corpus instead of hard-coding it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleSlug } from '../../../src/lib/article-files.ts';
import { contentDir } from '../../../src/lib/deploy-settings.ts';

export interface ArticleFile {
  slug: string;
  /** The file, relative to the content root: articles/<slug>.md (or .mdx). */
  file: string;
  title: string;
  outlet: string;
  author?: string;
  published: Date;
  originalUrl?: string;
  /** The credit line printed with a republished piece. */
  credit?: string;
  /** `bold` when the text's bold runs were the original's links (their addresses lost). */
  lostLinks?: string;
  topics: string[];
  /** The visible text of each block of the body, in order: what a reader should find on the page. */
  blocks: string[];
  /** How many passages (paragraphs and list items) the body has: each gets a p-N anchor. */
  passages: number;
}

function countPassages(rawBlocks: string[]): number {
  return rawBlocks.reduce((sum, block) => {
    if (/^#{1,6}\s/.test(block)) return sum;
    const items = block.split('\n').filter((line) => /^[-*+]\s/.test(line)).length;
    return sum + (items || 1);
  }, 0);
}

/** The visible text of a Markdown block: emphasis, heading and list markers and escapes removed. */
export function visibleText(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^[-*+]\s+/gm, '')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|(?<!\\)[*_]/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>&$|~"'])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function readArticles(root = contentDir(process.env)): ArticleFile[] {
  const folder = join(root, 'articles');
  return readdirSync(folder)
    .filter((name) => articleSlug(name) !== undefined)
    .map((name) => {
      const source = readFileSync(join(folder, name), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
      if (!match) throw new Error(`${name}: no frontmatter`);
      const data = parseYaml(match[1] ?? '') as Record<string, unknown>;
      const body = (match[2] ?? '').replace(/^\[\^[^\]]+\]:.*$/gm, '');
      const rawBlocks = body.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
      return {
        slug: articleSlug(name)!,
        file: `articles/${name}`,
        title: String(data.title),
        outlet: String(data.outlet),
        author: data.author ? String(data.author) : undefined,
        published: new Date(String(data.published instanceof Date ? data.published.toISOString() : data.published)),
        originalUrl: data.originalUrl ? String(data.originalUrl) : undefined,
        credit: data.credit ? String(data.credit) : undefined,
        lostLinks: data.lostLinks ? String(data.lostLinks) : undefined,
        topics: Array.isArray(data.topics) ? data.topics.map(String) : [],
        blocks: rawBlocks.map(visibleText),
        passages: countPassages(rawBlocks),
      } satisfies ArticleFile;
    });
}
