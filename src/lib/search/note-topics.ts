// Which topics each note of an article is about. The page shows a note's text but not its topics, so they
// are read from the article's frontmatter (`annotations: - id, topics`), the one place they are written.
import { frontmatterValues } from '../../content-model/frontmatter.ts';

/** Note id → its topic slugs, for every annotation that lists topics. Unreadable frontmatter gives none. */
export function noteTopicsFromSource(mdx: string): Map<string, string[]> {
  const topics = new Map<string, string[]>();
  let data: unknown;
  try {
    data = frontmatterValues(mdx);
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
