// Content files read and written back by tools that rewrite content (the benchmark's corpus generator,
// src/bench/): the frontmatter's values as written, so a date stays the text 2024-09-05 rather than becoming a
// timestamp, and a file written back reads as it did. The site itself never reads content this way: its one reader is
// entry.ts, through frontmatter.ts, which reads YAML as Astro does. Both live here, so no code outside the content
// model splits a file or parses YAML.
import { parse, stringify } from 'yaml';
import { splitFrontmatter } from './frontmatter.ts';

type Values = Record<string, unknown>;

/** The values of a YAML text as written (strings stay strings); {} for an empty text. */
export function yamlAsWritten(text: string): Values {
  return (parse(text) ?? {}) as Values;
}

/** An article or topic file's frontmatter values as written, and the text below it (untrimmed). */
export function frontmatterAsWritten(text: string): { data: Values; body: string } {
  const split = splitFrontmatter(text);
  if (!split.ok) return { data: {}, body: text };
  return { data: yamlAsWritten(split.yaml), body: split.body };
}

/** YAML text for values, one scalar per line however long. */
export function yamlText(data: Values): string {
  return stringify(data, { lineWidth: 0 });
}

/** An article file of frontmatter values and a body. */
export function fileWithFrontmatter(data: Values, body: string): string {
  return `---\n${yamlText(data)}---\n\n${body.trim()}\n`;
}

/** A file's text with the text below its frontmatter rewritten by `change` and the frontmatter kept byte for byte
 * (the whole text is the body of a file without frontmatter); undefined when `change` gives undefined. */
export function withBodyChanged(text: string, change: (body: string) => string | undefined): string | undefined {
  const split = splitFrontmatter(text);
  const body = split.ok ? split.body : text;
  const changed = change(body);
  return changed === undefined ? undefined : text.slice(0, text.length - body.length) + changed;
}
