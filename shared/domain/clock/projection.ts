import chineseDays from 'chinese-days';
import { addDays } from './dates.ts';

/**
 * The statutory holidays (全体公民放假的节日) that 全国年节及纪念日放假办法 (as revised in 2024, in force from
 * 2025) fixes for every year, before the State Council's notice arranges the year around them: 元旦 1 January;
 * 春节 除夕 to 正月初三 (four days); 清明节 the Qingming solar-term day; 劳动节 1-2 May; 端午节 五月初五; 中秋节
 * 八月十五; 国庆节 1-3 October. The notice only adds what it arranges around them — the bridging days off and
 * the weekend days worked instead (调休) — and the days in lieu of a festival on a weekend (补假), which
 * cannot be known before it. This is what an unpublished year is counted with, provisionally.
 *
 * The lunar dates come from chinese-days' lunar calendar, given local Date objects: its functions read dates
 * in the machine's zone, so a 'YYYY-MM-DD' string would be read a day early west of Greenwich. Its default
 * export, because Node finds no named exports in the CommonJS build it loads outside a bundler.
 */
export function statutoryHolidays(year: number): string[] {
  const springFestival = lunarNewYear(year);
  return [
    `${year}-01-01`,
    addDays(springFestival, -1),
    springFestival,
    addDays(springFestival, 1),
    addDays(springFestival, 2),
    qingming(year),
    `${year}-05-01`,
    `${year}-05-02`,
    lunar(year, 5, 5),
    lunar(year, 8, 15),
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ].sort();
}

const lunarNewYear = (year: number) => lunar(year, 1, 1);

function lunar(year: number, month: number, day: number): string {
  return chineseDays.getSolarDateFromLunar(new Date(year, month - 1, day)).date;
}

/**
 * getSolarTermDate builds its answer from a UTC midnight and formats it in local time, so west of Greenwich it
 * answers the day before: detected the same way it happens, and corrected.
 */
function qingming(year: number): string {
  const answer = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  const readEarly = new Date(Date.UTC(year, 3, 15)).getDate() !== 15;
  return readEarly ? addDays(answer, 1) : answer;
}
