// What a built page offers and asks for: the ids a link can point to (#p-3, #note-cpm, #event-…) and every address
// it links to or loads. Read from the HTML Astro wrote, so the link check knows exactly the pages and anchors that
// exist, whatever template made them (a new page type, a paginated list) and however many pages a list has.
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

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
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function walk(node: Node, visit: (element: Element) => void): void {
  if (isElement(node)) visit(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) walk(child, visit);
  // <template> keeps its children apart, in `content`.
  if (isElement(node) && node.tagName === 'template' && 'content' in node) walk(node.content, visit);
}

/** The ids and links of one page's HTML. `positions` adds where each link is (slower: asked for only to report). */
export function readBuiltPage(html: string, options: { positions?: boolean; fragment?: boolean } = {}): BuiltPage {
  const parseOptions = { sourceCodeLocationInfo: options.positions ?? false };
  const root = (options.fragment ? parseFragment(html, parseOptions) : parse(html, parseOptions)) as Node;
  const ids = new Set<string>();
  const links: PageLink[] = [];
  walk(root, (element) => {
    const wanted = ADDRESS_ATTRIBUTES[element.tagName] ?? [];
    for (const attribute of element.attrs) {
      if (attribute.name === 'id' || (attribute.name === 'name' && element.tagName === 'a')) ids.add(attribute.value);
      if (!wanted.includes(attribute.name)) continue;
      const at = element.sourceCodeLocation?.attrs?.[attribute.name];
      links.push({ href: attribute.value, ...(at ? { line: at.startLine, column: at.startCol } : {}) });
    }
  });
  return { ids, links };
}
