// Text put into HTML or SVG markup by hand (a search result's found-by line, the benchmark's charts) rather than by
// a renderer that escapes it: the characters that would open a tag, an entity or end an attribute's quotes.

/** The text, safe inside an element or a double-quoted attribute. */
export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
