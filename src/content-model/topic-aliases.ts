// The topics as an article's text links them: each topic file's slug and aliases, read through the content model.
// One reading for the plugin that links the mentions (src/plugins/rehype-topic-links.ts) and for the name of the
// cached article HTML that depends on them (topicsDigest in html-cache.ts), so the two never disagree on what counts.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readEntry } from './entry.ts';

export interface TopicAliases {
  topic: string;
  aliases: string[];
}

/** Every topic in `dir` (topics/) whose frontmatter reads, in file-name order, with its aliases as text. */
export function readTopicAliases(dir: string): TopicAliases[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((file) => file.endsWith('.mdx'))
      .sort();
  } catch {
    files = [];
  }
  return files.flatMap((file) => {
    const entry = readEntry('topic', join(dir, file));
    if (!entry?.yamlOk) return [];
    const aliases: unknown[] = Array.isArray(entry.data.aliases) ? entry.data.aliases : [];
    return [{ topic: basename(file, '.mdx'), aliases: aliases.map(String) }];
  });
}
