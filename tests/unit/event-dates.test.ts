// One fact, one answer: the dates written in a note's text, and which of them contradict the date of the event
// the note cites. The rule must be precise: a nearby date is flagged only when the note never writes the
// event's own date.
import { describe, expect, test } from 'vitest';
import { conflictingDates, datesInText, writesDay } from '../../src/lib/timeline/dates-in-text.ts';

describe('full dates in prose', () => {
  test.each([
    ['day month year', 'Signed on 13 July 2021 in Beijing.', ['2021-07-13']],
    ['abbreviated month', 'Reported 8 Dec 2016.', ['2016-12-08']],
    ['abbreviated month with a dot, Sept', 'On 9 Sept. 2021 and 10 Sep 2021.', ['2021-09-09', '2021-09-10']],
    ['month day, year', 'On July 13, 2021, they signed.', ['2021-07-13']],
    ['ISO', 'Dated 2024-09-05.', ['2024-09-05']],
    ['in the order written', 'From 12 September 2024 to 2024-09-27.', ['2024-09-12', '2024-09-27']],
    ['a month and year alone say too little', 'In July 2021 they signed.', []],
    ['a day and month alone say too little', 'On 13 July they signed.', []],
    ['an impossible date is no date', 'On 30 February 2021.', []],
    ['a figure is no date', 'It has 1,288 million users; 2021 was a record.', []],
  ])('%s', (_name, text, dates) => expect(datesInText(text).map((d) => d.iso)).toEqual(dates));
});

describe('dates that contradict the cited event', () => {
  test.each([
    ['another day in the same week', 'The firms signed on 12 July 2021.', '2021-07-13', ['12 July 2021']],
    ['the same day', 'The firms signed on 13 July 2021.', '2021-07-13', []],
    ['no date at all', 'The firms signed a pledge.', '2021-07-13', []],
    ['a later report beside the event date', 'Signed on 13 July 2021 and reported on 15 July 2021.', '2021-07-13', []],
    ['a date months away is another fact', 'The fine followed on 10 April 2021.', '2021-07-13', []],
    ['three days off in December', 'Lazada signed the deal on 11 December 2016.', '2016-12-08', ['11 December 2016']],
    ['the event day written without its year', 'Trading was due on 5 November 2020. On 3 November the exchange suspended it.', '2020-11-03', []],
  ])('%s', (_name, text, eventDate, found) => expect(conflictingDates(text, eventDate).map((d) => d.text)).toEqual(found));
});

describe('whether a text writes a given day', () => {
  test.each([
    ['in full', 'on 3 November 2020', true],
    ['day and month', 'On 3 November the exchange', true],
    ['month and day, abbreviated', 'on Nov. 3 the exchange', true],
    ['another day of the month', 'on 13 November', false],
    ['another month', 'on 3 December', false],
  ])('%s', (_name, text, written) => expect(writesDay(text, '2020-11-03')).toBe(written));
});
