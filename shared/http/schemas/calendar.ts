import { z } from 'zod';
import { isIsoDate } from '../../domain/clock/dates.ts';
import { LOADABLE_YEARS } from '../../domain/clock/year-data.ts';
import { IsoDate, ProvisionalView } from './common.ts';

/**
 * A real day: IsoDate checks the shape only, and '2025-02-30' must be a 400, not a failure deeper down. Only
 * asked of a string of the right shape, so a wrong one gets one message, not two.
 */
const CalendarDate = IsoDate.refine(isIsoDate, {
  message: 'not a calendar date',
  when: (payload) => payload.issues.length === 0,
});

/** The years the platform counts in: no case is older than 2000, and 2100 is far enough ahead. */
const CountableDate = CalendarDate.refine(
  (date) => {
    const year = Number(date.slice(0, 4));
    return year >= LOADABLE_YEARS.from && year < LOADABLE_YEARS.to;
  },
  {
    message: `a date from ${LOADABLE_YEARS.from} to ${LOADABLE_YEARS.to - 1}`,
    when: (p) => p.issues.length === 0,
  },
);

export const WorkdaysQuery = z.object({
  from: CountableDate.describe('the day to count from (the acceptance day), itself not counted'),
  // Digits only: z.coerce would take '' for 0 and '1e2' for 100.
  add: z
    .string()
    .regex(/^\d{1,3}$/, 'a whole number of working days, 0 to 366')
    .transform(Number)
    .pipe(z.number().int().min(0).max(366))
    .describe('working days to add, 0 to 366'),
});

export const Workdays = z
  .object({
    from: IsoDate,
    add: z.number().int(),
    date: IsoDate.describe('the add-th working day after from (from itself when add is 0)'),
    calendarSource: z
      .string()
      .describe('the holiday schedules it was counted with: the chinese-days release or the notice loaded'),
    provisional: ProvisionalView.optional().describe(
      'present when the count crossed a year whose holiday schedule is not published: the date is provisional',
    ),
  })
  .meta({ id: 'Workdays' });

export const YearPath = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** A year's schedule from the State Council's notice (国务院办公厅关于……部分节假日安排的通知). */
export const YearBody = z
  .object({
    holidays: z.array(Day).min(1).max(60).describe('every day off, weekends inside holiday periods included'),
    workdays: z.array(Day).max(20).describe('weekend days that are working days (调休上班)'),
    source: z.string().trim().min(4).max(500).describe('the notice: title and number'),
  })
  .meta({ id: 'HolidayYear' });
