// Turns an article's `annotations:` (and any GFM footnotes) into margin notes, at build time, so every note is
// in the server-rendered HTML and readable without JavaScript. Why a rehype step: quotes are matched against
// the text a reader sees (formatting flattened), which only exists once Markdown has become HTML. The finding
// and the error messages are pure functions in src/lib/annotations/; this file only walks and rewrites HTML.
//
// Output, per note N with id X (the markup contract the tests and the search index rely on; kept lean, since
// every attribute repeats once per note and article pages have a byte budget):
//   <mark data-annotation="X"> around the passage (split where it crosses formatting; the first piece also has
//   id="passage-X"), styled and found by that attribute alone,
//   <a class="note-marker" href="#note-X" id="marker-X" aria-label="Note N, kind"><sup>N</sup></a> after it
//   (after the enclosing link when the passage ends inside one, such as a topic link: a link may not hold another),
//   <div class="sidenote" id="note-X" role="note" aria-label="Note N, kind" tabindex="-1"
//   data-pagefind-title="Correction"> beside the paragraph (in a .sidenotes column of a .annotated wrapper; the
//   note's id is read from id="note-X", never repeated; the title, its kind, makes the note a search sub-result
//   of its article, src/lib/search/sub-results.ts, and styles a correction), opening with <p class="note-head">
//   <a href="#note-X" aria-label="Link to note N">N</a> Kind</p>, then <div class="note-body"> and
//   <p class="note-sources">,
//   and an item in the "Notes" list at the end: <li><span class="note-kind">Kind</span> on <q>quote</q>
//   <a href="#note-X">Read note N</a>&nbsp;<a href="#passage-X" aria-label="Back to the passage of note N">↩</a></li>
//   (a footnote, with no quote, shows its first words; its ↩ goes to its number, #marker-X). A footnote's sidenote
//   also has the class sidenote--footnote and a head of its number alone, and its item no kind: its first words.
import { readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { anchorQuote, flatText } from '../lib/annotations/anchor-quote.ts';
import { isFootnotesSection, walkPassages, type Enclosing, type Spot } from '../content-model/passages.ts';
import { fileSummary } from '../lib/annotations/article-file.ts';
import type { ArticleSummary } from '../lib/annotations/article-file.ts';
import { articleSlug, findArticleFile } from '../lib/article-files.ts';
import { coverPieces, type AnchoredRange } from '../lib/annotations/cover.ts';
import { KIND_LABELS, type DisplayKind } from '../lib/annotations/kinds.ts';
import { anchorProblem, citedArticleScope, combineProblems, noteLine } from '../lib/annotations/messages.ts';
import { PASSAGE_BREAK } from '../lib/annotations/normalize.ts';
import { describeSource, type ResolvedArticle, type ResolvedEvent } from '../lib/annotations/render-sources.ts';
import { readEventSummary, timelineEventPages, type EventPages } from '../lib/timeline/event-file.ts';
import { joinBase } from '../lib/urls.ts';
import { EXTERNAL_REL } from '../lib/external-links.ts';
import { markdownToHast } from '../lib/markdown-inline.ts';
import { annotationListSchema, type Annotation } from '../schemas/annotation.ts';

export interface AnnotationOptions {
  /** The deploy base ("/" or "/walled-gardens/"), for links written in note bodies. */
  base: string;
  /** The content root, to resolve sources that cite another of our articles or one of our events. */
  contentDir: string;
  /** The timeline page of each event, when the caller has them already (the pre-render worker); else the content
   * model's (src/lib/timeline/event-file.ts). */
  eventPages?: EventPages | undefined;
}

type Parent = Element | Root;

interface TextSpot {
  node: Text;
  parent: Parent;
  /** Offset of the node's first character in the article's flat text. */
  start: number;
  block: Element;
  /** The outermost link the node is in, if any, and where that sits: a marker ending there goes after it. */
  link: Enclosing | undefined;
}

interface FootnoteRef {
  sup: Element;
  parent: Parent;
  at: number;
  block: Element;
  target: string;
}

interface Note {
  id: string;
  kind: DisplayKind;
  number: number;
  /** Where the marker goes in the flat text. */
  at: number;
  range?: AnchoredRange;
  quote?: string;
  body: ElementContent[];
  sources: Annotation['sources'];
  block: Element;
}

/** Reads the page's passages (src/content-model/passages.ts) and remembers where every text node and footnote
 * reference sits. */
function readPage(tree: Root) {
  const texts: { node: Text; spot: Spot }[] = [];
  const refs: { sup: Element; target: string; spot: Spot }[] = [];
  let footnotes: Element | undefined;
  const passages = walkPassages(tree, {
    text: (node, spot) => texts.push({ node, spot }),
    footnoteRef: (sup, target, spot) => refs.push({ sup, target, spot }),
    footnotes: (section) => (footnotes ??= section),
  });

  const starts: number[] = [];
  passages.reduce((at, p) => (starts.push(at), at + p.text.length + PASSAGE_BREAK.length), 0);
  const spots: TextSpot[] = texts.map(({ node, spot }) => ({
    node,
    parent: spot.parent,
    block: spot.block,
    link: spot.link,
    start: starts[spot.passage]! + spot.offset,
  }));
  const footnoteRefs: FootnoteRef[] = refs.map(({ sup, target, spot }) => ({
    sup,
    parent: spot.parent,
    block: spot.block,
    target,
    at: starts[spot.passage]! + spot.offset,
  }));
  return { passages, spots, footnoteRefs, footnotes };
}

function blockAt(spots: TextSpot[], offset: number): Element | undefined {
  let found: TextSpot | undefined;
  for (const spot of spots) {
    if (spot.start > offset) break;
    found = spot;
  }
  return found?.block;
}

/** Markdown of a note body → HTML nodes, with site links made to honour the deploy base. */
function renderBody(markdown: string, base: string): ElementContent[] {
  return markdownToHast(markdown, base).children.filter((c): c is ElementContent => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''));
}

