import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { caseClock } from '../../shared/domain/cases/clock-record.ts';
import type { Case } from '../../shared/domain/cases/model.ts';
import { chinaDate } from '../../shared/domain/catalog/dates.ts';
import { UnpublishedYearError } from '../../shared/domain/clock/calendar.ts';

export const calendars = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));

/**
 * The legal clock of an accepted case as read today, from the record kept on the case (the promised limit,
 * pauses and extensions): deadline, working days used and left, amber or red, and why it stood still.
 * Before acceptance and after the decision there is none; a deadline in a year whose holidays are not
 * published is not guessed — the case says so instead.
 */
export async function clockView(c: Case) {
  try {
    const clock = await calendars.withCalendar((calendar) => caseClock(c, calendar, chinaDate()));
    if (!clock) return undefined;
    const { deadline, limitDays, usedDays, remainingDays, status, amberFrom, extensionDays, pausedDays } =
      clock;
    return {
      deadline,
      limitDays,
      usedDays,
      remainingDays,
      status,
      amberFrom,
      extensionDays,
      pausedDays,
      pauses: c.clock?.pauses.map(({ by: _by, ...p }) => p) ?? [],
      extensions: c.clock?.extensions.map(({ approvedBy: _by, ...e }) => e) ?? [],
    };
  } catch (error) {
    if (!(error instanceof UnpublishedYearError)) throw error;
    return { status: 'unknown' as const, note: { 'zh-CN': error.zh, en: error.en } };
  }
}
