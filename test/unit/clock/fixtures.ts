import type { YearData } from '../../../shared/domain/clock/year-data.ts';

/**
 * A made-up 2027 schedule, shaped like a State Council notice, standing in for the one an administrator
 * loads once it is out: 元旦 1-3 January, 春节 5-11 February with Saturday the 13th worked, 国庆节 1-7
 * October with Sunday 26 September and Saturday 9 October worked.
 */
export function year2027(overrides: Partial<YearData> = {}): YearData {
  return {
    year: 2027,
    holidays: [
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      ...range('2027-02-', 5, 11),
      ...range('2027-10-', 1, 7),
    ],
    workdays: ['2027-02-13', '2027-09-26', '2027-10-09'],
    source: 'test: a hypothetical 2027 notice',
    ...overrides,
  };
}

function range(prefix: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(2, '0')}`);
}
