// A content file split the way Astro splits it, for code that only needs what a field holds (a title, a note's
// topics) or the text below the frontmatter, not where anything is written. Astro's own parseFrontmatter and
// extractFrontmatter (js-yaml, about eight times faster than the `yaml` package's Document API, which the content
// check keeps for its line-and-column messages: src/lib/content-check/frontmatter.ts), so these are the values and
// the body the pages see.
import { extractFrontmatter, parseFrontmatter } from '@astrojs/markdown-remark';

/** The frontmatter's fields, or {} when the file has none. Throws on YAML that does not parse. */
export function frontmatterValues(source: string): Record<string, unknown> {
  return parseFrontmatter(source).frontmatter;
}

/** The text below a file's frontmatter, trimmed, without parsing the frontmatter: what Astro takes as the body. */
export function bodyOf(source: string): string {
  const raw = extractFrontmatter(source);
  return (raw === undefined ? source : source.replace(`---${raw}---`, '')).trim();
}
