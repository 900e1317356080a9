import { describe, expect, it } from 'vitest';
import { statutoryHolidays } from '../../../shared/domain/clock/projection.ts';
import { publishedYears } from '../../../shared/domain/clock/published.ts';

describe('the statutory holidays an unpublished year is counted with', () => {
  it('are all days off in every year published since the 2024 revision of the law took effect', () => {
    const since2025 = publishedYears().filter((y) => y.year >= 2025);
    expect(since2025.length).toBeGreaterThan(0);
    for (const year of since2025) {
      const off = new Set(year.holidays);
      for (const day of statutoryHolidays(year.year)) expect(off.has(day), `${day}`).toBe(true);
    }
  });

  it('give 2027 its thirteen days: 元旦, 除夕 to 初三, 清明, 1-2 May, 端午, 中秋 and 1-3 October', () => {
    expect(statutoryHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
  });

  it('move with the lunar calendar from year to year', () => {
    expect(statutoryHolidays(2028)).toContain('2028-01-26'); // 正月初一 2028
    expect(statutoryHolidays(2028)).toContain('2028-10-03');
  });
});
