import type { WorkCalendar } from './calendar.ts';
import { addDays, yearOf } from './dates.ts';

/**
 * The n-th working day after `from`. `from` itself is never counted — the acceptance day is not (行政许可法
 * counts periods from the day after) — so n = 0 is `from`. Across a year whose schedule is not known the
 * answer is provisional: ask the calendar's `provisionalYears(from, answer)`.
 */
export function addWorkingDays(calendar: WorkCalendar, from: string, n: number): string {
  return calendar.addWorkingDays(from, n);
}

/**
 * The working days after `from` up to and including `to`, so that addWorkingDays(from, n) = to gives n back.
 * Negative when `to` is before `from`.
 */
export function workingDaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  yearOf(to); // a date, or a RangeError: compared as strings below, garbage would never end the loop
  yearOf(from);
  if (to < from) return -workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (calendar.isWorkingDay(date)) count++;
  }
  return count;
}
