import { describe, expect, it } from 'vitest';
import { calendarWith, defaultCalendar } from '../../../shared/domain/clock/calendar.ts';
import { chinaToday, isIsoDate } from '../../../shared/domain/clock/dates.ts';
import { addWorkingDays, workingDaysBetween } from '../../../shared/domain/clock/working-days.ts';
import { year2027 } from './fixtures.ts';

const calendar = defaultCalendar();

describe('adding working days', () => {
  it.each([
    ['2025-09-26', 20, '2025-10-30'],
    ['2026-02-12', 20, '2026-03-18'],
    ['2025-04-25', 1, '2025-04-27'],
    ['2024-12-31', 1, '2025-01-02'],
  ])("gives DOMAIN.md's deadline: %s + %i = %s", (from, n, deadline) => {
    expect(addWorkingDays(calendar, from, n)).toBe(deadline);
  });

  it('jumps the National Day break: the day before it + 1 is the first day back', () => {
    expect(addWorkingDays(calendar, '2025-09-30', 1)).toBe('2025-10-09');
    expect(workingDaysBetween(calendar, '2025-09-30', '2025-10-08')).toBe(0);
  });

  it('jumps the Spring Festival break but counts the make-up Saturday before it', () => {
    expect(addWorkingDays(calendar, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(calendar, '2026-02-14', 1)).toBe('2026-02-24');
  });

  it('counts make-up Saturdays and Sundays, and no ordinary weekend day', () => {
    expect(addWorkingDays(calendar, '2025-10-10', 1)).toBe('2025-10-11'); // a make-up Saturday
    expect(addWorkingDays(calendar, '2025-09-26', 1)).toBe('2025-09-28'); // a make-up Sunday
    expect(addWorkingDays(calendar, '2025-10-17', 1)).toBe('2025-10-20'); // an ordinary weekend
  });

  it('crosses into the next year: 2025-12-31 + 1 is the make-up Sunday 2026-01-04', () => {
    expect(addWorkingDays(calendar, '2025-12-31', 1)).toBe('2026-01-04');
  });

  it("crosses into 2027 provisionally, skipping New Year's Day, and exactly once an administrator loads it", () => {
    expect(addWorkingDays(calendar, '2026-12-31', 1)).toBe('2027-01-04');
    expect(calendar.provisionalYears('2026-12-31', '2027-01-04')).toEqual([2027]);
    const loaded = calendarWith([year2027()]);
    expect(addWorkingDays(loaded, '2026-12-31', 1)).toBe('2027-01-04');
    expect(loaded.provisionalYears('2026-12-31', '2027-01-04')).toEqual([]);
  });

  it('gives the day itself for 0, in any year', () => {
    expect(addWorkingDays(calendar, '2025-10-01', 0)).toBe('2025-10-01');
    expect(addWorkingDays(calendar, '2027-01-05', 0)).toBe('2027-01-05');
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays(calendar, '2025-10-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(calendar, '2025-10-01', 1.5)).toThrow(RangeError);
  });
});

describe('working days between two dates', () => {
  it('counts the days after the first up to and including the second, undoing addWorkingDays', () => {
    for (const from of ['2025-09-26', '2026-02-12', '2024-12-31', '2025-04-25']) {
      for (const n of [0, 1, 5, 20, 45]) {
        expect(workingDaysBetween(calendar, from, addWorkingDays(calendar, from, n))).toBe(n);
      }
    }
  });

  it('is negative when the second date is the earlier', () => {
    expect(workingDaysBetween(calendar, '2025-10-30', '2025-09-26')).toBe(-20);
  });

  it('refuses what is not a date rather than counting on', () => {
    expect(() => workingDaysBetween(calendar, '2025-10-01', 'soon')).toThrow(RangeError);
  });
});

describe('dates', () => {
  it('are real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-1-5')).toBe(false);
  });

  it("are read in China's time: 16:00 UTC on New Year's Eve is already New Year's Day", () => {
    expect(chinaToday(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(chinaToday(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
  });
});
