// Which topics each note of an article is about. The page shows a note's text but not its topics, so they
// are read from the article's frontmatter (`annotations: - id, topics`), the one place they are written.
import { parse as parseYaml } from 'yaml';

/** Note id → its topic slugs, for every annotation that lists topics. Unreadable frontmatter gives none. */
export function noteTopicsFromSource(mdx: string): Map<string, string[]> {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(mdx)?.[1];
  const topics = new Map<string, string[]>();
  if (!frontmatter) return topics;
  let data: unknown;
  try {
    data = parseYaml(frontmatter);
  } catch {
    return topics; // The build has already refused a broken frontmatter; nothing to add here.
  }
  const annotations = (data as { annotations?: unknown })?.annotations;
  if (!Array.isArray(annotations)) return topics;
  for (const note of annotations as { id?: unknown; topics?: unknown }[]) {
    if (typeof note?.id !== 'string' || !Array.isArray(note.topics)) continue;
    topics.set(note.id, note.topics.filter((t): t is string => typeof t === 'string'));
  }
  return topics;
}
