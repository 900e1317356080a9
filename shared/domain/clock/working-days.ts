import type { WorkCalendar } from './calendar.ts';
import { addDays, yearOf } from './dates.ts';

/**
 * The n-th working day after `from`. `from` itself is never counted — the acceptance day is not (行政许可法
 * counts periods from the day after) — so n = 0 is `from`. Its year must still be known: the calendar never
 * answers for a year it has no schedule of, not even for zero days.
 */
export function addWorkingDays(calendar: WorkCalendar, from: string, n: number): string {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`working days to add must be a whole number ≥ 0: ${n}`);
  calendar.sourceOf(yearOf(from));
  let date = from;
  for (let counted = 0; counted < n; ) {
    date = addDays(date, 1);
    if (calendar.isWorkingDay(date)) counted++;
  }
  return date;
}

/**
 * The working days after `from` up to and including `to`, so that addWorkingDays(from, n) = to gives n back.
 * Negative when `to` is before `from`.
 */
export function workingDaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  yearOf(to); // a date, or a RangeError: compared as strings below, garbage would never end the loop
  if (to < from) return -workingDaysBetween(calendar, to, from);
  calendar.sourceOf(yearOf(from));
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (calendar.isWorkingDay(date)) count++;
  }
  return count;
}
