// A day after the day of the check cannot be when an article ran or when a report was published: it is a slip of
// the year (2027 for 2021), and it would put the article first in every list and at the end of the timeline. Events
// are left alone: a rule or a launch can be announced for a day to come. This runs in the pass over every file, not
// where a file is parsed, because a parsed file is kept by digest and a day in the future now is in the past later.
import { isoDay } from '../dates.ts';
import { objectItems, placeAt, type Registry } from './cross-references.ts';
import type { Entry } from './parse-entry.ts';
import { SECTIONS, type Problem } from './problem.ts';
import { fieldLabel } from './schema-problems.ts';

/** Every publication date of a file: an article's own, and each outside source's. */
function publicationDates(entry: Entry): { path: PropertyKey[]; value: unknown }[] {
  const found: { path: PropertyKey[]; value: unknown }[] = [];
  const sources = (path: PropertyKey[], list: unknown) => {
    for (const [index, source] of objectItems(list)) found.push({ path: [...path, index, 'date'], value: source.date });
  };
  if (entry.kind === 'article') {
    found.push({ path: ['published'], value: entry.data.published });
    for (const [index, note] of objectItems(entry.data.annotations)) sources(['annotations', index, 'sources'], note.sources);
  } else if (entry.kind === 'event') {
    sources(['sources'], entry.data.sources);
  } else {
    for (const [index, disagreement] of objectItems(entry.data.disagreements)) sources(['disagreements', index, 'sources'], disagreement.sources);
  }
  return found;
}

/** The day after a YYYY-MM-DD day. */
const nextDay = (day: string) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));

/** Every publication date after `today` (YYYY-MM-DD) and the day after it, in file order. A report from Beijing
 * dated by its own clock can already be a day ahead of the day in UTC, when the check runs. */
export function futureDateProblems(registry: Registry, today: string): Problem[] {
  const tomorrow = nextDay(today);
  const problems: Problem[] = [];
  for (const entries of [registry.articles, registry.topics, registry.events]) {
    for (const entry of entries.values()) {
      for (const { path, value } of publicationDates(entry)) {
        // An impossible date is reported as written, once (parse-entry.ts).
        if (!(value instanceof Date) || Number.isNaN(value.getTime()) || entry.impossibleDates?.includes(path.join('.'))) continue;
        const day = isoDay(value);
        if (day <= tomorrow) continue;
        const own = path[0] === 'published';
        problems.push({
          ...placeAt(entry, path),
          rule: 'date-in-the-future',
          message: `${fieldLabel(path, entry.data)}: ${day} is after today, ${today}.`,
          expected: own ? 'the day the article ran, today or earlier' : 'the day the report was published, today or earlier',
          found: day,
          fix: `check the date against the ${own ? 'article' : 'report'}: a day still to come is a slip, most often of the year.`,
          section: own ? SECTIONS.afterImporting : SECTIONS.sources,
        });
      }
    }
  }
  return problems;
}
