import { describe, expect, it } from 'vitest';
import { calendarWith, defaultCalendar } from '../../../shared/domain/clock/calendar.ts';
import { yearOutlook } from '../../../shared/domain/clock/outlook.ts';
import { year2027 } from './fixtures.ts';

describe("the next year's schedule, looked ahead to", () => {
  it('is reported missing from 60 days before 1 January, in both languages, with how to load it', () => {
    const outlook = yearOutlook(defaultCalendar(), '2026-12-07');
    expect(outlook).toMatchObject({ nextYear: 2027, known: false, startsInDays: 25 });
    expect(outlook.warning?.zh).toContain('2027 年');
    expect(outlook.warning?.en).toContain('PUT /api/calendar/years/2027');
  });

  it('is not reported earlier than that, nor once the year is loaded', () => {
    expect(yearOutlook(defaultCalendar(), '2026-10-31').warning).toBeUndefined();
    expect(yearOutlook(defaultCalendar(), '2026-11-02').warning).toBeDefined();
    expect(yearOutlook(calendarWith([year2027()]), '2026-12-07')).toMatchObject({ known: true });
    expect(yearOutlook(calendarWith([year2027()]), '2026-12-07').warning).toBeUndefined();
  });
});
