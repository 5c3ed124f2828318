// The values of a content file's frontmatter, for code that only needs what a field holds (a title, a note's
// topics), not where it is written. Read with js-yaml, the reader Astro itself uses for frontmatter, so these
// values are the ones the pages see; it is about eight times faster than the `yaml` package's Document API,
// which the content check keeps for its line-and-column messages (src/lib/content-check/frontmatter.ts).
import { load } from 'js-yaml';

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;

export interface FrontmatterValues {
  /** The fields, or {} when the file has no frontmatter or it is not a mapping. */
  data: Record<string, unknown>;
  /** The text below the frontmatter (the whole file when there is none). */
  body: string;
}

/** Splits a file's text into its frontmatter's values and its body. Throws on YAML that does not parse. */
export function readFrontmatter(source: string): FrontmatterValues {
  const match = FRONTMATTER.exec(source);
  if (!match) return { data: {}, body: source };
  const value = load(match[1]!);
  const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { data, body: match[2]! };
}
