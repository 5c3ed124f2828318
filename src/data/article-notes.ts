// An article's margin notes, as the pages use them (the topic index, the open data, the page keys, the article page's
// search facets): read from the content model (src/content-model/), which holds every file as the content check read
// it, and checked by the same schema as the rest of the frontmatter. The content store keeps the frontmatter without
// them (storedArticleSchema in src/schemas/article.ts says why). In `astro dev` the model reads a file again as soon
// as it changes on disk, so an edited note shows without waiting for Astro to save its store.
import { resolve } from 'node:path';
import type { CollectionEntry } from 'astro:content';
import { readEntry } from '../content-model/entry.ts';
import { annotationListSchema, type Annotation } from '../schemas/annotation.ts';

/** Each article file's notes, with the digest of the version they were read from. */
const known = new Map<string, { digest: string; notes: Annotation[] }>();

/**
 * The notes of an article, in the order of its file. None for a file the model cannot read, or whose notes do not
 * pass the schema: the content check reports those, and a build does not start with them.
 */
export function notesOf(article: Pick<CollectionEntry<'articles'>, 'id' | 'filePath'>): Annotation[] {
  if (!article.filePath) return [];
  const path = resolve(article.filePath);
  const entry = readEntry('article', path);
  if (!entry) return [];
  const last = known.get(path);
  if (last?.digest === entry.digest) return last.notes;
  const parsed = annotationListSchema.safeParse(entry.data.annotations ?? []);
  const notes = parsed.success ? parsed.data : [];
  known.set(path, { digest: entry.digest, notes });
  return notes;
}
