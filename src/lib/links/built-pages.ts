// What a built page offers and asks for: the ids a link can point to (#p-3, #note-cpm, #event-…) and every address
// it links to or loads. Read from the HTML Astro wrote, so the link check knows exactly the pages and anchors that
// exist, whatever template made them (a new page type, a paginated list) and however many pages a list has.
//
// A page is read with htmlparser2's streaming parser: the ids and addresses are attributes of tags, and no tree is
// needed to find them. It reads a page about two and a half times as fast as parse5's tokenizer did (1,761 pages
// of a 1,000-article site: 1.3 s against 3.3 s, with the same ids and addresses on every page), and the link check
// reads every page of the site. Like a browser's parser it takes the text of <script>, <style>, <title> and
// <textarea> as text, not tags; what a browser also takes as text and htmlparser2 does not (<noscript> with
// scripting on, <xmp>, <iframe>, <noembed>, <noframes>, <plaintext>) is skipped here to its end tag.
import { Parser } from 'htmlparser2';

/** Elements whose content a browser (scripting on) reads as text, which htmlparser2 would read as markup. */
const TEXT_ONLY = new Set(['noscript', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

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

/** The ids and links of one page's HTML. `positions` adds where each link and the search marker are (asked for only
 * to report). */
export function readBuiltPage(html: string, options: { positions?: boolean } = {}): BuiltPage {
  const ids = new Set<string>();
  const links: PageLink[] = [];
  let searchBodyAt: BuiltPage['searchBodyAt'];
  let searchBody = false;
  const at = options.positions ? positionsIn(html) : undefined;
  /** The element the parser is inside whose content a browser reads as text: that text ends at its first end tag. */
  let textOnly: string | undefined;
  /** The tag being read, and which of its attributes hold addresses. */
  let tag = '';
  let wanted: readonly string[] = [];
  const parser = new Parser({
    onopentagname(name) {
      tag = name;
      wanted = ADDRESS_ATTRIBUTES[name] ?? [];
    },
    onattribute(name, value) {
      if (textOnly) return;
      // While an attribute is read, the parser's startIndex is where its name starts.
      if (name === 'id' || (name === 'name' && tag === 'a')) ids.add(value);
      else if (name === 'data-pagefind-body' && !searchBody) {
        searchBody = true;
        if (at) searchBodyAt = at(parser.startIndex);
      }
      if (wanted.includes(name)) links.push({ href: value, ...(at ? at(parser.startIndex) : {}) });
    },
    onopentag(name) {
      if (!textOnly && TEXT_ONLY.has(name)) textOnly = name;
    },
    onclosetag(name) {
      if (textOnly === name) textOnly = undefined;
    },
  });
  parser.end(html);
  return { ids, links, searchBody, ...(searchBodyAt ? { searchBodyAt } : {}) };
}
