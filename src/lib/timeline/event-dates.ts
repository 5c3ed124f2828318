// An event's date as precise as it is known: "5 September 2024", "June 2016", "2021", "about 8 December 2016".
import type { EventData } from '../../schemas/event.ts';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatEventDate(date: Date, precision: EventData['datePrecision']): string {
  switch (precision) {
    case 'day':
      return DAY.format(date);
    case 'month':
      return MONTH.format(date);
    case 'year':
      return String(date.getUTCFullYear());
    case 'approximate':
      return `about ${DAY.format(date)}`;
  }
}
