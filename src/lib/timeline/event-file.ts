// What a note citing one of our events (`- event: <id>`) shows of it: its title, its date, as precise as it is
// known, and the timeline page that lists it, read from content/events/<id>.yaml through the content model (one
// reading of each file per build). The note never restates the date, so it has one home: the event file.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { modelEntry, modelVersion, readEntry } from '../../content-model/entry.ts';
import { eventSchema, type EventData } from '../../schemas/event.ts';
import { articleSlug } from '../article-files.ts';
import { paginateTimeline, type TimelineKey } from './timeline-pages.ts';

export type EventSummary = Pick<EventData, 'title' | 'date' | 'datePrecision'>;

/** The extensions an event file may have (the events collection's glob, src/content.config.ts). */
const EVENT_EXTENSIONS = ['.yaml', '.yml'] as const;

/** The event `id` under the content root, or undefined when there is none (or it is not valid: the check says why). */
export function readEventSummary(contentDir: string, id: string): EventSummary | undefined {
  for (const extension of EVENT_EXTENSIONS) {
    const entry = readEntry('event', join(contentDir, 'events', `${id}${extension}`));
    if (!entry) continue;
    const parsed = eventSchema.safeParse(entry.data);
    return parsed.success ? { title: parsed.data.title, date: parsed.data.date, datePrecision: parsed.data.datePrecision } : undefined;
  }
  return undefined;
}

const namesIn = (dir: string): string[] => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

/** A date as the schemas read it (z.coerce.date): YAML gives a timestamp, or a string; undefined when not a date. */
function dateOf(value: unknown): Date | undefined {
  if (!(value instanceof Date) && typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** What places every event and article of the content root on the timeline, from the content model's entries. */
function timelineKeys(contentDir: string): TimelineKey[] {
  const keys: TimelineKey[] = [];
  const add = (kind: TimelineKey['kind'], id: string, path: string, dateField: string) => {
    const data = modelEntry(kind, path)?.data ?? {};
    const date = dateOf(data[dateField]);
    // An entry without a valid date is not on the timeline (and the content check has stopped the build).
    if (date) keys.push({ kind, id, date, title: typeof data.title === 'string' ? data.title : '' });
  };
  const events = join(contentDir, 'events');
  for (const name of namesIn(events)) {
    const extension = EVENT_EXTENSIONS.find((candidate) => name.endsWith(candidate));
    if (extension) add('event', name.slice(0, -extension.length), join(events, name), 'date');
  }
  const articles = join(contentDir, 'articles');
  for (const name of namesIn(articles)) {
    const slug = articleSlug(name);
    if (slug !== undefined) add('article', slug, join(articles, name), 'published');
  }
  return keys;
}

const computed = new Map<string, { version: number; pages: ReadonlyMap<string, number> }>();

/** The timeline page of each event, by id (from paginateTimeline). */
export type EventPages = ReadonlyMap<string, number>;

/**
 * The timeline page that lists each event of the content root (paginateTimeline over every event and article).
 * Computed once per version of the content model (src/content-model/shared.ts): once per build, and again in the
 * dev server after a content file changes; never per note or per page. In a build the content check has read every
 * file already, so this reads none; a thread without those entries (the pre-render worker) is handed the pages
 * instead (`eventPages` of the pipeline's options), rather than parsing the whole corpus again.
 */
export function timelineEventPages(contentDir: string): EventPages {
  const root = resolve(contentDir);
  const known = computed.get(root);
  if (known && known.version === modelVersion()) return known.pages;
  const pages = paginateTimeline(timelineKeys(root)).eventPages;
  // Taken after the reading, which may itself have added entries to the model.
  computed.set(root, { version: modelVersion(), pages });
  return pages;
}
