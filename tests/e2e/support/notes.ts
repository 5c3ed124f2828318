// The notes each article declares, read from its frontmatter, so the tests follow the content.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
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
  const source = readFileSync(file, 'utf8');
  const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '';
  const data = parseYaml(frontmatter) as { annotations?: DeclaredNote[] };
  return data.annotations ?? [];
}
