// The notes each article declares, read from its frontmatter, so the tests follow the content.
import { join, resolve } from 'node:path';
import { readEntry } from '../../../src/content-model/entry.ts';
import { findArticleFile } from '../../../src/lib/article-files.ts';
import { contentDir } from '../../../src/lib/deploy-settings.ts';

export interface DeclaredNote {
  id: string;
  kind: string;
  quote: string;
}

export function notesOf(slug: string): DeclaredNote[] {
  const file = findArticleFile(join(contentDir(process.env), 'articles'), slug);
  if (!file) throw new Error(`There is no article "${slug}".`);
  const data = readEntry('article', resolve(file))?.data as { annotations?: DeclaredNote[] } | undefined;
  return data?.annotations ?? [];
}
