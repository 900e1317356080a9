import type { WorkCalendar } from '../clock/calendar.ts';
import { clockOf, type LegalClock } from '../clock/legal-clock.ts';
import { PAUSE_TYPE_NAMES, type PauseType, STATUTORY_EXTENSION_DAYS } from '../clock/statute.ts';
import { actorKinds } from './actors.ts';
import { CaseError } from './errors.ts';
import { type Actor, type AuditRecord, type Case, type ClockRecord, DECIDING, dayOf } from './model.ts';

/**
 * The clock's record on a case (时限中止, 延长): who stops it, who extends it, and the clock it gives. The clock
 * runs from acceptance to the decision; before and after there is nothing to stop.
 */

/** The record with a pause opened on `day`; refused while another runs (one reason at a time stops it). */
export function openPause(
  c: Case,
  pause: { type: PauseType; day: string; reason: string; by: string },
): ClockRecord | undefined {
  if (!c.clock) return undefined;
  if (c.clock.pauses.some((p) => !p.end)) {
    throw new CaseError(
      'PAUSE_RUNNING',
      '时限已中止，须先恢复计时',
      'the clock is paused already: resume it first',
    );
  }
  const { day, ...rest } = pause;
  return { ...c.clock, pauses: [...c.clock.pauses, { ...rest, start: day }] };
}

/** The record with its running pause ended on `day` (that day still spent on the pause). */
export function endPause(c: Case, day: string): ClockRecord | undefined {
  if (!c.clock) return undefined;
  return { ...c.clock, pauses: c.clock.pauses.map((p) => (p.end ? p : { ...p, end: day })) };
}

export const runningPause = (c: Case) => c.clock?.pauses.find((p) => !p.end);

/** The case's legal clock on `today`; undefined before acceptance, after the decision, or for an old record. */
export function caseClock(c: Case, calendar: WorkCalendar, today: string): LegalClock | undefined {
  if (!c.acceptedAt || !c.clock || !DECIDING.includes(c.status)) return undefined;
  return clockOf({
    calendar,
    acceptedOn: dayOf(c.acceptedAt),
    limitDays: c.clock.limitDays,
    pauses: c.clock.pauses,
    extensions: c.clock.extensions,
    today,
  });
}

export interface ClockAction {
  actor: Actor;
  at: string;
}

/** A handler of the case stops the clock for a special procedure (hearing, inspection, expert review …). */
export function pauseClock(
  c: Case,
  input: ClockAction & { type: PauseType; reason: string },
): { case: Case; record: AuditRecord } {
  mustRun(c);
  mustBe(
    c,
    input.actor,
    'handler',
    '只有承办部门的审查人员可以中止计时',
    "only the handling department's reviewers pause the clock",
  );
  const clock = openPause(c, {
    type: input.type,
    day: dayOf(input.at),
    reason: input.reason,
    by: input.actor.subject,
  });
  const name = PAUSE_TYPE_NAMES[input.type];
  return changed(
    c,
    { ...c, clock },
    input,
    'pause',
    `${name.zh}：${input.reason} / ${name.en}: ${input.reason}`,
  );
}

/** The special procedure is over: the clock runs again from the next working day. */
export function resumeClock(c: Case, input: ClockAction & { reason?: string }) {
  mustRun(c);
  mustBe(
    c,
    input.actor,
    'handler',
    '只有承办部门的审查人员可以恢复计时',
    "only the handling department's reviewers resume the clock",
  );
  const running = runningPause(c);
  if (!running) throw new CaseError('NOT_PAUSED', '时限未中止', 'the clock is not paused');
  const name = PAUSE_TYPE_NAMES[running.type];
  const reason = input.reason ?? `${name.zh}结束 / ${name.en} over`;
  return changed(c, { ...c, clock: endPause(c, dayOf(input.at)) }, input, 'resume-clock', reason);
}

/**
 * 行政许可法 Art. 42: the head of the body may extend the period (10 working days; 15 for joint handling), by a
 * decision taken while the period still runs, with the reason told to the applicant. Beyond the statute, or
 * once the deadline has passed, it is refused here rather than recorded and warned about.
 */
