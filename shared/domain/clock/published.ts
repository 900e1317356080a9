import schedules from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import release from 'chinese-days/package.json' with { type: 'json' };
import type { YearData } from './year-data.ts';

/**
 * The State Council schedules chinese-days publishes, one YearData per calendar year.
 *
 * Read from the package's JSON (documented in its README for non-JS use), not through its functions: those
 * parse 'YYYY-MM-DD' as UTC midnight and then read it in local time, so west of Greenwich they answer for
 * the previous day (under TZ=America/New_York, findWorkday(1, '2025-04-25') is '2025-04-25').
 */
export function publishedYears(): YearData[] {
  const { holidays, workdays } = schedules as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const byYear = new Map<number, YearData>();
  const entry = (date: string): YearData => {
    const year = Number(date.slice(0, 4));
    let data = byYear.get(year);
    if (!data) {
      data = {
        year,
        holidays: [],
        workdays: [],
        source: `chinese-days ${release.version} (国务院办公厅 ${year} 年节假日安排 / State Council holiday notice for ${year})`,
      };
      byYear.set(year, data);
    }
    return data;
  };
  for (const date of Object.keys(holidays)) entry(date).holidays.push(date);
  for (const date of Object.keys(workdays)) entry(date).workdays.push(date);
  // A notice may reach into the previous December (the 2019 notice made 2018-12-29 a workday), so a year can
  // hold a few dates without its own notice. New Year's Day is in every notice: a year without it is not
  // published, and stays refused.
  return [...byYear.values()]
    .filter((data) => holidays[`${data.year}-01-01`] !== undefined)
    .sort((a, b) => a.year - b.year);
}
