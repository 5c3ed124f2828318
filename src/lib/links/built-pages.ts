// What a built page offers and asks for: the ids a link can point to (#p-3, #note-cpm, #event-…) and every address
// it links to or loads. Read from the HTML Astro wrote, so the link check knows exactly the pages and anchors that
// exist, whatever template made them (a new page type, a paginated list) and however many pages a list has.
//
// A page is read by a scanner of its own, below, that finds tags and their attributes the way a browser's tokenizer
// does and nothing more: the ids and addresses are attributes of tags, and neither a tree nor the text between tags
// is needed. The link check reads every page of the site, and this reads the 1,761 pages of a 1,000-article site
// (89.5 MB) in 0.20 s, where htmlparser2's streaming parser took 0.97 s and parse5's tokenizer before it 3.3 s, with
// the same ids, addresses and search marker on every page of that site and of the real one (2026-12-08). Like a
// browser with scripting on, it takes the text of <script>, <style>, <title>, <textarea>, <noscript>, <xmp>,
// <iframe>, <noembed> and <noframes> as text up to that element's first end tag, and everything after <plaintext>;
// inside <svg> and <math> those are markup. Attribute values are decoded as a browser decodes them (entities'
// decodeHTMLAttribute), and of an attribute written twice on one tag the first counts, as in a browser.
import { decodeHTMLAttribute } from 'entities';

