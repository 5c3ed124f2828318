// What a built page offers and asks for: the ids a link can point to (#p-3, #note-cpm, #event-…) and every address
// it links to or loads. Read from the HTML Astro wrote, so the link check knows exactly the pages and anchors that
// exist, whatever template made them (a new page type, a paginated list) and however many pages a list has.
//
// A page is read with parse5's tokenizer, not its tree builder: the ids and addresses are attributes of tags, which
// the tokenizer gives as the tree builder would see them, and building the tree cost almost half the time (the link
// check reads every page of the site). What the tokenizer cannot know alone it is told as the tree builder tells it:
// the text of <script>, <style>, <textarea>, <title> and the like is text, not tags, except inside SVG and MathML.
import { Tokenizer, TokenizerMode, type Token, type TokenHandler } from 'parse5';

/** The elements whose text the HTML parser reads as text (the tree builder switches the tokenizer for them). With
 * scripting on, as in a browser, <noscript> is one of them. */
const TEXT_ONLY: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  textarea: TokenizerMode.RCDATA,
  title: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** Where markup in another namespace starts; inside, no element's text is raw. */
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

/** The ids and links of one page's HTML. `positions` adds where each link and the search marker are (asked for only
 * to report). */
export function readBuiltPage(html: string, options: { positions?: boolean } = {}): BuiltPage {
  const ids = new Set<string>();
  const links: PageLink[] = [];
  let searchBodyAt: BuiltPage['searchBodyAt'];
  let searchBody = false;
  /** Open <svg> and <math> elements. */
  let foreign = 0;
  const ignore = () => {};
  const handler: TokenHandler = {
    onStartTag(tag: Token.TagToken) {
      const wanted = ADDRESS_ATTRIBUTES[tag.tagName] ?? [];
      for (const attribute of tag.attrs) {
        if (attribute.name === 'id' || (attribute.name === 'name' && tag.tagName === 'a')) ids.add(attribute.value);
        else if (attribute.name === 'data-pagefind-body' && !searchBody) {
          searchBody = true;
          const at = tag.location?.attrs?.[attribute.name];
          if (at) searchBodyAt = { line: at.startLine, column: at.startCol };
        }
        if (!wanted.includes(attribute.name)) continue;
        const at = tag.location?.attrs?.[attribute.name];
        links.push({ href: attribute.value, ...(at ? { line: at.startLine, column: at.startCol } : {}) });
      }
      if (FOREIGN.has(tag.tagName) && !tag.selfClosing) foreign += 1;
      const mode = TEXT_ONLY[tag.tagName];
      if (mode !== undefined && foreign === 0) tokenizer.state = mode;
      tokenizer.inForeignNode = foreign > 0;
    },
    onEndTag(tag: Token.TagToken) {
      if (FOREIGN.has(tag.tagName) && foreign > 0) foreign -= 1;
      tokenizer.inForeignNode = foreign > 0;
    },
    onComment: ignore,
    onDoctype: ignore,
    onEof: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: options.positions ?? false }, handler);
  tokenizer.write(html, true);
  return { ids, links, searchBody, ...(searchBodyAt ? { searchBodyAt } : {}) };
}
