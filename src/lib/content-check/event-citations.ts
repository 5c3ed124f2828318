// One fact, one answer. An event's date lives in its file (content/events/<date>-<slug>.yaml); a note that cites
// the event (`- event: <id>`) shows that date and must not tell a different one, and the same outside report must
// carry the same date wherever it is cited. Three rules:
// - a cited event must exist (with the likely id when it is mistyped), like a cited article or topic;
// - a note citing an event that happened on a known day (datePrecision: day) must not write, in its body, a date
//   within a month of it without ever writing the event's own date (conflictingDates says why this is precise);
// - one report (the same https:// address) cited with two different dates, in notes, events or topics.
import { isoDay } from '../dates.ts';
import { sameAddress } from '../urls.ts';
import { conflictingDates } from '../timeline/dates-in-text.ts';
import { objectItems, placeAt, type Registry } from './cross-references.ts';
import { locate, positionWithin } from '../../content-model/frontmatter.ts';
import { yamlOf } from './finding.ts';
import type { Entry } from './parse-entry.ts';
import { SECTIONS, type Problem } from './problem.ts';
import { fieldLabel } from './schema-problems.ts';
import { didYouMean } from './similar.ts';

const asDay = (value: unknown): string | undefined => (typeof value === 'string' ? value : value instanceof Date ? isoDay(value) : undefined);

/** A source citing one of our events (`event: <id>`): the event must exist. */
export function eventCitationProblems(entry: Entry, path: readonly PropertyKey[], source: Record<string, unknown>, registry: Registry): Problem[] {
  const id = source.event;
  if (typeof id !== 'string' || registry.events.has(id)) return [];
  return [
    {
      ...placeAt(entry, [...path, 'event']),
      rule: 'unknown-event',
      message: `${fieldLabel(path, entry.data)}: there is no event "${id}".`,
      expected: `the file name of an event in ${registry.rootLabel}/events/, without .yaml${didYouMean(id, registry.events.keys())}`,
      found: id,
      fix: 'correct the id: an event is cited by its file name without .yaml, which starts with its date.',
      section: SECTIONS.sources,
    },
  ];
}

/** A note that cites an event by id and writes, in its body, another date for it. */
export function noteDateProblems(entry: Entry, index: number, note: Record<string, unknown>, registry: Registry): Problem[] {
  const body = note.body;
  if (typeof body !== 'string') return [];
  const problems: Problem[] = [];
  for (const [, source] of objectItems(note.sources)) {
    const id = source.event;
    if (typeof id !== 'string') continue;
    const event = registry.events.get(id);
    const eventDate = asDay(event?.data.date);
    if (!event || !eventDate || event.data.datePrecision !== 'day' || event.impossibleDates?.includes('date')) continue;
    for (const written of conflictingDates(body, eventDate)) {
      const yaml = yamlOf(entry);
      const node = yaml ? locate(yaml, ['annotations', index, 'body']).node : undefined;
      problems.push({
        file: entry.file.path,
        ...(yaml ? positionWithin(yaml, node, written.text) : placeAt(entry, ['annotations', index, 'body'])),
        rule: 'event-dated-differently',
        message: `${fieldLabel(['annotations', index], entry.data)}: dates the event it cites, "${id}", ${written.text}; the event's file says ${eventDate}.`,
        expected: `the event's date, ${eventDate}, or no date in the note (its source line shows the event's date)`,
        found: written.text,
        fix: `check both against the reporting and correct the wrong one: the event's date in ${registry.rootLabel}/events/${String(id)}.yaml (renaming the file to match), or the note. Better, leave the date out of the note: the source line shows the event's.`,
        section: SECTIONS.sources,
      });
    }
  }
  return problems;
}

/** Every source that is an outside report with an address and a date, wherever it is cited. */
function datedReports(registry: Registry): { entry: Entry; path: PropertyKey[]; url: string; date: string }[] {
  const found: { entry: Entry; path: PropertyKey[]; url: string; date: string }[] = [];
  const collect = (entry: Entry, path: PropertyKey[], sources: unknown) => {
    for (const [index, source] of objectItems(sources)) {
      const date = asDay(source.date);
      // A date that is not a real one is reported in its file; the day a parser made of it is no one's date.
      if (entry.impossibleDates?.includes([...path, index, 'date'].join('.'))) continue;
      if (typeof source.url === 'string' && date) found.push({ entry, path: [...path, index], url: source.url, date });
    }
  };
  for (const entry of registry.articles.values()) {
    for (const [index, note] of objectItems(entry.data.annotations)) collect(entry, ['annotations', index, 'sources'], note.sources);
  }
  for (const entry of registry.events.values()) collect(entry, ['sources'], entry.data.sources);
  for (const entry of registry.topics.values()) {
    for (const [index, disagreement] of objectItems(entry.data.disagreements)) collect(entry, ['disagreements', index, 'sources'], disagreement.sources);
  }
  return found;
}

/** One report cited with two dates: every citation after the first that disagrees with it. */
export function reportDateProblems(registry: Registry): Problem[] {
  const first = new Map<string, { entry: Entry; path: PropertyKey[]; date: string }>();
  const problems: Problem[] = [];
  for (const report of datedReports(registry)) {
    const key = sameAddress(report.url);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, report);
      continue;
    }
    if (earlier.date === report.date) continue;
    const where = placeAt(earlier.entry, [...earlier.path, 'date']);
    problems.push({
      ...placeAt(report.entry, [...report.path, 'date']),
      rule: 'report-dated-differently',
      message: `${fieldLabel(report.path, report.entry.data)}: the report ${report.url} is dated ${report.date} here and ${earlier.date} at ${where.file}:${where.line}.`,
      expected: 'one date for one report, wherever it is cited',
      found: `${report.date} here; ${earlier.date} in ${fieldLabel(earlier.path, earlier.entry.data)} of ${where.file}`,
      fix: "open the report and correct the wrong date: a source's date is the day the report was published, not the day of the event it reports.",
      section: SECTIONS.sources,
    });
  }
  return problems;
}
