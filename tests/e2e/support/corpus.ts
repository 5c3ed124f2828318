// What the end-to-end tests expect to see, read from the same content files the site is built from, through the
// site's own content model (src/content-model/), so the tests follow the corpus and its one definition of a passage.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEntry } from '../../../src/content-model/entry.ts';
import { articleSlug } from '../../../src/lib/article-files.ts';
import { contentDir } from '../../../src/lib/deploy-settings.ts';
import { scalarText } from '../../../src/lib/scalar-text.ts';

export interface ArticleFile {
  slug: string;
  /** The file, relative to the content root: articles/<slug>.md (or .mdx). */
  file: string;
  title: string;
  outlet: string;
  author?: string;
  published: Date;
  originalUrl?: string;
  /** The outlet a republished piece first ran in. */
  republishedFrom?: string;
  /** The credit line printed with a republished piece. */
  credit?: string;
  /** `bold` when the text's bold runs were the original's links (their addresses lost). */
  lostLinks?: string;
  topics: string[];
  /** The visible text of each passage of the body, in order: what a reader should find on the page. */
  blocks: string[];
  /** How many numbered passages (paragraphs and list items) the body has: each gets a p-N anchor. */
  passages: number;
  /** The margin notes written in its frontmatter. */
  notes: { id: string; kind: string }[];
}

/** The visible text of a passage, white space folded as a page's text is compared. */
export function visibleText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function readArticles(root = contentDir(process.env)): ArticleFile[] {
  const folder = join(root, 'articles');
  return readdirSync(folder)
    .filter((name) => articleSlug(name) !== undefined)
    .map((name) => {
      const entry = readEntry('article', resolve(folder, name));
      if (!entry?.yamlOk || !entry.body) throw new Error(`${name}: no frontmatter`);
      const { data } = entry;
      const passages = entry.body.passages ?? [];
      return {
        slug: articleSlug(name)!,
        file: `articles/${name}`,
        title: String(data.title),
        outlet: String(data.outlet),
        author: data.author ? scalarText(data.author) : undefined,
        published: data.published instanceof Date ? data.published : new Date(String(data.published)),
        originalUrl: data.originalUrl ? scalarText(data.originalUrl) : undefined,
        republishedFrom: data.republishedFrom ? scalarText(data.republishedFrom) : undefined,
        credit: data.credit ? scalarText(data.credit) : undefined,
        lostLinks: data.lostLinks ? scalarText(data.lostLinks) : undefined,
        topics: Array.isArray(data.topics) ? data.topics.map(String) : [],
        blocks: passages.map((passage) => visibleText(passage.text)).filter(Boolean),
        passages: passages.filter((passage) => passage.number !== undefined).length,
        notes: (Array.isArray(data.annotations) ? data.annotations : []).map((note: { id: unknown; kind: unknown }) => ({
          id: String(note.id),
          kind: String(note.kind),
        })),
      } satisfies ArticleFile;
    });
}

/** Each topic's title by its slug (its file name), as the site names it. */
export function readTopicTitles(root = contentDir(process.env)): Map<string, string> {
  const folder = join(root, 'topics');
  return new Map(
    readdirSync(folder)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => [name.slice(0, -'.mdx'.length), String(readEntry('topic', resolve(folder, name))?.data.title)]),
  );
}
