// Calendar dates written YYYY-MM-DD, as the model table (shutdown dates, `asOf`) and the pinned
// check date (BATCHLINT_TODAY) give them. Dates are compared as strings, so a date that is not on
// the calendar (2026-02-30, 2020-13-45) would compare without complaint and mean nothing: every
// reader of such a date asks this one validator.

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days in `month` (1–12) of `year`, by the Gregorian calendar. */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why a text of the shape YYYY-MM-DD is off the calendar, e.g.
 * `'2026-02-30' is not a calendar date: February 2026 has 28 days` (no final stop, so the caller
 * can end the sentence); `undefined` for a calendar date and for text of any other shape.
 */
export function offCalendar(text: string): string | undefined {
  const match = SHAPE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const off = (why: string): string => `'${text}' is not a calendar date: ${why}`;
  if (month < 1 || month > 12) return off(`there is no month ${month}`);
  const days = daysIn(year, month);
  if (day < 1) return off('there is no day 0');
  if (day > days) return off(`${MONTHS[month - 1]!} ${year} has ${days} days`);
  return undefined;
}

/**
 * Why `text` is not a calendar date written YYYY-MM-DD, as a sentence, or `undefined` when it is
 * one: `expected a date, YYYY-MM-DD.` for any other shape, else `offCalendar`'s reason.
 */
export function dateProblem(text: string): string | undefined {
  if (!SHAPE.test(text)) return 'expected a date, YYYY-MM-DD.';
  const off = offCalendar(text);
  return off === undefined ? undefined : `${off}.`;
}

/** Whether `text` is a calendar date written YYYY-MM-DD (2024-02-29 is, 2026-02-29 is not). */
export function isCalendarDate(text: string): boolean {
  return dateProblem(text) === undefined;
}
