// How the site shows a publication date. Several sources carry no dateline, so a date can be inferred
// ("approximate"); the reader must be able to tell an exact date from an estimate at a glance.

export type DatePrecision = 'day' | 'approximate';

const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "25 March 2021", or "about 15 July 2021" when the date was inferred. Dates are calendar days in UTC. */
export function formatPublished(date: Date, precision: DatePrecision): string {
  const day = LONG.format(date);
  return precision === 'approximate' ? `about ${day}` : day;
}

/** The machine-readable form for <time datetime> and JSON-LD: YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Newest first; ties broken by title so the order is stable across builds. */
export function byNewest<T extends { published: Date; title: string }>(a: T, b: T): number {
  return b.published.getTime() - a.published.getTime() || a.title.localeCompare(b.title);
}