/** The first words of a note's text, for the list at the end. */
function excerpt(body: ElementContent[], length = 80): string {
  const text = body
    .map((node) => toString(node))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= length) return text;
  // Cut at a space, without the punctuation the cut leaves hanging ("integration":… read as a typo).
  return `${text.slice(0, text.lastIndexOf(' ', length)).replace(/[\s,;:]+$/, '')}…`;
}

/** A bare address written as a footnote's link text reads better as its site's name. */
function shortenBareLink(node: Element): void {
  const href = node.properties.href;
  const [only] = node.children;
  if (node.tagName !== 'a' || typeof href !== 'string' || node.children.length !== 1 || only?.type !== 'text' || only.value !== href) return;
  try {
    only.value = new URL(href).hostname.replace(/^www\./, '');
    node.properties.rel = [...EXTERNAL_REL];
  } catch {
    // Not an absolute address: leave the text as written.
  }
}

/** The body of a GFM footnote definition, without its "back to reference" link. */
function footnoteBody(item: Element): ElementContent[] {
  const strip = (node: ElementContent): ElementContent[] => {
    if (node.type !== 'element') return [node];
    if ('dataFootnoteBackref' in node.properties) return [];
    shortenBareLink(node);
    const children = node.children.flatMap(strip);
    const last = children[children.length - 1];
    if (last?.type === 'text') children[children.length - 1] = { ...last, value: last.value.trimEnd() };
    return [{ ...node, children }];
  };
  return item.children.flatMap(strip).filter((c) => c.type === 'element');
}

