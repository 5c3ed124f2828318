// The frontmatter of an article (content/articles/<slug>.md, or .mdx). Every field is documented here because this is
// what a contributor's editor shows on hover, and every rule carries a message that says how to fix it.
import { z } from 'astro/zod';
import { distinctList, frontmatterObject } from './frontmatter-rules.ts';
import { annotationListSchema, isWebAddress, SOURCE_MESSAGES } from './annotation.ts';

const articleFields = {
  /** The headline exactly as the outlet published it (never corrected: add a correction note instead). */
  title: z.string({ error: 'Give the headline as the outlet published it, e.g. title: "Alibaba Embraces WeChat Pay".' }).min(1),
  /** The dek or subtitle printed under the headline, verbatim, when the original has one. */
  standfirst: z.string().min(1).optional(),
  /** The publication the text was taken from, e.g. "Luxury Daily". */
  outlet: z.string({ error: 'Name the publication the text was taken from, e.g. outlet: "Luxury Daily".' }).min(1),
  /** When the outlet republished someone else's piece: the original publisher, e.g. "Jing Daily". */
  republishedFrom: z.string().min(1).optional(),
  /**
   * The credit line the outlet printed with a republished piece, verbatim, e.g. "Published with permission from
   * Jing Daily. Adapted for clarity and style.": the page shows it under the headline, as credit to the original
   * publisher and as disclosure that the text was edited. The importer moves it here from the page.
   */
  credit: z.string().min(1).optional(),
  /** The byline, when the original has one. Leave it out rather than guess. */
  author: z.string().min(1).optional(),
  /** The publication date, YYYY-MM-DD. With datePrecision: approximate it is our best estimate. */
  published: z.coerce.date({ error: 'Give the publication date as YYYY-MM-DD, e.g. published: 2021-03-25.' }),
  /** `day` when the original carries a dateline; `approximate` when the date was inferred (then say how in dateNote). */
  datePrecision: z.enum(['day', 'approximate'], {
    error: 'Use datePrecision: day (the original has a dateline) or datePrecision: approximate (you inferred the date; explain in dateNote).',
  }),
  /** How an approximate date was inferred, in a sentence a reader can check. */
  dateNote: z.string().min(1).optional(),
  /** The address of the original article, when a stable one is known. */
  originalUrl: z.url({ error: 'originalUrl must be a full address starting with https://; leave the field out when none is known.' }).optional(),
  /** Topic slugs this article is about (files in content/topics/, without .mdx). */
  topics: distinctList(z.string().min(1)).default([]),
  /** Our own one- or two-sentence summary, shown in lists and as the page description. */
  summary: z.string({ error: 'Write our own one- or two-sentence summary, e.g. summary: "Alibaba opens Taobao to WeChat Pay…".' }).min(1),
  /** The language of the original text, as a BCP 47 tag: en, zh, zh-Hant… */
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as en or zh.')
    .default('en'),
  /**
   * `bold` when the copy we reproduce wrote the original's links as bold runs and their addresses were lost (the
   * importer's rule, src/import/lost-links.ts): every **bold** run of the text is then shown as a link whose
   * address was not kept, never as emphasis. Leave it out when the bold is the author's.
   */
  lostLinks: z.enum(['bold'], { error: 'lostLinks can only be bold (the bold runs are links whose addresses were lost); leave it out otherwise.' }).optional(),
  /** The margin notes on this article, in any order (they are shown in the order of their passages). */
  annotations: annotationListSchema.default([]),
};

export const articleSchema = frontmatterObject(articleFields, (article, ctx) => {
  // The publication's name, as a source's outlet is (src/schemas/annotation.ts): the page shows it as written.
  for (const field of ['outlet', 'republishedFrom'] as const) {
    const name = article[field];
    if (typeof name === 'string' && isWebAddress(name))
      ctx.addIssue({ code: 'custom', path: [field], params: { rule: 'outlet-is-an-address' }, message: SOURCE_MESSAGES.outletAddress });
  }
  if (article.datePrecision === 'approximate' && !article.dateNote) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateNote'],
      params: { rule: 'approximate-date-without-note' },
      message: 'An approximate date needs dateNote: say in a sentence how the date was inferred.',
    });
  }
});

/**
 * What the content store keeps of an article: its frontmatter checked by articleSchema, without the notes. The notes
 * are nearly all of an article's frontmatter (96% of its bytes in the benchmark corpus); kept in the store they were
 * serialized again on every content change in `astro dev` (Astro saves the whole store 500 ms after a change, and
 * each page then loads it again) and bundled into every build. Pages read them from the content model instead,
 * checked by the same schema: src/data/article-notes.ts.
 */
export const storedArticleSchema = articleSchema.transform(({ annotations: _notes, ...stored }) => stored);

/** An article's frontmatter as the content store holds it (no notes: see storedArticleSchema). */
export type ArticleData = z.output<typeof storedArticleSchema>;
