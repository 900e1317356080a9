import type { WorkCalendar } from '../clock/calendar.ts';
import { addDays } from '../clock/dates.ts';
import { reminderDates } from '../clock/legal-clock.ts';
import { addWorkingDays } from '../clock/working-days.ts';
import { acceptedByLapse } from './auto-acceptance.ts';
import { caseClock } from './clock-record.ts';
import { type Case, DECIDING } from './model.ts';
import { openMaterialObligations } from './obligation-state.ts';

/**
 * The timers a case needs (EventBridge Scheduler, one-time): the end of the 5 working days to check an
 * application (行政许可法 Art. 32: unchecked by then, it counts as accepted from receipt), the end of its 容缺
 * deadline, and the days its clock turns amber and red. Each is computed from the case as it is now, so re-planning after any change
 * (a pause, an extension, a supplied material, the end of the case) is the same call.
 */
export type ReminderKind = 'lapse' | 'obligations' | 'amber' | 'red';

export interface Reminder {
  kind: ReminderKind;
  /** The day it fires, at 00:00 in China. */
  day: string;
}

export function remindersOf(c: Case, calendar: WorkCalendar, today: string): Reminder[] {
  const reminders: Reminder[] = [];
  const lapse = acceptedByLapse(c, today, (from, n) => addWorkingDays(calendar, from, n));
  if (!lapse.lapsed && lapse.deadline) reminders.push({ kind: 'lapse', day: addDays(lapse.deadline, 1) });
  const open = openMaterialObligations(c);
  if (open.length > 0 && DECIDING.includes(c.status)) {
    // The deadline day itself is still in time: the check runs as the next day begins.
    const earliest = open.map((o) => o.deadline).sort()[0]!;
    reminders.push({ kind: 'obligations', day: addDays(earliest, 1) });
  }
  const clock = caseClock(c, calendar, today);
  if (clock) {
    const { amber, red, provisional } = reminderDates(clock);
    // A running pause moves both days each day it lasts; they are planned again when it ends.
    if (!provisional) {
      if (amber > today && !warned(c, 'amber', clock.deadline)) reminders.push({ kind: 'amber', day: amber });
      if (!warned(c, 'red', clock.deadline)) reminders.push({ kind: 'red', day: red });
    }
  }
  return reminders;
}

/** Whether the applicant and the department were already warned of this kind for this deadline. */
export const warned = (c: Case, kind: 'amber' | 'red', deadline: string) =>
  c.clock?.warned?.[kind] === deadline;

/** The schedule name of a reminder: one per case and kind, so planning again replaces it. */
export const reminderName = (caseId: string, kind: ReminderKind) => `case-${caseId}-${kind}`;

export const REMINDER_KINDS: readonly ReminderKind[] = ['lapse', 'obligations', 'amber', 'red'];
