import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { today } from '../../shared/adapters/clock.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { caseClock } from '../../shared/domain/cases/clock-record.ts';
import type { Case } from '../../shared/domain/cases/model.ts';
import { provisionalNote } from '../../shared/domain/clock/provisional.ts';

export const calendars = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));

/**
 * The legal clock of an accepted case as read today, from the record kept on the case (the promised limit,
 * pauses and extensions): deadline, working days used and left, amber or red, and why it stood still.
 * Before acceptance and after the decision there is none. A deadline counted across a year whose holidays
 * are not published is provisional: it says which years, and it never turns red on its own.
 */
export async function clockView(c: Case) {
  const clock = caseClock(c, await calendars.calendar(), today());
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
    ...(clock.provisionalYears.length > 0 ? { provisionalYears: clock.provisionalYears } : {}),
    pauses: c.clock?.pauses.map(({ by: _by, ...p }) => p) ?? [],
    extensions: c.clock?.extensions.map(({ approvedBy: _by, ...e }) => e) ?? [],
  };
}

/**
 * What a reader of the case is told when any of its dates (the decision deadline, a deferred material's
 * deadline, the verification date) is provisional: the years, why, and that it will not be held against them.
 */
export function provisionalView(c: Case, clock: { provisionalYears?: number[] } | undefined) {
  const years = new Set(clock?.provisionalYears ?? []);
  for (const o of c.obligations)
    if (o.status === 'open') for (const y of o.provisionalYears ?? []) years.add(y);
  if (years.size === 0) return undefined;
  const note = provisionalNote([...years].sort((a, b) => a - b));
  return { years: note.years, 'zh-CN': note.zh, en: note.en };
}

/** The clock and the provisional-date note, as a case view carries them. */
export async function clockFields(c: Case) {
  const clock = await clockView(c);
  const provisional = provisionalView(c, clock);
  return { ...(clock ? { clock } : {}), ...(provisional ? { provisional } : {}) };
}
