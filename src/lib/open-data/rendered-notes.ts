// Where each note sits in an article's rendered text, read back from the HTML the site publishes (the output of
// src/plugins/rehype-annotations.ts, which src/data/article-html.ts renders and the page inserts as the whole content
// of its `.article-body` element). Reading the published HTML rather than the Markdown is the point: a Web
// Annotation client anchors on the page's text, which holds more than the article's words (note numbers after
// each passage, the margin notes beside each paragraph), so offsets and quotes taken from anywhere else would not
// re-anchor. The anchoring itself is rehype-annotations' work: its `<mark data-annotation="X">` elements say where
// note X is; this file only measures them.
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

const stringify = unified().use(rehypeStringify);

/** One note as the page shows it. */
export interface RenderedNote {
  id: string;
  /** The passage, as offsets in the text (`text` below): from the first character of its first mark to the last
   * of its last (any marker of another note that ends inside it included: it is part of the page's text). */
  start: number;
  end: number;
  /** The element holding the passage (a paragraph's `p-N`, a heading's id), and where its text starts. */
  fragment: { id: string; start: number } | undefined;
  /** The note's text as the margin shows it: HTML with every link absolute, and plain text. */
  html: string;
  plain: string;
}

export interface RenderedArticle {
  /** The text content of the article's HTML: what `textContent` of the page's `.article-body` element gives. */
  text: string;
  notes: RenderedNote[];
}

const isElement = (node: Nodes): node is Element => node.type === 'element';
const hasClass = (node: Element, name: string) => Array.isArray(node.properties.className) && node.properties.className.includes(name);

/** Rewrites every link and id reference in a note's HTML to an absolute address (`base` is the article's page). */
function absoluteLinks(nodes: ElementContent[], page: string): ElementContent[] {
  return nodes.map((node) => {
    if (!isElement(node)) return node;
    const href = node.properties.href;
    const properties = typeof href === 'string' && node.tagName === 'a' ? { ...node.properties, href: new URL(href, page).href } : node.properties;
    return { ...node, properties, children: absoluteLinks(node.children, page) };
  });
}

/** Where each note is in an article's text, before its links are made absolute: what the renderer can measure on
 * the tree it has just made (and cache beside the HTML), so the notes need not be read back from the HTML. Plain
 * data (JSON), with each note's body as HTML-tree nodes. */
export interface MeasuredArticle {
  text: string;
  notes: { id: string; start: number; end: number; fragment: RenderedNote['fragment']; body: ElementContent[] }[];
}

/** Measures the notes in an article's HTML tree: the tree the pipeline makes (src/data/article-html.ts), or the
 * rendered HTML parsed again, which is the same tree. */
export function measureNotes(tree: Root): MeasuredArticle {
  let text = '';
  const marks = new Map<string, { start: number; end: number; fragment: RenderedNote['fragment'] }>();
  const bodies = new Map<string, Element>();

  const walk = (node: Nodes, holder: RenderedNote['fragment']) => {
    if (node.type === 'text') {
      text += node.value;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    let here = holder;
    if (isElement(node)) {
      const id = node.properties.id;
      if (typeof id === 'string' && node.tagName !== 'mark' && !hasClass(node, 'sidenote')) here = { id, start: text.length };
      // A margin note's id is note-<id>.
      if (hasClass(node, 'sidenote') && typeof id === 'string' && id.startsWith('note-')) {
        const body = node.children.find((child): child is Element => isElement(child) && hasClass(child, 'note-body'));
        if (body) bodies.set(id.slice('note-'.length), body);
      }
    }
    const start = text.length;
    for (const child of node.children) walk(child, here);
    if (isElement(node) && node.tagName === 'mark' && typeof node.properties.dataAnnotation === 'string') {
      const id = node.properties.dataAnnotation;
      const known = marks.get(id);
      marks.set(id, known ? { ...known, end: text.length } : { start, end: text.length, fragment: holder });
    }
  };
  walk(tree, undefined);

  const notes = [...marks].map(([id, mark]) => {
    const body = bodies.get(id);
    if (!body) throw new Error(`Note "${id}" has a marked passage but no margin note (<div class="sidenote" id="note-${id}">) in the article's HTML.`);
    return { id, start: mark.start, end: mark.end, fragment: mark.fragment, body: body.children.map(withoutPositions) };
  });
  return { text, notes };
}

/** A copy of a node without source positions (they mean nothing once measured, and would triple a cached copy). */
function withoutPositions(node: ElementContent): ElementContent {
  if (!isElement(node)) {
    const { position: _, ...rest } = node;
    return rest;
  }
  const { position: _, ...rest } = node;
  return { ...rest, children: rest.children.map(withoutPositions) };
}

/** The measured notes as published: links absolute against `page` (the article's published address, against
 * which the site's links, written from the domain root with the deploy base, resolve), HTML and plain text. */
export function publishNotes(measured: MeasuredArticle, page: string): RenderedArticle {
  const notes = measured.notes.map((note): RenderedNote => {
    const children = absoluteLinks(note.body, page);
    return {
      id: note.id,
      start: note.start,
      end: note.end,
      fragment: note.fragment,
      html: stringify.stringify({ type: 'root', children }).trim(),
      plain: children
        .map((child) => toPlain(child))
        .join('\n\n')
        .trim(),
    };
  });
  return { text: measured.text, notes };
}

/** Measures the notes in an article's rendered HTML and publishes them against `page` (see publishNotes). */
export function readRenderedNotes(html: string, page: string): RenderedArticle {
  return publishNotes(measureNotes(fromHtml(html, { fragment: true })), page);
}

/** Plain text of a note body's block: its words with runs of white space made one space. */
function toPlain(node: ElementContent): string {
  const collect = (n: ElementContent): string => (n.type === 'text' ? n.value : isElement(n) ? n.children.map(collect).join('') : '');
  return collect(node).replace(/\s+/g, ' ').trim();
}
