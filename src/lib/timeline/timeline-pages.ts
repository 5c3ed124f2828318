// The timeline's order and its pages, in one place. The timeline (src/pages/timeline/[...page].astro) lists every
// event and every article's publication, oldest first, TIMELINE_PAGE_SIZE to a page: page 1 at /timeline/, page N
// at /timeline/N/. Everything that links to an event (a note's `event:` source, a contributor's Markdown link
// /timeline/#event-<id>, a topic page's source line) asks here which page lists it, and the timeline paginates the
// same ordered list with the same page size, so a link and the page it names can never disagree.

/** How many entries (events and publications) one timeline page lists. */
export const TIMELINE_PAGE_SIZE = 100;

/** What decides an entry's place on the timeline. */
export interface TimelineKey {
  kind: 'event' | 'article';
  /** The event's file name without .yaml, or the article's slug. */
  id: string;
  /** When it happened, or when the article was published. */
  date: Date;
  /** The event's or article's title (articles of one day are in title order). */
  title: string;
}

export interface TimelinePages<T> {
  /** Every entry, in the timeline's order: oldest first; on one day events (by id) before articles (by title). */
  entries: T[];
  /** The page (from 1) that lists each event, by event id. */
  eventPages: Map<string, number>;
  /** How many pages the timeline has (at least 1). */
  pageCount: number;
}

/** Oldest first; on the same day events come before articles, events in id order and articles in title order. */
export function compareTimeline(a: TimelineKey, b: TimelineKey): number {
  return (
    a.date.getTime() - b.date.getTime() ||
    (a.kind === b.kind ? 0 : a.kind === 'event' ? -1 : 1) ||
    (a.kind === 'article' ? a.title.localeCompare(b.title) : 0) ||
    a.id.localeCompare(b.id)
  );
}

/** The timeline's entries in order, and the page each event is on. */
export function paginateTimeline<T extends TimelineKey>(items: readonly T[], pageSize: number = TIMELINE_PAGE_SIZE): TimelinePages<T> {
  const entries = [...items].sort(compareTimeline);
  const eventPages = new Map<string, number>();
  entries.forEach((entry, position) => {
    if (entry.kind === 'event') eventPages.set(entry.id, Math.floor(position / pageSize) + 1);
  });
  return { entries, eventPages, pageCount: Math.max(1, Math.ceil(entries.length / pageSize)) };
}

/** Each year on the timeline, oldest first, with the page where its entries start (its heading, #year-<year>, is on
 * that page). `dates` are the timeline's entries' dates in its order; years are counted in UTC, as the list groups. */
export function yearPages(dates: readonly Date[], pageSize: number = TIMELINE_PAGE_SIZE): { year: number; page: number }[] {
  const years: { year: number; page: number }[] = [];
  dates.forEach((date, position) => {
    const year = date.getUTCFullYear();
    if (years.at(-1)?.year !== year) years.push({ year, page: Math.floor(position / pageSize) + 1 });
  });
  return years;
}

/** The site path of timeline page `page` (without the deploy base). */
export function timelinePagePath(page: number): string {
  return page <= 1 ? '/timeline/' : `/timeline/${page}/`;
}

/** The site path of an event on the page that lists it: /timeline/#event-<id> or /timeline/<page>/#event-<id>. */
export function eventPath(id: string, page: number): string {
  return `${timelinePagePath(page)}#event-${id}`;
}

/** An event's id: the file name of an event, <date>-<slug>. */
const EVENT_ID = '[A-Za-z0-9][\\w-]*';

/** A site path to an event as written (/timeline/#event-<id>, or with a page number); the id is group 1. */
const EVENT_LINK = new RegExp(`^/timeline/(?:\\d+/)?#event-(${EVENT_ID})$`);

/** The event a site path (without the deploy base) links to, or undefined when it is not a link to an event. */
export function linkedEvent(path: string): string | undefined {
  return EVENT_LINK.exec(path)?.[1];
}

/** A site path to an event, pointed at the page that lists it (`eventPages`, by id); any other path, or a link to an
 * event that does not exist (for the link check to report), as it is. */
export function onItsPage(path: string, eventPages: ReadonlyMap<string, number>): string {
  const id = linkedEvent(path);
  const page = id === undefined ? undefined : eventPages.get(id);
  return id !== undefined && page !== undefined ? eventPath(id, page) : path;
}

/** Every event a file's text links to (/timeline/#event-<id>, in its text or in its notes), sorted, once each. */
export function linkedEvents(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(new RegExp(`/timeline/(?:\\d+/)?#event-(${EVENT_ID})`, 'g'))) found.add(match[1]!);
  return [...found].sort();
}