export function extendClock(
  c: Case,
  input: ClockAction & { days: number; reason: string; calendar: WorkCalendar },
  allowedDays = STATUTORY_EXTENSION_DAYS,
) {
  mustRun(c);
  mustBe(
    c,
    input.actor,
    'supervisor',
    '延长期限须经本行政机关负责人批准',
    'an extension is approved by the head of the body (a supervisor)',
  );
  const today = dayOf(input.at);
  const clock = caseClock(c, input.calendar, today)!;
  const already = c.clock!.extensions.reduce((sum, e) => sum + e.days, 0);
  if (already + input.days > allowedDays) {
    throw new CaseError(
      'EXTENSION_BEYOND_STATUTE',
      `延长期限合计不得超过 ${allowedDays} 个工作日（已延长 ${already} 日）`,
      `extensions may add at most ${allowedDays} working days (${already} already)`,
    );
  }
  if (today > clock.deadline) {
    throw new CaseError(
      'DEADLINE_PASSED',
      `办结期限 ${clock.deadline} 已过，不能再延长`,
      `the deadline (${clock.deadline}) has passed`,
    );
  }
  const extension = {
    days: input.days,
    approvedBy: input.actor.subject,
    approvedOn: today,
    reason: input.reason,
  };
  const record = { ...c.clock!, extensions: [...c.clock!.extensions, extension] };
  return changed(
    c,
    { ...c, clock: record },
    input,
    'extend',
    `延长 ${input.days} 个工作日：${input.reason} / extended by ${input.days} working days: ${input.reason}`,
  );
}

function mustRun(c: Case): void {
  if (!c.clock || !DECIDING.includes(c.status)) {
    throw new CaseError(
      'CLOCK_NOT_RUNNING',
      '办件不在审查期限内',
      'the case is not within its decision period',
    );
  }
}

function mustBe(c: Case, actor: Actor, kind: 'handler' | 'supervisor', zh: string, en: string): void {
  if (!actorKinds(c, actor).has(kind)) throw new CaseError('NOT_PERMITTED', zh, en);
}

function changed(before: Case, after: Case, input: ClockAction, action: string, reason: string) {
  if (Date.parse(input.at) < Date.parse(before.updatedAt)) {
    throw new CaseError(
      'TIME_REVERSED',
      '时间早于上一次变更',
      'the time is before the last change to the case',
    );
  }
  const record: AuditRecord = {
    caseId: before.id,
    at: input.at,
    actor: { subject: input.actor.subject, roles: [...input.actor.roles] },
    action,
    from: before.status,
    to: before.status,
    reason,
    step: before.step,
  };
  return { case: { ...after, updatedAt: input.at }, record };
}

/**
 * The reminder's action: if the clock reads amber (or red) on `today`, a warning is recorded — once per
 * deadline — and reaches the department and the applicant as an event. Paused, extended or decided since the
 * reminder was planned: nothing.
 */
export function warnClock(
  c: Case,
  kind: 'amber' | 'red',
  input: { calendar: WorkCalendar; today: string; at: string },
): { case: Case; record: AuditRecord } | undefined {
  const clock = caseClock(c, input.calendar, input.today);
  if (clock?.status !== kind || c.clock?.warned?.[kind] === clock.deadline) return undefined;
  const reason =
    kind === 'amber'
      ? `办结期限 ${clock.deadline}，已用 ${clock.usedDays}/${clock.limitDays} 个工作日 / due ${clock.deadline}: ${clock.usedDays} of ${clock.limitDays} working days used`
      : `已超过办结期限 ${clock.deadline} / overdue since ${clock.deadline}`;
  const warned = { ...c.clock!.warned, [kind]: clock.deadline };
  const system = { subject: 'system', roles: ['system' as const] };
  return changed(
    c,
    { ...c, clock: { ...c.clock!, warned } },
    { actor: system, at: input.at },
    `clock-${kind}`,
    reason,
  );
}
