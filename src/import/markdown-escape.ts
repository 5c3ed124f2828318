// Scraped article text is Markdown-flavoured plain text, and the site renders articles as Markdown (CommonMark with
// GFM), where `<` starts raw HTML that is published as it is, `&amp;` is a character reference, four leading spaces
// make code, and `|` or `~` lines can make tables and fences. A `<script>` in a scrape must never run, and one
// stray character must not turn a story into a table. So this module keeps only the small Markdown subset scrapers
// really produce (bold, italic, headings, lists, block quotes, links to a real web address, backslash escapes) and
// turns everything else Markdown would read as markup into literal text: any input reads exactly as it was written.
//
// The escaped text is also valid MDX that reads the same (`{`, `}` and a line starting with `import ` or `export `
// are made literal too), so an article can become .mdx later, to use one of the site's components, unchanged.
//
// Decision on line-start markers (`## `, `> `, `- `, `* `, `+ `, `1. `): they are kept as Markdown. Scrapers write
// them on purpose when they turn a page's HTML into text, so the importer never guesses that one was literal.

/** Characters a backslash can escape in Markdown: ASCII punctuation (CommonMark). */
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;

/**
 * A link or image: `[label](target)`, allowing one level of parentheses in the target (Wikipedia-style URLs).
 * Sticky, so it is tried only where the scanner stands.
 */
