// The topics as an article's text links them: each topic file's slug and aliases, read through the content model.
// One reading for the plugin that links the mentions (src/plugins/rehype-topic-links.ts) and for the name of the
// cached article HTML that depends on them (topicsDigest in html-cache.ts), so the two never disagree on what counts,
// and one look at the folder for both to know when to read them again.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readEntry } from './entry.ts';

export interface TopicAliases {
  topic: string;
  aliases: string[];
}

/** What each folder held when it was last read (each file's name, size and time), and what was read. */
const read = new Map<string, { stamp: string; topics: TopicAliases[] }>();

/** Every .mdx file of `dir`, in name order, with its size and time then; none when there is no such folder. */
function topicFiles(dir: string): { files: string[]; stamp: string } {
  try {
    const files = readdirSync(dir)
      .filter((file) => file.endsWith('.mdx'))
      .sort();
    const stamp = files.map((file) => {
      const stat = statSync(join(dir, file), { throwIfNoEntry: false });
      return `${file}:${stat?.size}:${stat?.mtimeMs}`;
    });
    return { files, stamp: stamp.join('|') };
  } catch {
    return { files: [], stamp: '' };
  }
}

/**
 * Every topic in `dir` (topics/) whose frontmatter reads, in file-name order, with its aliases as text. Read again
 * only when a topic file came, went or changed its size or time; until then the same array is returned, so a caller
 * may keep what it builds from it for as long as it gets that array back.
 */
export function readTopicAliases(dir: string): readonly TopicAliases[] {
  const { files, stamp } = topicFiles(dir);
  const last = read.get(dir);
  if (last?.stamp === stamp) return last.topics;
  const topics = files.flatMap((file) => {
    const entry = readEntry('topic', join(dir, file));
    if (!entry?.yamlOk) return [];
    const aliases: unknown[] = Array.isArray(entry.data.aliases) ? entry.data.aliases : [];
    return [{ topic: basename(file, '.mdx'), aliases: aliases.map(String) }];
  });
  read.set(dir, { stamp, topics });
  return topics;
}
