// Which file is article X. An article is Markdown (<slug>.md), or MDX (<slug>.mdx) when it needs one of the
// site's components; its address is the file name without the extension either way. Everything that goes from a
// slug to a file or back (the collection's glob, the build's citation lookups, edit links, the search index, the
// content check, benchmarks and tests) asks here, so a new extension is one line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The extensions an article may have, the usual one first. */
export const ARTICLE_EXTENSIONS = ['.md', '.mdx'] as const;

/** The glob the articles collection loads (src/content.config.ts). */
export const ARTICLE_GLOB = `*.{${ARTICLE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`;

/** The slug of an article file name ("x.md" → "x"), or undefined for a file that is not an article. */
export function articleSlug(fileName: string): string | undefined {
  const extension = ARTICLE_EXTENSIONS.find((candidate) => fileName.endsWith(candidate));
  return extension ? fileName.slice(0, -extension.length) : undefined;
}

/** The file of the article with this slug in an articles folder, whichever extension it has; undefined if none. */
export function findArticleFile(articlesDir: string, slug: string): string | undefined {
  return ARTICLE_EXTENSIONS.map((extension) => join(articlesDir, `${slug}${extension}`)).find((path) => existsSync(path));
}

/** How an article file's text is read: Markdown, or MDX for an .mdx file. */
export type ArticleFormat = 'md' | 'mdx';

export function articleFormat(path: string): ArticleFormat {
  return path.endsWith('.mdx') ? 'mdx' : 'md';
}
