import type { WorkCalendar } from './calendar.ts';
import { type ClockInput, checkClockInput } from './clock-input.ts';
import { addDays } from './dates.ts';
import { provisionalNote } from './provisional.ts';
import { STATUTORY_EXTENSION_DAYS } from './statute.ts';

export type { ClockInput, Extension, Pause } from './clock-input.ts';
export { DECISION_DAYS, PAUSE_TYPES, type PauseType, STATUTORY_EXTENSION_DAYS } from './statute.ts';

export type ClockStatus = 'green' | 'amber' | 'red' | 'paused';

export interface ClockWarning {
  code:
    | 'EXTENSION_BEYOND_STATUTE'
    | 'EXTENSION_APPROVED_LATE'
    | 'PAUSE_AFTER_DEADLINE'
    | 'DEADLINE_PROVISIONAL'
    | 'DATE_PROVISIONAL';
  zh: string;
  en: string;
}

export interface LegalClock {
  acceptedOn: string;
  today: string;
  /** The last day a decision is on time. */
  deadline: string;
  /** The period with its extensions. */
  limitDays: number;
  extensionDays: number;
  /** Working days counted from the day after acceptance to today, pauses left out; beyond the limit when overdue. */
  usedDays: number;
  /** limitDays − usedDays: negative by the working days a case is overdue. */
  remainingDays: number;
  /** Working days the pauses took out of the period: the deadline moved by as many. */
  pausedDays: number;
  /** red when overdue, else paused while a pause runs, else amber once the threshold is reached, else green. */
  status: ClockStatus;
  paused: boolean;
  /** The day amber begins. */
  amberFrom: string;
  /** The day red begins: the day after the deadline. */
  redFrom: string;
  /** True while a pause has no end: the dates assume it ends today and move on each day it does not. */
  provisional: boolean;
  /**
   * The years whose holiday schedule the deadline assumed (provisional.ts): while any is left, the deadline
   * may move either way when the year is published, and the clock does not turn red on it.
   */
  provisionalYears: number[];
  warnings: ClockWarning[];
}

export const DEFAULT_THRESHOLDS = { amber: 0.8 } as const;

/** A case's legal clock (法定/承诺办结时限) as read on `today`. Throws ClockInputError. */
export function clockOf(input: ClockInput): LegalClock {
  checkClockInput(input);
  const { calendar, acceptedOn, today } = input;
  const pauses = input.pauses ?? [];
  const extensions = [...(input.extensions ?? [])].sort((a, b) => a.approvedOn.localeCompare(b.approvedOn));
  const extensionDays = extensions.reduce((sum, e) => sum + e.days, 0);
  const limitDays = input.limitDays + extensionDays;
  // An open pause is taken to last through today: the earliest the clock can run again is tomorrow.
  const spans = pauses.map((p) => ({ start: p.start, end: p.end ?? today }));
  const walk = walkClock(calendar, acceptedOn, today, limitDays, spans);
  const nth = (n: number) => (n === 0 ? acceptedOn : walk.counted[n - 1]!);

  const deadline = nth(limitDays);
  // Less a hair: 0.7 × 10 is 7.000000000000001 in floating point, and 7 working days are 70%.
  const amberFrom = nth(Math.ceil((input.thresholds ?? DEFAULT_THRESHOLDS).amber * limitDays - 1e-9));
  const usedDays = walk.counted.filter((day) => day <= today).length;
  const paused = spans.some((s) => s.start <= today && today <= s.end);
  const provisional = pauses.some((p) => p.end === undefined);
  const provisionalYears = calendar.provisionalYears(acceptedOn, deadline);
  // Past a provisional deadline the case is not overdue until the schedule says so: amber at most.
  const overdue = today > deadline && provisionalYears.length === 0;
  const status: ClockStatus = overdue ? 'red' : paused ? 'paused' : today >= amberFrom ? 'amber' : 'green';

  const warnings: ClockWarning[] = [];
  const allowed = input.statutoryExtensionDays ?? STATUTORY_EXTENSION_DAYS;
  if (extensionDays > allowed) {
    warnings.push({
      code: 'EXTENSION_BEYOND_STATUTE',
      zh: `延长期限共 ${extensionDays} 个工作日，超过法定的 ${allowed} 个工作日`,
      en: `The extensions add ${extensionDays} working days, more than the statutory ${allowed}`,
    });
  }
  let granted = input.limitDays;
  for (const extension of extensions) {
    // An extension must be approved while the period it extends is still running.
    const before = nth(granted);
    if (extension.approvedOn > before) {
      warnings.push({
        code: 'EXTENSION_APPROVED_LATE',
        zh: `延期于 ${extension.approvedOn} 批准，晚于原办结期限 ${before}`,
        en: `An extension was approved on ${extension.approvedOn}, after the deadline it extends (${before})`,
      });
    }
    granted += extension.days;
  }
  for (const pause of pauses.filter((p) => p.start > deadline)) {
    warnings.push({
      code: 'PAUSE_AFTER_DEADLINE',
      zh: `时限中止始于 ${pause.start}，办结期限 ${deadline} 已过，不能再中止`,
      en: `A pause starts on ${pause.start}, after the deadline (${deadline}): it cannot stop a clock already run out`,
    });
  }
  if (provisional) {
    warnings.push({
      code: 'DEADLINE_PROVISIONAL',
      zh: '时限中止尚未结束：办结期限按今日恢复计时计算，中止每多一个工作日顺延一日',
      en: 'A pause has not ended: the deadline assumes the clock runs again tomorrow and moves with each paused working day',
    });
  }

  if (provisionalYears.length > 0) {
    const { zh, en } = provisionalNote(provisionalYears);
    warnings.push({ code: 'DATE_PROVISIONAL', zh, en });
  }

  return {
    acceptedOn,
    today,
    deadline,
    limitDays,
    extensionDays,
    usedDays,
    remainingDays: limitDays - usedDays,
    pausedDays: walk.pausedDays,
    status,
    paused,
    amberFrom,
    redFrom: addDays(deadline, 1),
    provisional,
    provisionalYears,
    warnings,
  };
}

/**
 * The days amber and red begin, for one-time reminders (EventBridge Scheduler), at 00:00 China time. Dates on
 * or before the clock's `today` have begun already. While `provisional`, reschedule when the pause ends.
 */
export function reminderDates(clock: LegalClock): { amber: string; red: string; provisional: boolean } {
  return { amber: clock.amberFrom, red: clock.redFrom, provisional: clock.provisional };
}

/**
 * The counted working days after acceptance, in order, until the period is used up and today is reached;
 * and the working days pauses took out before the period was used up.
 */
function walkClock(
  calendar: WorkCalendar,
  acceptedOn: string,
  today: string,
  limitDays: number,
  spans: { start: string; end: string }[],
): { counted: string[]; pausedDays: number } {
  const counted: string[] = [];
  let pausedDays = 0;
  for (let day = acceptedOn; counted.length < limitDays || day < today; ) {
    day = addDays(day, 1);
    if (!calendar.isWorkingDay(day)) continue;
    if (spans.some((s) => s.start <= day && day <= s.end)) {
      if (counted.length < limitDays) pausedDays++;
    } else {
      counted.push(day);
    }
  }
  return { counted, pausedDays };
}
