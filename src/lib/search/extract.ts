// Reads the parts of built pages that become search records of their own: the margin notes of an article
// and the events of the timeline. It reads the HTML readers get (not the Markdown), so a record says exactly
// what the page says. The markup it relies on is the contract in src/plugins/rehype-annotations.ts (notes) and
// in the "Search indexing conventions" of src/integrations/search-index.ts (events).
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';
import { toString } from 'hast-util-to-string';

export interface PageNote {
  id: string;
  kind: string;
  /** The kind as the page labels it: "Correction". */
  kindLabel: string;
  /** The passage the note is about, as the article prints it ("" for a footnote, which quotes nothing). */
  quote: string;
  /** The note's text, without its number, kind label or sources. */
  body: string;
}

export interface PageEvent {
  id: string;
  date: string;
  topics: string[];
  title: string;
  description: string;
}

export interface ArticlePage {
  title: string;
  notes: PageNote[];
  /** Inline facet values the page declares: data-pagefind-filter="topic:wechat" gives ["topic", "wechat"]. */
  filters: [string, string][];
  meta: [string, string][];
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue;
    yield child;
    yield* elements(child);
  }
}

const find = (node: Root | Element, test: (el: Element) => boolean) => {
  for (const el of elements(node)) if (test(el)) return el;
  return undefined;
};

const textOf = (node: Element | undefined) => (node ? squash(toString(node)) : '');
const data = (node: Element, name: string) => {
  const value = node.properties[name];
  return value === undefined || value === null ? undefined : String(value);
};

/** "topic:wechat" → ["topic", "wechat"]; captures from element text or attributes are not used by our pages. */
function inlinePairs(value: string | undefined): [string, string][] {
  if (!value) return [];
  const colon = value.indexOf(':');
  if (colon < 1) return [];
  return [[value.slice(0, colon).trim(), value.slice(colon + 1).trim()]];
}

/** The part of an article page that holds its title, facets and notes: the <article> element (the page's header,
 * inline styles and footer are a third of its bytes and hold none of them), or the whole page if it has none. */
function articleElement(html: string): string {
  const start = html.indexOf('<article');
  const end = html.lastIndexOf('</article>');
  return start >= 0 && end > start ? html.slice(start, end + '</article>'.length) : html;
}

/** An article page's title, the facets it declares for itself, and each of its margin notes. */
export function readArticlePage(html: string): ArticlePage {
  // parse5 without source positions, then hast: half the time of fromHtml, which records every node's position.
  // This runs on every article page of every build.
  const tree = fromParse5(parseFragment(articleElement(html))) as Root;
  const title = textOf(find(tree, (el) => el.tagName === 'h1'));
  const filters: [string, string][] = [];
  const meta: [string, string][] = [];
  const quotes = new Map<string, string[]>();
  const notes: PageNote[] = [];

  for (const el of elements(tree)) {
    filters.push(...inlinePairs(data(el, 'dataPagefindFilter')));
    meta.push(...inlinePairs(data(el, 'dataPagefindMeta')));
    const annotation = el.tagName === 'mark' ? data(el, 'dataAnnotation') : undefined;
    if (annotation) quotes.set(annotation, [...(quotes.get(annotation) ?? []), toString(el)]);
  }

  for (const el of elements(tree)) {
    if (el.tagName !== 'div' || !classes(el).includes('sidenote')) continue;
    const id = data(el, 'dataNote');
    if (!id) continue;
    notes.push({
      id,
      kind: data(el, 'dataKind') ?? 'note',
      kindLabel: textOf(find(el, (child) => classes(child).includes('note-kind'))),
      quote: squash((quotes.get(id) ?? []).join('')),
      body: textOf(find(el, (child) => classes(child).includes('note-body'))),
    });
  }
  return { title, notes, filters, meta };
}

/** Every `<li id="event-…" data-event data-date data-topics>` of the timeline page, in page order. */
export function readTimelineEvents(html: string): PageEvent[] {
  const events: PageEvent[] = [];
  for (const el of elements(fromHtml(html))) {
    if (el.tagName !== 'li' || data(el, 'dataEvent') === undefined) continue;
    const id = (data(el, 'id') ?? '').replace(/^event-/, '');
    const date = data(el, 'dataDate') ?? '';
    if (!id || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new Error(`Timeline event ${id ? `"${id}"` : 'without an id'}: expected <li id="event-<id>" data-event data-date="YYYY-MM-DD">, found id="${data(el, 'id') ?? ''}" data-date="${date}".`);
    }
    events.push({
      id,
      date,
      topics: (data(el, 'dataTopics') ?? '').split(/\s+/).filter(Boolean),
      title: textOf(find(el, (child) => child.tagName === 'h3')),
      description: textOf(find(el, (child) => child.tagName === 'p')),
    });
  }
  return events;
}