/** Elements whose content a browser (scripting on) reads as text, up to their first end tag. */
const TEXT_ONLY = new Set(['script', 'style', 'title', 'textarea', 'noscript', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements whose content is foreign markup (SVG, MathML), where TEXT_ONLY elements are markup too. */
const FOREIGN = new Set(['svg', 'math']);

/** The attributes that hold an address a reader follows or the page loads. */
const ADDRESS_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  form: ['action'],
};

export interface PageLink {
  /** The address as written in the HTML. */
  href: string;
  /** 1-based position in the HTML file, when the page was read with positions. */
  line?: number;
  column?: number;
}

export interface BuiltPage {
  ids: Set<string>;
  links: PageLink[];
  /** Whether the page marks its text for search (an element with data-pagefind-body)… */
  searchBody: boolean;
  /** …and where its first such attribute is, when the page was read with positions. */
  searchBodyAt?: { line: number; column: number };
}

/** Line and column (from 1) of each offset of a text, found from the offsets where its lines start. */
function positionsIn(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 12 || code === 13;
const isLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
/** Where a tag's or attribute's name ends: at a space, "/", ">" or (an attribute's) "=". */
const endsName = (code: number) => isSpace(code) || code === 47 || code === 62 || code === 61;

/** Where the end tag `</name` (any case) that closes a text-only element starts, or the end of the text. */
function endTagOf(html: string, name: string, from: number): number {
  const end = `</${name}`;
  for (let at = html.indexOf('</', from); at !== -1; at = html.indexOf('</', at + 2)) {
    if (html.slice(at, at + end.length).toLowerCase() !== end) continue;
    const after = html.charCodeAt(at + end.length);
    if (Number.isNaN(after) || isSpace(after) || after === 47 || after === 62) return at;
  }
  return html.length;
}

/** Where the text after a markup declaration (<!doctype>, <!-- comment -->, <?…>, a bogus end tag) at `at` resumes. */
function afterDeclaration(html: string, at: number): number {
  const close = html.startsWith('<!--', at) ? html.indexOf('-->', at + 4) : html.indexOf('>', at + 2);
  return close === -1 ? html.length : close + (html.startsWith('<!--', at) ? 3 : 1);
}

/** The ids and links of one page's HTML. `positions` adds where each link and the search marker are (asked for only
 * to report). */
export function readBuiltPage(html: string, options: { positions?: boolean } = {}): BuiltPage {
  const ids = new Set<string>();
  const links: PageLink[] = [];
  let searchBodyAt: BuiltPage['searchBodyAt'];
  let searchBody = false;
  const at = options.positions ? positionsIn(html) : undefined;
  const length = html.length;
  /** How deep the scanner is in SVG or MathML. */
  let foreign = 0;
  let i = html.indexOf('<');
  while (i !== -1 && i < length) {
    const next = html.charCodeAt(i + 1);
    if (next === 47 /* / */ && isLetter(html.charCodeAt(i + 2))) {
      // An end tag: only the end of SVG or MathML matters.
      let j = i + 2;
      while (j < length && !endsName(html.charCodeAt(j))) j++;
      if (foreign > 0 && FOREIGN.has(html.slice(i + 2, j).toLowerCase())) foreign--;
      const close = html.indexOf('>', j);
      i = close === -1 ? -1 : html.indexOf('<', close + 1);
      continue;
    }
    if (next === 33 /* ! */ || next === 63 /* ? */ || next === 47) {
      i = html.indexOf('<', afterDeclaration(html, i));
      continue;
    }
    if (!isLetter(next)) {
      // A "<" in text.
      i = html.indexOf('<', i + 1);
      continue;
    }
    // A start tag: its name, then its attributes.
    let j = i + 1;
    while (j < length && !(isSpace(html.charCodeAt(j)) || html.charCodeAt(j) === 47 || html.charCodeAt(j) === 62)) j++;
    const tag = html.slice(i + 1, j).toLowerCase();
    const wanted = ADDRESS_ATTRIBUTES[tag] ?? [];
    /** The attributes of interest read on this tag, kept until its ">": a tag the page ends inside is no tag. A second
     * attribute of the same name is ignored. */
    const read: { name: string; value: string; at: number }[] = [];
    let selfClosing = false;
    for (;;) {
      while (j < length && (isSpace(html.charCodeAt(j)) || html.charCodeAt(j) === 47)) selfClosing = html.charCodeAt(j++) === 47;
      if (j >= length || html.charCodeAt(j) === 62) break;
      selfClosing = false;
      const nameAt = j;
      // An attribute's name may start with "=".
      j++;
      while (j < length && !endsName(html.charCodeAt(j))) j++;
      const name = html.slice(nameAt, j).toLowerCase();
      let value = '';
      let k = j;
      while (k < length && isSpace(html.charCodeAt(k))) k++;
      if (html.charCodeAt(k) === 61 /* = */) {
        k++;
        while (k < length && isSpace(html.charCodeAt(k))) k++;
        const quote = html[k];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, k + 1);
          j = close === -1 ? length : close + 1;
          value = html.slice(k + 1, close === -1 ? length : close);
        } else {
          j = k;
          while (j < length && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== 62) j++;
          value = html.slice(k, j);
        }
      }
      const wantedHere = name === 'id' || (name === 'name' && tag === 'a') || name === 'data-pagefind-body' || wanted.includes(name);
      if (wantedHere && !read.some((attribute) => attribute.name === name)) read.push({ name, value, at: nameAt });
    }
    if (j >= length) break;
    for (const { name, value: written, at: nameAt } of read) {
      const value = written.includes('&') ? decodeHTMLAttribute(written) : written;
      if (name === 'data-pagefind-body') {
        if (!searchBody && at) searchBodyAt = at(nameAt);
        searchBody = true;
      } else if (name === 'id' || name === 'name') ids.add(value);
      else links.push({ href: value, ...(at ? at(nameAt) : {}) });
    }
    if (FOREIGN.has(tag)) {
      if (!selfClosing) foreign++;
    } else if (foreign === 0 && TEXT_ONLY.has(tag)) {
      // Its content is text up to its first end tag (all the rest of the page, for <plaintext>).
      i = tag === 'plaintext' ? -1 : endTagOf(html, tag, j);
      continue;
    }
    i = html.indexOf('<', j + 1);
  }
  return { ids, links, searchBody, ...(searchBodyAt ? { searchBodyAt } : {}) };
}
