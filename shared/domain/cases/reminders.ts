import type { WorkCalendar } from '../clock/calendar.ts';
import { addDays } from '../clock/dates.ts';
import { reminderDates } from '../clock/legal-clock.ts';
import { acceptedByLapse } from './auto-acceptance.ts';
import { caseClock } from './clock-record.ts';
import { type Case, DECIDING } from './model.ts';
import { openMaterialObligations } from './obligation-state.ts';

/**
 * The timers a case needs (EventBridge Scheduler, one-time): the end of the 5 working days to check an
 * application (行政许可法 Art. 32: unchecked by then, it counts as accepted from receipt), the end of its 容缺
 * deadline, and the days its clock turns amber and red. Each is computed from the case as it is now, so re-planning after any change
 * (a pause, an extension, a supplied material, the end of the case, a year's schedule published) is the same
 * call.
 */
export type ReminderKind = 'lapse' | 'obligations' | 'amber' | 'red' | 'verification';

export interface Reminder {
  kind: ReminderKind;
  /** The day it fires, at 00:00 in China. */
  day: string;
}

export interface ReminderPlan {
  reminders: Reminder[];
  /**
   * The unpublished years the case's dates assumed (clock/provisional.ts). What would act on such a date —
   * accept by lapse, terminate, turn red — is not planned; when one of these years becomes known the case is
   * computed again and planned anew.
   */
  waitingFor: number[];
}

export function planReminders(c: Case, calendar: WorkCalendar, today: string): ReminderPlan {
  const reminders: Reminder[] = [];
  const waiting = new Set<number>();
  const wait = (years: readonly number[] | undefined) => {
    for (const year of years ?? []) waiting.add(year);
  };
  const lapse = acceptedByLapse(c, today, calendar);
  if (!lapse.lapsed && lapse.deadline) {
    if (lapse.provisionalYears) wait(lapse.provisionalYears);
    else reminders.push({ kind: 'lapse', day: addDays(lapse.deadline, 1) });
  }
  const open = openMaterialObligations(c);
  for (const o of open) wait(o.provisionalYears);
  const binding = open.filter((o) => !o.provisionalYears);
  if (binding.length > 0 && DECIDING.includes(c.status)) {
    // The deadline day itself is still in time: the check runs as the next day begins.
    const earliest = binding.map((o) => o.deadline).sort()[0]!;
    reminders.push({ kind: 'obligations', day: addDays(earliest, 1) });
  }
  for (const o of c.obligations) {
    if (o.kind !== 'verification' || o.status !== 'open') continue;
    wait(o.provisionalYears);
    // The department's own date: a reminder binds nobody, so it is planned on a provisional date too.
    if (o.remindedFor !== o.deadline) reminders.push({ kind: 'verification', day: addDays(o.deadline, 1) });
  }
  const clock = caseClock(c, calendar, today);
  if (clock) {
    wait(clock.provisionalYears);
    const { amber, red, provisional } = reminderDates(clock);
    // A running pause moves both days each day it lasts; they are planned again when it ends.
    if (!provisional) {
      if (amber > today && !warned(c, 'amber', clock.deadline)) reminders.push({ kind: 'amber', day: amber });
      if (clock.provisionalYears.length === 0 && !warned(c, 'red', clock.deadline)) {
        reminders.push({ kind: 'red', day: red });
      }
    }
  }
  return { reminders, waitingFor: [...waiting].sort((a, b) => a - b) };
}

export const remindersOf = (c: Case, calendar: WorkCalendar, today: string): Reminder[] =>
  planReminders(c, calendar, today).reminders;

/** Whether the applicant and the department were already warned of this kind for this deadline. */
export const warned = (c: Case, kind: 'amber' | 'red', deadline: string) =>
  c.clock?.warned?.[kind] === deadline;

/** The schedule name of a reminder: one per case and kind, so planning again replaces it. */
export const reminderName = (caseId: string, kind: ReminderKind) => `case-${caseId}-${kind}`;

export const REMINDER_KINDS: readonly ReminderKind[] = [
  'lapse',
  'obligations',
  'amber',
  'red',
  'verification',
];