const LINK = /(!?)\[([^[\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)/y;

/** A target worth keeping as a link; `#`, empty, relative and `javascript:` targets are not. */
const WEB_ADDRESS = /^https?:\/\/[^\s<>]+$/i;

/** `&amp;`, `&#123;`, `&#x7b;`: Markdown would decode these, so a literal one needs its `&` escaped. */
const CHARACTER_REFERENCE = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/iy;

/**
 * Characters that always become literal: `<` opens raw HTML, an HTML comment or an autolink (`<https://x>`), which
 * Markdown publishes or links as they are (and MDX reads as JSX); a backtick opens code (inside which our escapes
 * would show); `~` makes strikethrough or a `~~~` code fence; `[` could start a link to a target we did not vet; `{`
 * and `}` are MDX expressions.
 */
const ALWAYS_LITERAL = new Set(['{', '}', '<', '`', '~', '[']);

/**
 * A bare web address, which GFM turns into a link running to the next space or `<`. Inside it a backslash is part of
 * the address, not an escape: `http://x.y\<b>` would keep a raw `<`.
 */
const BARE_URL = /(?:https?:\/\/|www\.)\S*/iy;

/** What escapeMarkdownInline would change, or a backslash: inside a bare address, either needs the autolink broken. */
const NEEDS_ESCAPING = /[{}<`~[\\]|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/** Typographic bullets scrapers copy from web pages; they become Markdown list items. */
const TYPOGRAPHIC_BULLET = /^[•◦▪‣∙●]\s*/;

/** Markdown block markers kept as Markdown (see the decision above). */
const BLOCK_MARKER = /^(?:#{1,6}(?=\s|$)|>|[-*+](?=\s)|\d{1,9}[.)](?=\s))\s*/;

/**
 * A line Markdown reads as a rule or an underline whatever comes before it: a thematic break or setext underline
 * (`---`, `===`, `* * *`), or a GFM table's delimiter row (`-|-`, `:--`), which turns the line above into a table.
 */
const RULE_LINE = /^(?:[-*_=](?:\s*[-*_=])*|[\s|:-]*-[\s|:-]*)\s*$/;

/** MDX reads a line starting with `import ` or `export ` (at column 1) as an ES module statement. */
const MODULE_KEYWORD = /^(?:import|export) /;

/**
 * What Markdown would read as block syntax at the start of a line of paragraph text: a heading, a quote, a list item,
 * a rule, underline or table delimiter ("1. 3 billion" after a line break would otherwise become a list).
 */
const ACCIDENTAL_BLOCK_START = /^(?:#{1,6}(?=\s|$)|>|[-*+](?=\s|$)|\d{1,9}[.)](?=\s|$))/;

/** Drops a leading byte-order mark and turns CRLF and lone CR line endings into LF. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Escapes inline text (no block markers) so Markdown shows it exactly as the reader saw it. */
export function escapeMarkdownInline(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    const next = text.charAt(index + 1);
    if (char === '\\' && ASCII_PUNCTUATION.test(next)) {
      // An escape the scraper already wrote (`\$`): it renders as the reader saw it, so it passes through as a pair.
      out += char + next;
      index += 2;
      continue;
    }
    if (char === '\\' && next === '') {
      // A backslash ending a line would be a line break, and vanish.
      out += '\\\\';
      index += 1;
      continue;
    }
    if (char === '[' || (char === '!' && next === '[')) {
      LINK.lastIndex = index;
      const link = LINK.exec(text);
      if (link) {
        const [whole, bang = '', label = '', target = ''] = link;
        const shown = escapeMarkdownInline(label);
        // Images become their alt text: the site does not hotlink a source's pictures.
        out += bang === '' && WEB_ADDRESS.test(target) ? `[${shown}](${target})` : shown;
        index += whole.length;
        continue;
      }
    }
    if (/[hw]/i.test(char)) {
      BARE_URL.lastIndex = index;
      const address = BARE_URL.exec(text)?.[0];
      if (address !== undefined && NEEDS_ESCAPING.test(address)) {
        // Escaping the ":" of "http://" (or the "." of "www.") stops GFM from linking the address, so the escapes
        // after it work; the reader sees the same characters, unlinked.
        const breakAt = /^www\./i.test(address) ? 3 : address.indexOf(':');
        out += `${address.slice(0, breakAt)}\\`;
        index += breakAt;
        continue;
      }
    }
    if (char === '&') {
      CHARACTER_REFERENCE.lastIndex = index;
      if (CHARACTER_REFERENCE.test(text)) out += '\\';
    }
    out += ALWAYS_LITERAL.has(char) ? `\\${char}` : char;
    index += 1;
  }
  return out;
}

/** Gives a line starting with `import ` or `export ` its first letter as a reference (`&#105;`): same text, no ESM. */
function protectModuleKeyword(escaped: string): string {
  return MODULE_KEYWORD.test(escaped) ? `&#${escaped.charCodeAt(0)};${escaped.slice(1)}` : escaped;
}

/** Whether Markdown would read the line as a rule, an underline or a table delimiter rather than as text. */
export function isRuleLine(line: string): boolean {
  return RULE_LINE.test(line.trimStart());
}

/** A backslash before the first character of a line that would otherwise be a rule, an underline or a table delimiter. */
function protectRuleLine(escaped: string): string {
  return isRuleLine(escaped) ? `\\${escaped}` : escaped;
}

/**
 * Escapes a line already known to be paragraph or list-item text: inline escapes, plus a backslash before any
 * block syntax it happens to start with, so that it stays text (`1\. 3 billion`, `\- and so on`, `\> quoted`).
 */
export function escapeMarkdownParagraphLine(text: string): string {
  const escaped = escapeMarkdownInline(text.trimStart());
  if (!ACCIDENTAL_BLOCK_START.test(escaped)) return protectRuleLine(protectModuleKeyword(escaped));
  return /^\d/.test(escaped) ? escaped.replace(/^(\d+)([.)])/, '$1\\$2') : `\\${escaped}`;
}

/** Escapes heading text; a trailing " #" would otherwise be read as the heading's optional closing sequence. */
export function escapeMarkdownHeading(text: string): string {
  return escapeMarkdownInline(text.trim()).replace(/(^|\s)(#+)$/, '$1\\$2');
}

/**
 * Escapes one line of free text: leading whitespace goes (so no indentation can mean code or nesting), a
 * typographic bullet becomes `- `, a Markdown block marker is kept (see the decision above), and the rest is
 * escaped as paragraph text (so a line that would be a rule, an underline or a table delimiter stays text).
 */
export function escapeMarkdownLine(line: string): string {
  const content = line.trimStart();
  const bullet = TYPOGRAPHIC_BULLET.exec(content);
  if (bullet) return `- ${escapeMarkdownParagraphLine(content.slice(bullet[0].length))}`;
  // "- - -" is a thematic break before it is a list item.
  const marker = isRuleLine(content) ? null : BLOCK_MARKER.exec(content);
  if (marker) {
    const rest = content.slice(marker[0].length);
    return `${marker[0].trimEnd()} ${marker[0].startsWith('#') ? escapeMarkdownHeading(rest) : escapeMarkdownParagraphLine(rest)}`;
  }
  return escapeMarkdownParagraphLine(content);
}

/** Escapes a whole Markdown-flavoured text, line by line, so that it reads as written. */
export function escapeMarkdown(text: string): string {
  return normaliseText(text).split('\n').map(escapeMarkdownLine).join('\n');
}

/**
 * The plain text of a one-line Markdown snippet, for frontmatter values (title, author, outlet names), which the
 * site prints as text: heading marks, link syntax, bold and italic markers and backslash escapes go.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/!?\[([^[\]]*)\]\([^()\s]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim();
}
