// Scraped article text is Markdown-flavoured plain text, but the site compiles articles as MDX, where `{`, `<` and a
// line starting with `import ` or `export ` are JavaScript. One stray brace in a news story would break the build,
// and a `<script>` in a scrape must never run. So this module keeps only the small Markdown subset scrapers really
// produce (bold, italic, headings, lists, block quotes, links to a real web address, backslash escapes) and turns
// everything else MDX would read as code or markup into literal text: any input compiles and reads as it did.
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
 * Characters that always become literal: `{` `}` open and close MDX expressions, `<` opens JSX (and would turn
 * `<https://x>` or `<!-- -->` into errors), a backtick opens code (inside which our escapes would show), `~` makes
 * strikethrough or a `~~~` code fence, and `[` could start a link to a target we did not vet.
 */
const ALWAYS_LITERAL = new Set(['{', '}', '<', '`', '~', '[']);

/**
 * A bare web address, which GFM turns into a link running to the next space or `<`. Inside it a backslash is part of
 * the address, not an escape: `http://x.y\<b>` would keep a raw `<`.
 */
const BARE_URL = /(?:https?:\/\/|www\.)\S*/iy;

/** What escapeMdxInline would change, or a backslash: inside a bare address, either needs the autolink broken. */
const NEEDS_ESCAPING = /[{}<`~[\\]|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/** Typographic bullets scrapers copy from web pages; they become Markdown list items. */
const TYPOGRAPHIC_BULLET = /^[•◦▪‣∙●]\s*/;

/** Markdown block markers kept as Markdown (see the decision above). */
const BLOCK_MARKER = /^(?:#{1,6}(?=\s|$)|>|[-*+](?=\s)|\d{1,9}[.)](?=\s))\s*/;

/** MDX reads a line starting with `import ` or `export ` (at column 1) as an ES module statement. */
const MODULE_KEYWORD = /^(?:import|export) /;

/**
 * What Markdown would read as block syntax at the start of a line of paragraph text: a heading, a quote, a list item,
 * a thematic break or a setext underline ("1. 3 billion" after a line break would otherwise become a list).
 */
const ACCIDENTAL_BLOCK_START = /^(?:#{1,6}(?=\s|$)|>|[-*+](?=\s|$)|\d{1,9}[.)](?=\s|$)|[-*_=](?:\s*[-*_=])*\s*$)/;

/** Drops a leading byte-order mark and turns CRLF and lone CR line endings into LF. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Escapes inline text (no block markers) so MDX shows it exactly as the reader saw it. */
export function escapeMdxInline(text: string): string {
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
    if (char === '[' || (char === '!' && next === '[')) {
      LINK.lastIndex = index;
      const link = LINK.exec(text);
      if (link) {
        const [whole, bang = '', label = '', target = ''] = link;
        const shown = escapeMdxInline(label);
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

/**
 * Escapes a line already known to be paragraph or list-item text: inline escapes, plus a backslash before any
 * block syntax it happens to start with, so that it stays text (`1\. 3 billion`, `\- and so on`, `\> quoted`).
 */
export function escapeMdxParagraphLine(text: string): string {
  const escaped = escapeMdxInline(text.trimStart());
  if (!ACCIDENTAL_BLOCK_START.test(escaped)) return protectModuleKeyword(escaped);
  return /^\d/.test(escaped) ? escaped.replace(/^(\d+)([.)])/, '$1\\$2') : `\\${escaped}`;
}

/** Escapes heading text; a trailing " #" would otherwise be read as the heading's optional closing sequence. */
export function escapeMdxHeading(text: string): string {
  return escapeMdxInline(text.trim()).replace(/(\s)(#+)$/, '$1\\$2');
}

/**
 * Escapes one line of free text: leading whitespace goes (so no indentation can mean code or nesting), a
 * typographic bullet becomes `- `, a Markdown block marker is kept (see the decision above), and the rest is escaped.
 */
export function escapeMdxLine(line: string): string {
  const content = line.trimStart();
  const bullet = TYPOGRAPHIC_BULLET.exec(content);
  if (bullet) return `- ${escapeMdxInline(content.slice(bullet[0].length))}`;
  const marker = BLOCK_MARKER.exec(content);
  if (marker) return `${marker[0].trimEnd()} ${escapeMdxInline(content.slice(marker[0].length))}`;
  return protectModuleKeyword(escapeMdxInline(content));
}

/** Escapes a whole Markdown-flavoured text, line by line, so that it compiles as MDX. */
export function escapeMdx(text: string): string {
  return normaliseText(text).split('\n').map(escapeMdxLine).join('\n');
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
