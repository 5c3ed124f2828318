// Dates are checked in the text the contributor typed, before any YAML parser sees them: js-yaml (which the build
// uses) and JavaScript's Date both roll an impossible date over into a real one, so 2021-02-30 would quietly
// become 2 March 2021 on the page. Only YYYY-MM-DD is accepted, the form every date field documents.

/** Fields that hold a calendar date: an article's `published`, an event's or a source's `date`. */
export const DATE_FIELDS: ReadonlySet<string> = new Set(['published', 'date']);

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why the text is not a real YYYY-MM-DD date, or undefined when it is one. */
export function calendarDateProblem(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return 'not written YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const last = daysIn(year, month);
  if (day < 1 || day > last) return `${MONTH_NAMES[month - 1]} ${year} has ${last} days`;
  return undefined;
}
