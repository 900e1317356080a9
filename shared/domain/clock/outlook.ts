import type { WorkCalendar } from './calendar.ts';
import { yearOf } from './dates.ts';

/** How long before 1 January a missing schedule is reported (configurable; 60 days by default). */
export const OUTLOOK_DAYS = 60;

export interface YearOutlook {
  nextYear: number;
  /** Whether the next year's schedule is published or loaded. */
  known: boolean;
  /** Days from today to 1 January of the next year. */
  startsInDays: number;
  /** The next year starts within the window and its schedule is not known: an administrator must load it. */
  warning?: { zh: string; en: string };
}

/**
 * The yearly step made visible: every year the State Council publishes the next year's schedule (usually in
 * November) and chinese-days follows later. Until the year is loaded, dates that reach into it are
 * provisional; from `days` before it starts, health, start-up and the supervision page say so.
 */
export function yearOutlook(calendar: WorkCalendar, today: string, days = OUTLOOK_DAYS): YearOutlook {
  const nextYear = yearOf(today) + 1;
  const known = calendar.knows(nextYear);
  const startsInDays = Math.round((Date.parse(`${nextYear}-01-01`) - Date.parse(today)) / 86_400_000);
  if (known || startsInDays > days) return { nextYear, known, startsInDays };
  return {
    nextYear,
    known,
    startsInDays,
    warning: {
      zh: `${nextYear} 年将在 ${startsInDays} 天后开始，其法定节假日安排尚未加载：期限跨入该年的办件日期均为暂定。请管理员按国务院办公厅通知加载（PUT /api/calendar/years/${nextYear}）。`,
      en: `${nextYear} starts in ${startsInDays} days and its holiday schedule is not loaded: every date that reaches into it is provisional. An administrator should load it from the State Council's notice (PUT /api/calendar/years/${nextYear}).`,
    },
  };
}
