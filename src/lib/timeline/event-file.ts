// What a note citing one of our events (`- event: <id>`) shows of it: its title and its date, as precise as it is
// known, read from content/events/<id>.yaml. The note never restates the date, so it has one home: the event file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { eventSchema, type EventData } from '../../schemas/event.ts';

export type EventSummary = Pick<EventData, 'title' | 'date' | 'datePrecision'>;

/** The event `id` under the content root, or undefined when there is none (or it is not valid: the check says why). */
export function readEventSummary(contentDir: string, id: string): EventSummary | undefined {
  for (const extension of ['.yaml', '.yml']) {
    const path = join(contentDir, 'events', `${id}${extension}`);
    if (!existsSync(path)) continue;
    const parsed = eventSchema.safeParse(parse(readFileSync(path, 'utf8')));
    return parsed.success ? { title: parsed.data.title, date: parsed.data.date, datePrecision: parsed.data.datePrecision } : undefined;
  }
  return undefined;
}
