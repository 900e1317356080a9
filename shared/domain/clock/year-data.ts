import { isIsoDate, isWeekend } from './dates.ts';
import type { YearDataProblem } from './errors.ts';

/**
 * One year's working-day exceptions as the State Council's notice (国务院办公厅关于某年部分节假日安排的通知)
 * gives them: the days off (放假) and the weekend days worked instead (调休上班). Every other Monday-Friday
 * is a working day and every other weekend day is not.
 */
export interface YearData {
  year: number;
  /** YYYY-MM-DD days off. Weekend days inside a holiday period may be listed: they change nothing. */
  holidays: string[];
  /** YYYY-MM-DD make-up working days, all on a Saturday or Sunday. */
  workdays: string[];
  /** Where the data comes from: the notice's number or address, or the chinese-days release. */
  source: string;
}

/** Years an administrator may load: the platform has no cases before 2000, and 2100 is far enough. */
export const LOADABLE_YEARS = { from: 2000, to: 2100 } as const;

const problem = (rule: string, zh: string, en: string, date?: string): YearDataProblem =>
  date === undefined ? { rule, zh, en } : { rule, date, zh, en };

/**
 * What is wrong with a year's data, empty when nothing is. The checks catch the mistakes a person makes
 * copying a notice: a date of the wrong year, a day in both lists, a weekday in the workday list, a short or
 * empty list.
 *
 * Weekend holidays are accepted, not checked: notices give periods as ranges that run through weekends
 * (2025: 10月1日至8日 takes in the 4th and 5th), a festival may fall on a weekend with no day in lieu (2015:
 * 中秋节 9月27日, a Sunday), and chinese-days lists such days unevenly (2011-06-04 and 06-06 but not the
 * Sunday between). Either way a weekend day is not worked, so listing it changes nothing.
 */
export function checkYearData(data: YearData): YearDataProblem[] {
  const { year } = data;
  if (!Number.isInteger(year) || year < LOADABLE_YEARS.from || year > LOADABLE_YEARS.to) {
    const range = `${LOADABLE_YEARS.from}-${LOADABLE_YEARS.to}`;
    return [problem('year', `年份须为 ${range} 之间的整数`, `The year must be a whole number in ${range}`)];
  }
  const problems: YearDataProblem[] = [];
  // A clock must be traceable to the notice it was computed from.
  if (data.source.trim() === '') {
    problems.push(
      problem('source', '须注明数据来源（通知文号或网址）', 'Name the source: the notice or its address'),
    );
  }
  problems.push(
    ...checkDates(year, data.holidays, '放假日', 'holiday'),
    ...checkDates(year, data.workdays, '调休上班日', 'workday'),
  );
  const holidays = new Set(data.holidays);
  for (const date of data.workdays) {
    if (holidays.has(date)) {
      problems.push(
        problem(
          'holiday-and-workday',
          `${date} 既是放假日又是上班日`,
          `${date} is both a holiday and a workday`,
          date,
        ),
      );
    } else if (isIsoDate(date) && !isWeekend(date)) {
      // Monday-Friday already are working days: such an entry is a typo or a holiday in the wrong list.
      problems.push(
        problem(
          'workday-on-weekend',
          `调休上班日 ${date} 不是周六或周日`,
          `The make-up workday ${date} is not a Saturday or Sunday`,
          date,
        ),
      );
    }
  }
  problems.push(...checkFixedHolidays(year, holidays));
  return problems;
}

function checkDates(year: number, dates: string[], zhName: string, enName: string): YearDataProblem[] {
  const problems: YearDataProblem[] = [];
  const seen = new Set<string>();
  for (const date of dates) {
    if (!isIsoDate(date)) {
      problems.push(
        problem(
          'date',
          `${zhName} ${date} 不是有效日期`,
          `The ${enName} ${date} is not a date (YYYY-MM-DD)`,
          date,
        ),
      );
    } else if (!date.startsWith(`${year}-`)) {
      // A notice may rearrange the previous December (the 2019 notice moved 2018-12-29..31): load that as a
      // new version of the previous year, so each year keeps one source.
      problems.push(
        problem(
          'in-year',
          `${zhName} ${date} 不在 ${year} 年内`,
          `The ${enName} ${date} is not in ${year}`,
          date,
        ),
      );
    } else if (seen.has(date)) {
      problems.push(
        problem('duplicate', `${zhName} ${date} 重复`, `The ${enName} ${date} is listed twice`, date),
      );
    }
    seen.add(date);
  }
  return problems;
}

/**
 * 全国年节及纪念日放假办法 fixes New Year's Day on 1 January and National Day on 1 October, every year, on
 * whatever weekday they fall: a list without them is the wrong year's, or incomplete, or empty — and an empty
 * list would quietly make the year "all weekdays".
 */
function checkFixedHolidays(year: number, holidays: Set<string>): YearDataProblem[] {
  return [`${year}-01-01`, `${year}-10-01`]
    .filter((date) => !holidays.has(date))
    .map((date) =>
      problem(
        'fixed-holidays',
        `放假日缺少 ${date}（元旦、国庆节日期固定）`,
        `The holidays lack ${date} (New Year's Day and National Day are fixed)`,
        date,
      ),
    );
}
