// A margin note, written in an article's frontmatter under `annotations:`. The passage it is about is given
// by its exact text (`quote`, with optional `prefix`/`suffix` as in the W3C Web Annotation TextQuoteSelector),
// so the article's own text never has to be edited to attach a note.
import { z } from 'astro/zod';
import { KINDS_NEEDING_SOURCES, NOTE_KINDS } from '../lib/annotations/kinds.ts';
import { sameAddress } from '../lib/urls.ts';
import { distinctList, repeats } from './frontmatter-rules.ts';

const slug = (what: string, example: string) =>
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${what} are lower-case words and digits joined by hyphens, e.g. ${example}.`);

/**
 * Words that stand in for a missing part of a source ("no URL on file"): a reader cannot follow them, and a source
 * we could not see is not a source. Leave the field out instead (url, title) or find the report.
 */
export const MISSING_PART_TEXT = /\bno (?:url|address|link|date|title)s? (?:is )?(?:on file|known|available)\b/i;

/** An event's id: its file name in content/events/ without .yaml, which starts with its date. */
export const EVENT_ID = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a name (an outlet, a publisher) was written as a web address instead: https://…, http://… or www.…. */
export const isWebAddress = (name: string): boolean => /^(?:https?:\/\/|www\.)/i.test(name.trim());

/**
 * The messages of the source rules, for anything that reads the schema on its own. The content check picks its advice
 * by the rule id each issue carries in `params.rule` (src/lib/content-check/schema-problems.ts), never by this wording.
 */
export const SOURCE_MESSAGES = {
  neither: 'A source needs either outlet: (an outside report), article: and quote: (one of our articles) or event: (one of our timeline events).',
  quote: 'A source in one of our articles needs quote: the exact passage it relies on.',
  mixed:
    'A source is one of our articles (article:, quote:), one of our events (event:) or an outside report (outlet:, title:, date:, url:), never two of these: split it.',
  date: 'An outside source needs date: the day the report was published, YYYY-MM-DD.',
  titleOrUrl: 'An outside source needs title: (its headline) or url: (its https:// address), or both.',
  missingPartText: 'A source field says that something is missing ("no URL on file"): leave the field out, or find the report.',
  url: 'A source url must be a full address starting with https://; leave it out when unknown.',
  outletAddress: "outlet: is the publication's name (Fortune), not its web address, which goes in a source's url: or an article's originalUrl:.",
} as const;

/**
 * A source, in one of three forms:
 * - an outside report: `outlet`, `date` and at least one of `title` or `url` (https), as a reader needs to find it;
 * - one of our articles: `article` and `quote`, the passage relied on (the page links to its paragraph);
 * - one of our timeline events: `event`, its id (the page shows its date and title, linked to the timeline), so that
 *   a date told in an event file has one home and a note citing it cannot disagree with it.
 */
export const sourceSchema = z
  .strictObject({
    /** Outside report: the publication, e.g. Reuters ("Reuters, via Zee News" for a republished copy). */
    outlet: z.string().min(1).optional(),
    /** Outside report: its headline, as published. An outside report needs a title, a url, or both. */
    title: z.string().min(1).optional(),
    /** Outside report: the day it was published (YYYY-MM-DD). Required for an outside report. */
    date: z.coerce.date({ error: 'A source date is written YYYY-MM-DD, e.g. date: 2021-07-14.' }).optional(),
    /** Outside report: the https:// address of the copy you read. Never guess one. */
    url: z.url({ protocol: /^https$/, error: SOURCE_MESSAGES.url }).optional(),
    /** One of our articles: its slug (the file name in content/articles/, without .md or .mdx). */
    article: slug('Article slugs', 'article: alibaba-embraces-wechat-pay').optional(),
    /** One of our articles: an exact passage of it that says what the note relies on. */
    quote: z.string().min(1).optional(),
    /** One of our timeline events: its id, the file name in content/events/ without .yaml. */
    event: z.string().regex(EVENT_ID, 'An event is cited by its file name without .yaml, e.g. event: 2021-07-13-self-discipline-convention-signed.').optional(),
  })
  .superRefine((source, ctx) => {
    const internal = source.article !== undefined;
    const event = source.event !== undefined;
    const outside = source.outlet !== undefined || source.title !== undefined || source.date !== undefined || source.url !== undefined;
    for (const field of ['outlet', 'title', 'url', 'quote'] as const) {
      const value = source[field];
      if (typeof value === 'string' && MISSING_PART_TEXT.test(value))
        ctx.addIssue({ code: 'custom', path: [field], params: { rule: 'source-missing-part' }, message: SOURCE_MESSAGES.missingPartText });
    }
    if ([internal, event, outside].filter(Boolean).length > 1) {
      ctx.addIssue({ code: 'custom', params: { rule: 'source-of-both-kinds' }, message: SOURCE_MESSAGES.mixed });
      return;
    }
    if (event) return;
    if (internal) {
      if (!source.quote) ctx.addIssue({ code: 'custom', path: ['quote'], params: { rule: 'source-without-quote' }, message: SOURCE_MESSAGES.quote });
      return;
    }
    if (!source.outlet) {
      ctx.addIssue({ code: 'custom', params: { rule: 'source-without-outlet' }, message: SOURCE_MESSAGES.neither });
      return;
    }
    if (isWebAddress(source.outlet))
      ctx.addIssue({ code: 'custom', path: ['outlet'], params: { rule: 'outlet-is-an-address' }, message: SOURCE_MESSAGES.outletAddress });
    if (!source.date) ctx.addIssue({ code: 'custom', path: ['date'], params: { rule: 'source-without-date' }, message: SOURCE_MESSAGES.date });
    if (!source.title && !source.url) ctx.addIssue({ code: 'custom', params: { rule: 'source-without-title-or-url' }, message: SOURCE_MESSAGES.titleOrUrl });
  });

/** A Markdown link to one of our articles, in a note's body: [words](/articles/<slug>/…). */
const LINK_TO_ARTICLE = /\]\(\/articles\/[a-z0-9-]+\//;

/** What makes two sources one: the same report (its address; else its outlet, title and date), the same passage of
 * one of our articles, the same event. */
function sourceKey(source: unknown): string | undefined {
  if (!source || typeof source !== 'object') return undefined;
  const { url, outlet, title, date, article, quote, event } = source as Record<string, unknown>;
  if (typeof url === 'string') return sameAddress(url);
  if (typeof article === 'string') return `${article}: "${String(quote)}"`;
  if (typeof event === 'string') return event;
  if (typeof outlet === 'string' && typeof title === 'string')
    return `${outlet}, "${title}"${date instanceof Date ? `, ${date.toISOString().slice(0, 10)}` : ''}`;
  return undefined;
}

/**
 * The sources of a note, an event or a topic's disagreement. One cited twice is a copied block, and the source line
 * would name it twice: reported as a repeated item, at the second. Runs even when a source is otherwise wrong.
 */
export function sourceList(params?: Parameters<typeof z.array>[1]) {
  return z.array(sourceSchema, params).superRefine(
    (sources, ctx) => {
      for (const { index, first, key } of repeats(sources, sourceKey)) {
        // Named as written: its address, or what else makes it the same source.
        const url = (sources[index] as { url?: unknown }).url;
        ctx.addIssue({
          code: 'custom',
          path: [index],
          params: { rule: 'repeated-item', value: typeof url === 'string' ? url : key, first: first + 1 },
          message: `Source ${index + 1} repeats source ${first + 1}.`,
        });
      }
    },
    { when: (payload) => Array.isArray(payload.value) },
  );
}

export const annotationSchema = z
  .strictObject({
    /** Stable id, used in the note's address (#note-<id>): lower-case words joined by hyphens. Never change a published id. */
    id: slug('Note ids', 'id: cost-per-mille'),
    /** The exact passage of the article the note is about, as a reader sees it (no ** or []() markup), within one paragraph. */
    quote: z.string({ error: 'Give the exact passage the note is about, e.g. quote: "charged by cost per mile".' }).min(1),
    /** Only when the quote occurs more than once: the text just before it. */
    prefix: z.string().min(1).optional(),
    /** Only when the quote occurs more than once: the text just after it. */
    suffix: z.string().min(1).optional(),
    /** What the note does: context, definition, correction, fact-check, update or cross-reference. */
    kind: z.enum(NOTE_KINDS, { error: `kind must be one of ${NOTE_KINDS.join(', ')}.` }),
    /** The note itself, in Markdown. It may link to /articles/<slug>/ and /topics/<slug>/. */
    body: z.string({ error: 'Write the note in body: (Markdown; use body: | for several lines).' }).min(1),
    /** Where each fact in the body comes from. Required for corrections, fact-checks and updates. */
    sources: sourceList().default([]),
    /** Topic slugs the note is about. */
    topics: distinctList(z.string().min(1)).default([]),
  })
  .superRefine((note, ctx) => {
    if (KINDS_NEEDING_SOURCES.includes(note.kind) && note.sources.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        params: { rule: 'note-without-source', kind: note.kind },
        message: `A ${note.kind} note must cite at least one source (an outside report or one of our articles).`,
      });
    }
    // A cross-reference sends the reader to another of our articles: it cites one, or links one in its body.
    const citesArticle = note.sources.some((source) => typeof (source as { article?: unknown }).article === 'string');
    if (note.kind === 'cross-reference' && !citesArticle && !LINK_TO_ARTICLE.test(note.body)) {
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        params: { rule: 'cross-reference-without-article' },
        message: 'A cross-reference note points to another of our articles: cite it (article:, quote:) or link it in the body.',
      });
    }
  });

/** A note's id as written, whether or not the rest of the note is valid. */
const idOf = (note: unknown) => (note && typeof note === 'object' && 'id' in note && typeof note.id === 'string' ? note.id : undefined);

// Runs even when some note has another problem (a misspelt kind), so a contributor sees a repeated id in the same
// run as the rest: the notes are then as written, and only their ids are read.
export const annotationListSchema = z.array(annotationSchema).superRefine(
  (notes, ctx) => {
    for (const { index, first, key: id } of repeats(notes, idOf)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        params: { rule: 'duplicate-note-id', id, first: first + 1 },
        message: `Note id "${String(id)}" is already used by note ${first + 1} of this article: ids must be unique.`,
      });
    }
  },
  { when: (payload) => Array.isArray(payload.value) },
);

export type Annotation = z.output<typeof annotationSchema>;
export type NoteSource = z.output<typeof sourceSchema>;
