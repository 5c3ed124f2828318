// A dated event on the timeline (content/events/<date>-<slug>.yaml). Every event needs a source.
import { z } from 'astro/zod';
import { distinctList, frontmatterObject } from './frontmatter-rules.ts';
import { sourceList } from './annotation.ts';

export const EVENT_PRECISIONS = ['day', 'month', 'year', 'approximate'] as const;

const eventFields = {
  /** When it happened, YYYY-MM-DD (the first of the month or year when only those are known). */
  date: z.coerce.date({ error: 'Give the date as YYYY-MM-DD, e.g. date: 2024-09-05.' }),
  /** day, month, year, or approximate (then say in the description how the date is known). */
  datePrecision: z.enum(EVENT_PRECISIONS, { error: `datePrecision must be one of ${EVENT_PRECISIONS.join(', ')}.` }),
  /** A short headline of our own. */
  title: z.string({ error: 'Give the event a short title of our own.' }).min(1),
  /** One or two sentences of our own. */
  description: z.string({ error: 'Describe the event in one or two sentences of our own.' }).min(1),
  /** Topic slugs it belongs to. */
  topics: distinctList(z.string().min(1)).min(1, 'Tag the event with at least one topic slug.'),
  /** Where it is reported: one of our articles (article + quote) or an outside report (outlet, …). */
  sources: sourceList({ error: 'An event needs sources: at least one outside report or article passage.' }).min(
    1,
    'An event needs at least one source: an outside report or one of our articles.',
  ),
};

/** A date whose precision is a month or a year is written as its first day: a day beyond that is a slip in one of the
 * two (the timeline shows "August 2017" and would order the event by a day nobody gave). */
export const eventSchema = frontmatterObject(eventFields, (event, ctx) => {
  const date = event.date instanceof Date ? event.date : typeof event.date === 'string' ? new Date(event.date) : undefined;
  if (!date || Number.isNaN(date.getTime())) return;
  const precision = event.datePrecision;
  const beyond = (precision === 'month' && date.getUTCDate() !== 1) || (precision === 'year' && (date.getUTCMonth() !== 0 || date.getUTCDate() !== 1));
  if (beyond)
    ctx.addIssue({
      code: 'custom',
      path: ['date'],
      params: { rule: 'date-beyond-precision', precision },
      message: `With datePrecision: ${String(precision)}, write the first day of the ${String(precision)}.`,
    });
});
export type EventData = z.output<typeof eventSchema>;