export default function rehypeAnnotations(options: AnnotationOptions) {
  const loadArticle = (slug: string): ArticleSummary | undefined => {
    const path = findArticleFile(join(options.contentDir, 'articles'), slug);
    return path ? fileSummary(resolve(path)) : undefined;
  };
  // The event's title and date, and the timeline page that lists it (the pages are computed once per build).
  const loadEvent = (id: string): ResolvedEvent | undefined => {
    const event = readEventSummary(options.contentDir, id);
    return event ? { ...event, page: (options.eventPages ?? timelineEventPages(options.contentDir)).get(id) ?? 1 } : undefined;
  };

  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter ?? {};
    const page = readPage(tree);
    const declared = Array.isArray(frontmatter.annotations) ? frontmatter.annotations.length : frontmatter.annotations ? 1 : 0;
    if (declared === 0 && page.footnoteRefs.length === 0) return;

    const filePath = file.path ? relative(process.cwd(), file.path).split('\\').join('/') : 'this article';
    // The article this file is: a note citing another of its own paragraphs says "this article".
    const here = file.path ? articleSlug(basename(file.path)) : undefined;
    // The file's text is read only to give a problem its line: almost every build has none.
    let rawSource: string | undefined;
    const lineOf = (id: string): number => {
      if (rawSource === undefined) {
        try {
          rawSource = file.path ? readFileSync(file.path, 'utf8') : '';
        } catch {
          rawSource = '';
        }
      }
      return noteLine(rawSource, id);
    };
    const parsed = annotationListSchema.safeParse(frontmatter.annotations ?? []);
    if (!parsed.success) {
      throw new Error(
        `${filePath}: the annotations are not valid:\n${parsed.error.issues.map((i) => `  annotations.${i.path.join('.')}: ${i.message}`).join('\n')}`,
      );
    }

    const problems: string[] = [];
    const notes: Note[] = [];
    const text = flatText(page.passages);

    for (const annotation of parsed.data) {
      const result = anchorQuote(page.passages, annotation);
      const at = () => ({ file: filePath, line: lineOf(annotation.id), id: annotation.id });
      if (result.found !== 'once') {
        problems.push(anchorProblem(at(), annotation, result) ?? '');
        continue;
      }
      for (const source of annotation.sources) {
        if (source.event && !readEventSummary(options.contentDir, source.event)) {
          problems.push(
            `${filePath}:${at().line}: note "${annotation.id}": its source cites event "${source.event}", which does not exist.\n  How to fix: use the file name of an event in content/events/, without .yaml.`,
          );
        }
        if (!source.article) continue;
        const cited = loadArticle(source.article);
        if (!cited) {
          problems.push(
            `${filePath}:${at().line}: note "${annotation.id}": its source cites article "${source.article}", which does not exist.\n  How to fix: use the file name of an article in content/articles/, without .md or .mdx.`,
          );
          continue;
        }
        const found = anchorQuote(cited.passages, { quote: source.quote ?? '' });
        if (found.found !== 'once') {
          const sourceProblem = anchorProblem(at(), { quote: source.quote ?? '' }, found, citedArticleScope(source.article));
          if (sourceProblem) problems.push(sourceProblem);
        }
      }
      notes.push({
        id: annotation.id,
        kind: annotation.kind,
        number: 0,
        at: result.end,
        range: { id: annotation.id, start: result.start, end: result.end },
        quote: annotation.quote,
        body: renderBody(annotation.body, options.base),
        sources: annotation.sources,
        block: blockAt(page.spots, result.start)!,
      });
    }
    if (problems.length > 0) throw new Error(combineProblems(problems));

    const definitions = new Map<string, Element>();
    for (const item of page.footnotes ? (page.footnotes.children.find((c): c is Element => c.type === 'element' && c.tagName === 'ol')?.children ?? []) : []) {
      if (item.type === 'element' && typeof item.properties.id === 'string') definitions.set(item.properties.id, item);
    }
    const footnoteNotes = new Map<string, Note>();
    for (const ref of page.footnoteRefs) {
      if (footnoteNotes.has(ref.target)) continue;
      const definition = definitions.get(ref.target);
      const id = `footnote-${ref.target.replace(/^user-content-fn-/, '')}`;
      const note: Note = { id, kind: 'footnote', number: 0, at: ref.at, body: definition ? footnoteBody(definition) : [], sources: [], block: ref.block };
      footnoteNotes.set(ref.target, note);
      notes.push(note);
    }

    notes.sort((a, b) => (a.range?.start ?? a.at) - (b.range?.start ?? b.at) || a.at - b.at);
    notes.forEach((note, index) => (note.number = index + 1));
    const byId = new Map(notes.map((n) => [n.id, n]));
    const ranges = notes.flatMap((n) => (n.range ? [n.range] : []));

    const marker = (note: Note, withId: boolean): Element =>
      h(
        'a',
        {
          className: ['note-marker'],
          href: `#note-${note.id}`,
          id: withId ? `marker-${note.id}` : undefined,
          ariaLabel: `Note ${note.number}, ${KIND_LABELS[note.kind].toLowerCase()}`,
        },
        [h('sup', String(note.number))],
      );

    // Wrap the passages in <mark>s and put each note's marker right after its passage, or right after the link
    // the passage ends in (a marker is a link itself, and links do not nest).
    const afterLinks = new Map<Enclosing, Element[]>();
    for (const spot of page.spots) {
      const end = spot.start + spot.node.value.length;
      const pieces = coverPieces(spot.start, end, ranges);
      if (pieces.length === 1 && pieces[0]!.ids.length === 0) continue;
      const replacement: ElementContent[] = [];
      const afterLink = spot.link ? (afterLinks.get(spot.link) ?? []) : undefined;
      for (const piece of pieces) {
        let content: ElementContent = { type: 'text', value: text.slice(piece.start, piece.end) };
        for (const id of [...piece.ids].reverse()) {
          const note = byId.get(id)!;
          content = h('mark', { dataAnnotation: id, id: piece.start === note.range!.start ? `passage-${id}` : undefined }, [content]);
        }
        replacement.push(content);
        for (const note of notes) if (note.range && note.range.end === piece.end && piece.end > spot.start) (afterLink ?? replacement).push(marker(note, true));
      }
      if (spot.link && afterLink?.length) afterLinks.set(spot.link, afterLink);
      const siblings = spot.parent.children as ElementContent[];
      siblings.splice(siblings.indexOf(spot.node), 1, ...replacement);
    }
    for (const [link, markers] of afterLinks) {
      const siblings = link.parent.children as ElementContent[];
      siblings.splice(siblings.indexOf(link.element) + 1, 0, ...markers);
    }
    const seen = new Set<string>();
    for (const ref of page.footnoteRefs) {
      const note = footnoteNotes.get(ref.target)!;
      const siblings = ref.parent.children as ElementContent[];
      siblings.splice(siblings.indexOf(ref.sup), 1, marker(note, !seen.has(note.id)));
      seen.add(note.id);
    }

    const sourcesLine = (note: Note): ElementContent[] => {
      if (note.sources.length === 0) return [];
      const parts: ElementContent[] = [{ type: 'text', value: note.sources.length === 1 ? 'Source: ' : 'Sources: ' }];
      note.sources.forEach((source, index) => {
        if (index > 0) parts.push({ type: 'text', value: '; ' });
        const resolve = (slug: string, quote: string): ResolvedArticle | undefined => {
          const cited = loadArticle(slug);
          if (!cited) return undefined;
          const found = anchorQuote(cited.passages, { quote });
          return { title: cited.title, outlet: cited.outlet, paragraph: found.found === 'once' ? found.passage.number : undefined };
        };
        for (const part of describeSource(source, resolve, loadEvent, here)) {
          if (!('href' in part)) parts.push({ type: 'text', value: part.text });
          else if (part.external) parts.push(h('a', { href: part.href, rel: [...EXTERNAL_REL] }, part.text));
          else parts.push(h('a', { href: joinBase(options.base, part.href) }, part.text));
        }
      });
      parts.push({ type: 'text', value: '.' });
      return [h('p', { className: ['note-sources'] }, parts)];
    };

    // A footnote's head is its number alone: its kind would say "Footnote" every time, and notes.css sets its text on
    // the number's line, as Tufte's sidenotes are.
    const sidenote = (note: Note): Element =>
      h(
        'div',
        {
          className: note.kind === 'footnote' ? ['sidenote', 'sidenote--footnote'] : ['sidenote'],
          id: `note-${note.id}`,
          role: 'note',
          ariaLabel: `Note ${note.number}, ${KIND_LABELS[note.kind].toLowerCase()}`,
          tabIndex: -1,
          dataPagefindTitle: KIND_LABELS[note.kind],
        },
        [
          h('p', { className: ['note-head'] }, [
            h('a', { href: `#note-${note.id}`, ariaLabel: `Link to note ${note.number}` }, String(note.number)),
            ...(note.kind === 'footnote' ? [] : [` ${KIND_LABELS[note.kind]}`]),
          ]),
          h('div', { className: ['note-body'] }, note.body),
          ...sourcesLine(note),
        ],
      );

    // Put each block's notes in a column beside it.
    const byBlock = new Map<Element, Note[]>();
    for (const note of notes) byBlock.set(note.block, [...(byBlock.get(note.block) ?? []), note]);
    tree.children = tree.children.flatMap((child): RootContent[] => {
      if (child.type === 'element' && isFootnotesSection(child)) return [];
      const here = child.type === 'element' ? byBlock.get(child) : undefined;
      if (!here) return [child];
      return [h('div', { className: ['annotated'] }, [child, h('div', { className: ['sidenotes'] }, here.map(sidenote))])];
    });

    // The list at the end names each note and links to it and back to its passage. It does not repeat the
    // notes' text, which is already in the page beside each paragraph; print moves those to the end instead.
    tree.children.push(
      h('section', { className: ['endnotes'], ariaLabelledby: 'endnotes-title' }, [
        h('h2', { id: 'endnotes-title' }, 'Notes'),
        h(
          'ol',
          { className: ['endnotes-list'] },
          notes.map((note) =>
            h('li', [
              // A footnote is its number and words here too, as in the margin (its kind would repeat "Footnote").
              ...(note.kind === 'footnote'
                ? [{ type: 'text' as const, value: excerpt(note.body) }]
                : [
                    h('span', { className: ['note-kind'] }, KIND_LABELS[note.kind]),
                    ...(note.quote
                      ? [{ type: 'text' as const, value: ' on ' }, h('q', note.quote)]
                      : [{ type: 'text' as const, value: `: ${excerpt(note.body)}` }]),
                  ]),
              ' ',
              h('a', { href: `#note-${note.id}` }, `Read note ${note.number}`),
              // A no-break space: the arrow never starts a line of its own.
              '\u00a0',
              h('a', { href: note.range ? `#passage-${note.id}` : `#marker-${note.id}`, ariaLabel: `Back to the passage of note ${note.number}` }, '↩'),
            ]),
          ),
        ),
      ]),
    );
  };
}
