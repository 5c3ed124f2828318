// Our notes as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), so that annotation tools, archives
// and researchers can reuse them: pure functions from a note, as the page renders it, to the model's JSON-LD.
// What is published where, and why each choice, is explained to reusers on the /data/ page (src/pages/data.astro),
// which reads the motivation table below.
//
// Every annotation has a TextQuoteSelector taken from the page's rendered text (see rendered-notes.ts), and two
// more selectors for the same passage, each refined by a TextPositionSelector: a CssSelector for the article's
// text (`.article-body`), and a FragmentSelector for its paragraph (`p-N`). The positions are relative to the text
// content of the element the outer selector picks, which is how the model scopes a position (§4.2.9, refinement);
// a position relative to a whole page would change whenever the page's header did. They count Unicode code points,
// as the model requires, not UTF-16 code units.
import type { NoteKind } from '../annotations/kinds.ts';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The licence of our notes (the articles they annotate stay their publishers'). */
export const NOTES_LICENCE = { name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/' };
/** The element of an article page whose text the positions count in. */
export const ARTICLE_TEXT_SELECTOR = '.article-body';
/** How many annotations a page of the site-wide collection holds. */
export const ANNOTATIONS_PER_PAGE = 50;
/** Characters of context kept either side of a quote, as Hypothesis does; more only when needed to be unique. */
const QUOTE_CONTEXT = 32;

/** The model's motivations (§3.3.5) our notes use. */
export type Motivation = 'assessing' | 'commenting' | 'describing' | 'editing' | 'linking';

/** Each kind of note, the model's motivation for it, and why: the /data/ page prints this table. */
export const MOTIVATIONS: Record<NoteKind, { motivation: Motivation; why: string }> = {
  context: { motivation: 'commenting', why: 'background on the passage is a comment about it, the model’s general motivation' },
  definition: { motivation: 'describing', why: 'it says what a term, product or institution in the passage is: a description of the target' },
  correction: { motivation: 'editing', why: 'it says the passage is wrong and what it should say: a change requested to the target' },
  'fact-check': { motivation: 'assessing', why: 'it weighs a claim in the passage against other reporting: an assessment of the target' },
  update: { motivation: 'commenting', why: 'what happened after publication leaves the passage right as of its date: a comment, not an edit' },
  'cross-reference': { motivation: 'linking', why: 'it points to another article on the site that takes up the same point' },
};

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Counts Unicode code points in `text` up to the UTF-16 offset `offset` (JavaScript strings count code units). */
export function codePointOffset(text: string, offset: number): number {
  let points = 0;
  for (let i = 0; i < offset; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < offset) i++;
    points++;
  }
  return points;
}

function occurrences(text: string, pattern: string): number {
  let count = 0;
  for (let at = text.indexOf(pattern); at !== -1 && count < 2; at = text.indexOf(pattern, at + 1)) count++;
  return count;
}

/** The slice of `text` from `from` to `to`, widened so it never splits a surrogate pair. */
function whole(text: string, from: number, to: number): string {
  const isLow = (i: number) => i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]!);
  let start = Math.max(0, from);
  if (isLow(start)) start--;
  let end = Math.min(text.length, to);
  if (isLow(end)) end++;
  return text.slice(start, end);
}

/**
 * The TextQuoteSelector of text[start, end): the exact text with 32 characters either side, widened until the
 * three together occur once in `text` (a client matches prefix + exact + suffix character for character).
 */
export function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  const exact = text.slice(start, end);
  let width = QUOTE_CONTEXT;
  for (;;) {
    const prefix = whole(text, start - width, start);
    const suffix = whole(text, end, end + width);
    const atEdges = prefix.length >= start && suffix.length >= text.length - end;
    if (atEdges || occurrences(text, prefix + exact + suffix) === 1) return { type: 'TextQuoteSelector', exact, prefix, suffix };
    width *= 2;
  }
}

/** A note's source, as the annotation lists it: a report elsewhere or one of our articles' paragraphs. */
export interface PublishedSource {
  /** Its address, when known (for one of our articles, its page with the paragraph: …/#p-4). */
  url?: string | undefined;
  title?: string | undefined;
  /** The outlet that published it. */
  publisher?: string | undefined;
  /** When it was published, YYYY-MM-DD. */
  date?: string | undefined;
}

