// The notes each article declares, read from its frontmatter, so the tests follow the content.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { contentDir } from '../../../src/lib/deploy-settings.ts';

export interface DeclaredNote {
  id: string;
  kind: string;
  quote: string;
}

export function notesOf(slug: string): DeclaredNote[] {
  const source = readFileSync(join(contentDir(process.env), 'articles', `${slug}.mdx`), 'utf8');
  const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(source)?.[1] ?? '';
  const data = parseYaml(frontmatter) as { annotations?: DeclaredNote[] };
  return data.annotations ?? [];
}
