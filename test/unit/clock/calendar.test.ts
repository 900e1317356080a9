import { describe, expect, it } from 'vitest';
import { CalendarDataError, calendarWith, defaultCalendar } from '../../../shared/domain/clock/calendar.ts';
import { publishedYears } from '../../../shared/domain/clock/published.ts';
import { checkYearData } from '../../../shared/domain/clock/year-data.ts';
import { year2027 } from './fixtures.ts';

const rulesOf = (data: Parameters<typeof checkYearData>[0]) => checkYearData(data).map((p) => p.rule);

describe('the work calendar', () => {
  it('knows every year chinese-days publishes, 2004 to 2026', () => {
    const years = Array.from({ length: 23 }, (_, i) => 2004 + i);
    expect(defaultCalendar().years()).toEqual(years);
  });

  it('finds nothing in the published years that an administrator would be refused for', () => {
    for (const data of publishedYears()) expect(checkYearData(data), String(data.year)).toEqual([]);
  });

  it('counts Monday-Friday, not statutory holidays, and weekend make-up days as working days', () => {
    const calendar = defaultCalendar();
    expect(calendar.isWorkingDay('2025-09-30')).toBe(true); // a Tuesday
    expect(calendar.isWorkingDay('2025-10-08')).toBe(false); // a Wednesday of the National Day break
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // a make-up Sunday
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // a make-up Saturday
    expect(calendar.isWorkingDay('2025-10-18')).toBe(false); // an ordinary Saturday
  });

  it("keeps a notice's turn-of-year days in the year they fall in", () => {
    // The 2019 notice: 2018-12-29 (Saturday) worked, 2018-12-31 (Monday) off.
    const calendar = defaultCalendar();
    expect(calendar.isWorkingDay('2018-12-29')).toBe(true);
    expect(calendar.isWorkingDay('2018-12-31')).toBe(false);
  });

  it('counts a day of 2027 provisionally: weekends and the statutory holidays the law fixes, and says so', () => {
    const calendar = defaultCalendar();
    expect(calendar.knows(2027)).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false); // 元旦, a Friday
    expect(calendar.isWorkingDay('2027-02-05')).toBe(false); // 除夕
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false); // 正月初三, a Monday
    expect(calendar.isWorkingDay('2027-02-09')).toBe(true); // no bridging day is guessed
    expect(calendar.isWorkingDay('2027-03-01')).toBe(true);
    expect(calendar.provisionalYears('2026-12-20', '2027-01-20')).toEqual([2027]);
    expect(calendar.provisionalYears('2026-01-20', '2026-12-20')).toEqual([]);
    expect(calendar.sourceOf(2027)).toContain('not published');
  });

  it('counts a year before the published schedules the same way, and marks it provisional too', () => {
    expect(defaultCalendar().isWorkingDay('2003-06-02')).toBe(true);
    expect(defaultCalendar().provisionalYears('2003-06-02', '2004-01-05')).toEqual([2003]);
  });

  it('answers for 2027 once an administrator loads it, and says where its data came from', () => {
    const calendar = calendarWith([year2027()]);
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true);
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-13')).toBe(true);
    expect(calendar.sourceOf(2027)).toBe('test: a hypothetical 2027 notice');
    expect(calendar.sourceOf(2026)).toMatch(/^chinese-days \d+\.\d+\.\d+/);
  });

  it('leaves the calendar it was built from as it was', () => {
    calendarWith([year2027()]);
    expect(defaultCalendar().knows(2027)).toBe(false);
  });

  it('lets a loaded year replace a published one, as a later notice would', () => {
    const amended = calendarWith([
      { year: 2026, holidays: ['2026-01-01', '2026-10-01', '2026-03-02'], workdays: [], source: 'amended' },
    ]);
    expect(amended.isWorkingDay('2026-03-02')).toBe(false);
    expect(amended.isWorkingDay('2026-02-16')).toBe(true); // the published Spring Festival is gone with it
    expect(amended.sourceOf(2026)).toBe('amended');
  });
});

describe('loaded holiday data', () => {
  it('is accepted when it holds together, weekend days inside holiday periods included', () => {
    expect(checkYearData(year2027())).toEqual([]);
  });

  it('is refused whole, with every problem listed', () => {
    const bad = year2027({ holidays: ['2027-01-01'], workdays: ['2027-01-01', '2027-03-03'] });
    const refusal = (() => {
      try {
        calendarWith([bad]);
      } catch (error) {
        return error as CalendarDataError;
      }
    })();
    expect(refusal).toBeInstanceOf(CalendarDataError);
    expect(refusal?.problems.map((p) => p.rule)).toEqual([
      'holiday-and-workday',
      'workday-on-weekend',
      'fixed-holidays',
    ]);
  });

  it.each([
    ['a date of another year', { holidays: [...year2027().holidays, '2026-12-31'] }, 'in-year'],
    ['a day that does not exist', { holidays: [...year2027().holidays, '2027-02-29'] }, 'date'],
    ['a day listed twice', { workdays: ['2027-02-13', '2027-02-13'] }, 'duplicate'],
    ['a day both off and worked', { workdays: ['2027-01-02'] }, 'holiday-and-workday'],
    ['a make-up workday on a weekday', { workdays: ['2027-02-12'] }, 'workday-on-weekend'],
    ['no holidays at all, which would make the year "all weekdays"', { holidays: [] }, 'fixed-holidays'],
    ['no source', { source: ' ' }, 'source'],
  ])('is refused for %s', (_, overrides, rule) => {
    expect(rulesOf(year2027(overrides))).toContain(rule);
  });

  it('is refused for a year outside 2000-2100', () => {
    expect(rulesOf(year2027({ year: 1999 }))).toEqual(['year']);
  });
});