/** What an annotation is made from: the note as the page renders it, and facts about its article and history. */
export interface NoteRecord {
  id: string;
  kind: NoteKind;
  /** The article page's published address (canonical). */
  page: string;
  /** The article's rendered text (`textContent` of `.article-body`) and where the note's passage is in it. */
  text: string;
  start: number;
  end: number;
  fragment: { id: string; start: number } | undefined;
  /** The note's text: HTML (links absolute) and plain. */
  html: string;
  plain: string;
  language: string;
  sources: PublishedSource[];
  /** From the repository's history: when the note was first committed and last changed (undefined: unknown). */
  created: Date | undefined;
  modified: Date | undefined;
}

/** Who writes the notes, as each annotation's creator. */
export interface Publisher {
  name: string;
  /** The site's home page. */
  homepage: string;
}

/** An xsd:dateTime in UTC, as the model asks (`Z`, no fraction). */
export const dateTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The note's permalink: its article's address with #note-<id>. */
export const notePermalink = (page: string, id: string) => `${page}#note-${id}`;

function source(s: PublishedSource): Record<string, string> {
  return {
    ...(s.url ? { id: s.url } : {}),
    type: 'Text',
    ...(s.title ? { 'dcterms:title': s.title } : {}),
    ...(s.publisher ? { 'dcterms:publisher': s.publisher } : {}),
    ...(s.date ? { 'dcterms:issued': s.date } : {}),
  };
}

/**
 * One note as a Web Annotation, standalone (with its @context). The body is a Choice of the note as HTML and as
 * plain text. Its sources are `dcterms:source` values (Dublin Core's "a related resource from which the
 * described resource is derived"; the `dcterms:` prefix is defined by the annotation context itself).
 */
export function webAnnotation(note: NoteRecord, publisher: Publisher): Record<string, unknown> {
  const { motivation } = MOTIVATIONS[note.kind];
  const position = (from: number) => ({
    type: 'TextPositionSelector',
    start: codePointOffset(note.text.slice(from), note.start - from),
    end: codePointOffset(note.text.slice(from), note.end - from),
  });
  const selectors: object[] = [quoteSelector(note.text, note.start, note.end), { type: 'CssSelector', value: ARTICLE_TEXT_SELECTOR, refinedBy: position(0) }];
  if (note.fragment) {
    selectors.push({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3986',
      value: note.fragment.id,
      refinedBy: position(note.fragment.start),
    });
  }
  const textual = (value: string, format: string) => ({ type: 'TextualBody', purpose: motivation, value, format, language: note.language });
  return {
    '@context': ANNOTATION_CONTEXT,
    id: notePermalink(note.page, note.id),
    type: 'Annotation',
    motivation,
    ...(note.created ? { created: dateTime(note.created) } : {}),
    ...(note.modified && (!note.created || note.modified > note.created) ? { modified: dateTime(note.modified) } : {}),
    creator: { type: 'Organization', name: publisher.name, homepage: publisher.homepage },
    rights: NOTES_LICENCE.url,
    body: { type: 'Choice', items: [textual(note.html, 'text/html'), textual(note.plain, 'text/plain')] },
    target: { source: note.page, type: 'Text', format: 'text/html', selector: selectors },
    ...(note.sources.length > 0 ? { 'dcterms:source': note.sources.map(source) } : {}),
  };
}

/** An annotation inside a page or collection, which carries the @context once for all. */
function embedded(annotation: Record<string, unknown>): Record<string, unknown> {
  const { '@context': context, ...rest } = annotation;
  return rest;
}

/**
 * An annotation as a page or collection embeds it, written once as UTF-8 JSON. Each note is published twice (in its
 * article's collection and in a page of the site-wide one): the build writes its text once and both take it, and it
 * holds these bytes, not the annotation's objects and the article text its quotes were cut from, until the last
 * page is written (at 10,000 articles, 160,000 notes).
 */
export function embeddedJson(annotation: Record<string, unknown>): Uint8Array<ArrayBuffer> {
  return Buffer.from(JSON.stringify(embedded(annotation)));
}

/** Where a frame's items go: the frames below have one "items" key, written empty. In JSON text a quote inside a
 * string is always escaped, so this can only be the key itself. */
const EMPTY_ITEMS = '"items":[]';
const COMMA = Buffer.from(',');

