// A margin note, written in an article's frontmatter under `annotations:`. The passage it is about is given
// by its exact text (`quote`, with optional `prefix`/`suffix` as in the W3C Web Annotation TextQuoteSelector),
// so the article's own text never has to be edited to attach a note.
import { z } from 'astro/zod';
import { KINDS_NEEDING_SOURCES, NOTE_KINDS } from '../lib/annotations/kinds.ts';

const slug = (what: string, example: string) =>
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${what} are lower-case words and digits joined by hyphens, e.g. ${example}.`);

/** A source for a note: an outside report (outlet, …) or one of our own articles (article + quote or paragraph). */
export const sourceSchema = z
  .strictObject({
    /** Outside report: the publication, e.g. Reuters. */
    outlet: z.string().min(1).optional(),
    /** Outside report: its headline, when known. */
    title: z.string().min(1).optional(),
    /** Outside report: its date (YYYY-MM-DD), when known. */
    date: z.coerce.date({ error: 'A source date is written YYYY-MM-DD, e.g. date: 2021-07-14.' }).optional(),
    /** Outside report: its address, when known. Never guess one. */
    url: z.url({ error: 'A source url must be a full address starting with https://; leave it out when unknown.' }).optional(),
    /** One of our articles: its slug (the file name in content/articles/, without .md or .mdx). */
    article: slug('Article slugs', 'article: alibaba-embraces-wechat-pay').optional(),
    /** One of our articles: an exact passage of it that says what the note relies on. */
    quote: z.string().min(1).optional(),
  })
  .superRefine((source, ctx) => {
    const internal = source.article !== undefined;
    if (!internal && !source.outlet) {
      ctx.addIssue({ code: 'custom', params: { rule: 'source-without-outlet' }, message: 'A source needs either outlet: (an outside report) or article: and quote: (one of our articles).' });
    }
    if (internal && !source.quote) {
      ctx.addIssue({ code: 'custom', path: ['quote'], params: { rule: 'source-without-quote' }, message: 'A source in one of our articles needs quote: the exact passage it relies on.' });
    }
    if (internal && (source.outlet || source.title || source.date || source.url)) {
      ctx.addIssue({ code: 'custom', params: { rule: 'source-of-both-kinds' }, message: 'A source is either one of our articles (article:, quote:) or an outside report (outlet:, title:, date:, url:), not both: split it in two.' });
    }
  });

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
    sources: z.array(sourceSchema).default([]),
    /** Topic slugs the note is about. */
    topics: z.array(z.string().min(1)).default([]),
  })
  .superRefine((note, ctx) => {
    if (KINDS_NEEDING_SOURCES.includes(note.kind) && note.sources.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['sources'], params: { rule: 'note-without-source', kind: note.kind }, message: `A ${note.kind} note must cite at least one source (an outside report or one of our articles).` });
    }
  });

export const annotationListSchema = z.array(annotationSchema).superRefine((notes, ctx) => {
  const seen = new Map<string, number>();
  notes.forEach((note, index) => {
    const first = seen.get(note.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [index, 'id'], params: { rule: 'duplicate-note-id', id: note.id, first: first + 1 }, message: `Note id "${note.id}" is already used by note ${first + 1} of this article: ids must be unique.` });
    } else {
      seen.set(note.id, index);
    }
  });
});

export type Annotation = z.output<typeof annotationSchema>;
export type NoteSource = z.output<typeof sourceSchema>;
