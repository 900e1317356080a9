import type { ImplementationItem } from '../catalog/model.ts';
import { actorKinds, SYSTEM_ACTOR } from './actors.ts';
import { CaseError } from './errors.ts';
import { transition } from './lifecycle.ts';
import {
  type Actor,
  type AuditRecord,
  type Case,
  type CaseConfig,
  DECIDING,
  dayOf,
  type MaterialObligation,
  type TransitionResult,
  type WorkingDays,
} from './model.ts';
import { isMissed, overdueObligations } from './obligation-state.ts';
import { toleranceDays } from './tolerance.ts';

export { openMaterialObligations, overdueObligations, resultBlocked } from './obligation-state.ts';
export { toleranceDays } from './tolerance.ts';

/**
 * 容缺 obligations: each deferred material must be supplied by a deadline. Until all are supplied the result
 * is held back (the lifecycle refuses approval); one missed deadline ends the case.
 */

/** Deadline = acceptance day + toleranceDays working days. */
export function obligationDeadline(
  matter: ImplementationItem,
  acceptedOn: string,
  days: WorkingDays,
  config: Partial<CaseConfig> = {},
): { deadline: string; provisionalYears?: number[] } {
  const deadline = days.addWorkingDays(acceptedOn, toleranceDays(matter, config));
  return { deadline, ...provisional(days, acceptedOn, deadline) };
}

/** `{ provisionalYears }` when a date counted from `from` to `to` assumed unknown years, else nothing. */
export function provisional(days: WorkingDays, from: string, to: string): { provisionalYears?: number[] } {
  const years = days.provisionalYears(from, to);
  return years.length > 0 ? { provisionalYears: years } : {};
}

/** One obligation per deferred material, all with the same deadline. */
export function materialObligations(
  matter: ImplementationItem,
  materials: readonly { materialId: string; name: string }[],
  acceptedOn: string,
  days: WorkingDays,
  config: Partial<CaseConfig> = {},
): MaterialObligation[] {
  const due = obligationDeadline(matter, acceptedOn, days, config);
  return materials.map((m) => ({
    kind: 'material',
    materialId: m.materialId,
    name: m.name,
    ...due,
    status: 'open',
  }));
}

/** The applicant (or the window serving them) supplies a deferred material, on or before its deadline. */
export function supplyObligation(
  c: Case,
  materialId: string,
  opts: { actor: Actor; at: string },
): { case: Case; record: AuditRecord } {
  if (!actorKinds(c, opts.actor).has('applicant')) {
    throw new CaseError('NOT_PERMITTED', '只能由申请人补交材料', 'only the applicant supplies materials');
  }
  if (!DECIDING.includes(c.status)) {
    throw new CaseError('NOT_AWAITING', '办件当前不等待补交材料', 'the case is not waiting for materials');
  }
  const index = c.obligations.findIndex(
    (o) => o.kind === 'material' && o.materialId === materialId && o.status === 'open',
  );
  const open = c.obligations[index];
  if (open?.kind !== 'material') {
    throw new CaseError('NO_SUCH_OBLIGATION', '没有待补交的该项材料', 'no such material is awaited');
  }
  if (isMissed(open, dayOf(opts.at))) {
    throw new CaseError(
      'OBLIGATION_MISSED',
      `「${open.name}」已超过补交期限（${open.deadline}），办件应当终止`,
      `"${open.name}" was due by ${open.deadline}; the case must be terminated`,
    );
  }
  if (Date.parse(opts.at) < Date.parse(c.updatedAt)) {
    throw new CaseError(
      'TIME_REVERSED',
      '时间早于上一次变更',
      'the time is before the last change to the case',
    );
  }
  const supplied: MaterialObligation = { ...open, status: 'supplied', suppliedAt: opts.at };
  const next: Case = {
    ...c,
    obligations: c.obligations.map((o, i) => (i === index ? supplied : o)),
    updatedAt: opts.at,
  };
  const record: AuditRecord = {
    caseId: c.id,
    at: opts.at,
    actor: { subject: opts.actor.subject, roles: [...opts.actor.roles] },
    action: 'supply-material',
    from: c.status,
    to: c.status,
    reason: open.name,
    step: c.step,
  };
  return { case: next, record };
}

/**
 * The timer's action: a missed deferred material terminates the case (终止), naming what was missed. `today`
 * is the day the timer was due (never earlier than the deadline's next day), `at` when it ran.
 */
export function terminateOverdue(c: Case, at: string, today = dayOf(at)): TransitionResult {
  const missed = overdueObligations(c, today);
  if (missed.length === 0) {
    throw new CaseError('NO_OVERDUE_OBLIGATION', '没有逾期未补的容缺材料', 'no deferred material is overdue');
  }
  const names = missed.map((o) => `${o.name}（${o.deadline}）`).join('、');
  return transition(c, 'terminated', {
    actor: SYSTEM_ACTOR,
    at,
    reason: `容缺材料逾期未补：${names} / deferred materials not supplied in time`,
    action: 'terminate',
    today,
  });
}