/** The JSON text of `frame` with `items` (each an embeddedJson) as the array of its one empty "items" key. */
function withItems(frame: Record<string, unknown>, items: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const text = JSON.stringify(frame);
  const at = text.indexOf(EMPTY_ITEMS);
  if (at < 0 || text.includes(EMPTY_ITEMS, at + 1)) throw new Error('An annotation page must have exactly one "items" to fill.');
  const split = at + EMPTY_ITEMS.length - 1;
  return Buffer.concat([Buffer.from(text.slice(0, split)), ...items.flatMap((item, i) => (i > 0 ? [COMMA, item] : [item])), Buffer.from(text.slice(split))]);
}

/** One article's collection of `total` notes with `items` as its page's items (empty, for withItems to fill). */
function articleFrame(id: string, label: string, total: number, items: unknown[] = []): Record<string, unknown> {
  const page = `${id}#page-1`;
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total,
    ...(total > 0 ? { first: { id: page, type: 'AnnotationPage', partOf: id, startIndex: 0, items }, last: page } : {}),
  };
}

/** One article's notes: a collection with its single page embedded (`<page>annotations.jsonld`). */
export function articleCollection(id: string, label: string, annotations: Record<string, unknown>[]): Record<string, unknown> {
  return articleFrame(id, label, annotations.length, annotations.map(embedded));
}

/** articleCollection as the JSON text the build writes, from the notes' embeddedJson. */
export function articleCollectionJson(id: string, label: string, items: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const frame = articleFrame(id, label, items.length);
  return frame.first ? withItems(frame, items) : Buffer.from(JSON.stringify(frame));
}

/** An article's collection, beside its page (a site path). */
export const articleCollectionPath = (slug: string) => `/articles/${slug}/annotations.jsonld`;

/** Where the site-wide collection and its pages live, given the site's address with its base ("…/"). */
export const siteCollectionUrl = (site: string) => new URL('annotations.jsonld', site).href;
export const sitePageUrl = (site: string, page: number) => new URL(`annotations/page-${page}.jsonld`, site).href;

/** How many pages the site-wide collection has (at least one, which may be empty). */
export const pageCount = (total: number) => Math.max(1, Math.ceil(total / ANNOTATIONS_PER_PAGE));

/** The site-wide collection: every note, in pages of ANNOTATIONS_PER_PAGE. */
export function siteCollection(site: string, label: string, total: number): Record<string, unknown> {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: siteCollectionUrl(site),
    type: 'AnnotationCollection',
    label,
    total,
    ...(total > 0 ? { first: sitePageUrl(site, 1), last: sitePageUrl(site, pageCount(total)) } : {}),
  };
}

/** Page `number` (from 1) of the site-wide collection of `total` notes, with `items` as its items (empty, for
 * withItems to fill). */
function siteFrame(site: string, label: string, total: number, number: number, items: unknown[] = []): Record<string, unknown> {
  const pages = pageCount(total);
  return {
    '@context': ANNOTATION_CONTEXT,
    id: sitePageUrl(site, number),
    type: 'AnnotationPage',
    partOf: { id: siteCollectionUrl(site), label, total },
    startIndex: (number - 1) * ANNOTATIONS_PER_PAGE,
    ...(number > 1 ? { prev: sitePageUrl(site, number - 1) } : {}),
    ...(number < pages ? { next: sitePageUrl(site, number + 1) } : {}),
    items,
  };
}

/** The notes on page `number` of the site-wide collection, from all of them in order. */
const onPage = <T>(all: readonly T[], number: number): T[] => all.slice((number - 1) * ANNOTATIONS_PER_PAGE, number * ANNOTATIONS_PER_PAGE);

/** Page `number` (from 1) of the site-wide collection, from all its annotations in order. */
export function sitePage(site: string, label: string, annotations: Record<string, unknown>[], number: number): Record<string, unknown> {
  return siteFrame(site, label, annotations.length, number, onPage(annotations, number).map(embedded));
}

/** sitePage as the JSON text the build writes, from every note's embeddedJson in order. */
export function sitePageJson(site: string, label: string, items: readonly Uint8Array[], number: number): Uint8Array<ArrayBuffer> {
  return withItems(siteFrame(site, label, items.length, number), onPage(items, number));
}
