/**
 * The policy for a date that falls in (or is counted across) a year whose holiday schedule is neither published
 * nor loaded — every December, periods of 20 working days cross into a year nobody has published yet:
 *
 * 1. Nothing waits on it. The date is computed on a stated assumption (the statutory holidays the law fixes,
 *    projection.ts), carried with the years it assumed, and shown as provisional with the reason below.
 * 2. Which way it may err: the notice adds bridging days off (the real date later) and weekend days worked
 *    instead (the real date earlier, by a day or two). So a provisional date is never used against anyone:
 *    it never terminates a case, never accepts one by lapse and never makes one overdue (red), and a deferred
 *    material offered on a day its provisional deadline has passed is still taken.
 * 3. When the year becomes known (an administrator loads it, or a newer chinese-days brings it), every open
 *    case, task, obligation and reminder that assumed it is computed again, once. A deadline the applicant
 *    was given keeps the later of the provisional and the real day: whoever trusted it loses nothing.
 */

export interface ProvisionalNote {
  code: 'DATE_PROVISIONAL';
  years: number[];
  zh: string;
  en: string;
}

/** How an unknown year is counted, for the sources of a computed date. */
export function provisionalAssumption(year: number): { zh: string; en: string } {
  return {
    zh: `${year} 年节假日安排尚未发布：暂按法定节日（元旦、春节、清明、劳动节、端午、中秋、国庆）和周末推算，未计调休`,
    en: `The ${year} holiday schedule is not published yet: provisionally counted with the statutory holidays the law fixes (New Year, Spring Festival, Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day) and weekends, without the make-up days its notice will add`,
  };
}

/** What a reader is told of a provisional date: why, what it assumed, and that it will not be used against them. */
export function provisionalNote(years: readonly number[]): ProvisionalNote {
  const list = years.join('、');
  const listEn = years.join(', ');
  return {
    code: 'DATE_PROVISIONAL',
    years: [...years],
    zh:
      `暂定日期：${list} 年法定节假日安排尚未发布，暂按法定节日和周末推算，未计调休；安排发布后将自动重新计算。` +
      '暂定日期不会用于终止办件、视为受理或认定逾期；已告知您的期限只会推后，不会提前。',
    en:
      `Provisional date: the ${listEn} holiday schedule is not published yet, so it is counted with the statutory ` +
      'holidays and weekends, without make-up days, and will be recomputed when the schedule is out. A ' +
      'provisional date never terminates a case, accepts it by lapse or makes it overdue; a deadline you were ' +
      'given can only move later, never earlier.',
  };
}

/** A deadline the applicant was given: the later of what they were told and what the known schedule gives. */
export function applicantDeadline(told: string, recomputed: string): string {
  return told > recomputed ? told : recomputed;
}
