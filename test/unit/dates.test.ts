// The one date validator: the model table's dates and BATCHLINT_TODAY are calendar dates written
// YYYY-MM-DD, leap years included.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateProblem, isCalendarDate, offCalendar } from '../../server/src/core/dates';

const rows: [text: string, problem: string | undefined][] = [
  ['2026-11-30', undefined],
  ['2024-02-29', undefined],
  ['2000-02-29', undefined],
  ['2026-12-31', undefined],
  ['2026-02-29', "'2026-02-29' is not a calendar date: February 2026 has 28 days."],
  ['1900-02-29', "'1900-02-29' is not a calendar date: February 1900 has 28 days."],
  ['2026-02-30', "'2026-02-30' is not a calendar date: February 2026 has 28 days."],
  ['2026-04-31', "'2026-04-31' is not a calendar date: April 2026 has 30 days."],
  ['2020-13-45', "'2020-13-45' is not a calendar date: there is no month 13."],
  ['2026-00-10', "'2026-00-10' is not a calendar date: there is no month 0."],
  ['2026-01-00', "'2026-01-00' is not a calendar date: there is no day 0."],
  ['2026-01-32', "'2026-01-32' is not a calendar date: January 2026 has 31 days."],
  ['tomorrow', 'expected a date, YYYY-MM-DD.'],
  ['2026-12-1', 'expected a date, YYYY-MM-DD.'],
  ['2026-12-01T00:00:00Z', 'expected a date, YYYY-MM-DD.'],
  ['', 'expected a date, YYYY-MM-DD.'],
];

for (const [text, problem] of rows) {
  test(`dateProblem(${JSON.stringify(text)})`, () => {
    assert.equal(dateProblem(text), problem);
    assert.equal(isCalendarDate(text), problem === undefined);
    // offCalendar speaks only of the right shape, without the final stop.
    const shaped = problem !== undefined && problem.startsWith("'");
    assert.equal(offCalendar(text), shaped ? problem.slice(0, -1) : undefined);
  });
}
