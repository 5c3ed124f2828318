// "N min read" for an article page, from its Markdown text (the body the content model gives: src/content-model/).
// Markup and escapes are not words.

const WORDS_PER_MINUTE = 230;

/** Counts the words a reader reads in a Markdown/MDX body (links count by their text, not their URL). */
export function countWords(markdown: string): number {
  const text = markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[\\*_#>`~|]/g, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes, never less than one. */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(countWords(markdown) / WORDS_PER_MINUTE));
}
