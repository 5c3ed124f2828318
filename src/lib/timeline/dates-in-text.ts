// The full calendar dates written in a piece of prose ("13 July 2021", "July 13, 2021", "13 Jul 2021",
// "2021-07-13"), as YYYY-MM-DD with where each was written. The content check compares them with the date of an
// event a note cites, so a date told once in an event file is not told differently in a note. Only dates with a
// day, a month and a year count: "July 2021" or "13 July" say too little to contradict anything.

export interface DateInText {
  /** YYYY-MM-DD. */
  iso: string;
  /** The date as written. */
  text: string;
  /** Its offset in the prose. */
  index: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Each month as written in English prose, in full or abbreviated ("Sep", "Sept"). */
const MONTH_WORDS = [
  'Jan(?:uary)?',
  'Feb(?:ruary)?',
  'Mar(?:ch)?',
  'Apr(?:il)?',
  'May',
  'June?',
  'July?',
  'Aug(?:ust)?',
  'Sept?(?:ember)?',
  'Oct(?:ober)?',
  'Nov(?:ember)?',
  'Dec(?:ember)?',
];
const MONTH = `(${MONTH_WORDS.join('|')})\\.?`;
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`, 'g');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`, 'g');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** Every full date in the text, in the order written. */
export function datesInText(text: string): DateInText[] {
  const found: DateInText[] = [];
  const add = (match: RegExpExecArray, year: number, month: number, day: number) => {
    const value = iso(year, month, day);
    if (value) found.push({ iso: value, text: match[0], index: match.index });
  };
  for (const match of text.matchAll(DAY_MONTH_YEAR)) add(match, Number(match[3]), monthNumber(match[2]!), Number(match[1]));
  for (const match of text.matchAll(MONTH_DAY_YEAR)) add(match, Number(match[3]), monthNumber(match[1]!), Number(match[2]));
  for (const match of text.matchAll(ISO)) add(match, Number(match[1]), Number(match[2]), Number(match[3]));
  return found.sort((a, b) => a.index - b.index);
}

/** Days between two YYYY-MM-DD dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round(Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

/** Whether the text writes the day `iso` (YYYY-MM-DD), in full or as its day and month ("On 3 November the …"). */
export function writesDay(text: string, iso: string): boolean {
  if (datesInText(text).some((date) => date.iso === iso)) return true;
  const [, month, day] = iso.split('-').map(Number) as [number, number, number];
  const word = MONTH_WORDS[month - 1]!;
  return new RegExp(`\\b(?:${day} ${word}\\b|${word}\\.? ${day}\\b)`).test(text);
}

/**
 * The dates in a note's text that look like the event it cites told differently: within `window` days of the
 * event's date, but not that date, in a text that never writes the event's own date (in full, or its day and month,
 * "On 3 November"). When the note does write the event's date, a nearby date is taken to be another fact (a report a
 * day later, a listing planned for two days after), not a contradiction.
 */
export function conflictingDates(text: string, eventDate: string, window = 31): DateInText[] {
  if (writesDay(text, eventDate)) return [];
  return datesInText(text).filter((date) => daysBetween(date.iso, eventDate) <= window);
}
