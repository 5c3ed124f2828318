// What a note citing one of our events (`- event: <id>`) shows of it: its title and its date, as precise as it is
// known, read from content/events/<id>.yaml through the content model (one reading of each file per build). The note
// never restates the date, so it has one home: the event file.
import { join } from 'node:path';
import { readEntry } from '../../content-model/entry.ts';
import { eventSchema, type EventData } from '../../schemas/event.ts';

export type EventSummary = Pick<EventData, 'title' | 'date' | 'datePrecision'>;

/** The event `id` under the content root, or undefined when there is none (or it is not valid: the check says why). */
export function readEventSummary(contentDir: string, id: string): EventSummary | undefined {
  for (const extension of ['.yaml', '.yml']) {
    const entry = readEntry('event', join(contentDir, 'events', `${id}${extension}`));
    if (!entry) continue;
    const parsed = eventSchema.safeParse(entry.data);
    return parsed.success ? { title: parsed.data.title, date: parsed.data.date, datePrecision: parsed.data.datePrecision } : undefined;
  }
  return undefined;
}
