import { type ActorKind, actorKinds, describeKinds } from './actors.ts';
import { endPause, openPause } from './clock-record.ts';
import { IllegalTransitionError } from './errors.ts';
import {
  type Actor,
  type AuditRecord,
  type Case,
  type CaseStatus,
  dayOf,
  STATUS_LABELS,
  type TransitionResult,
} from './model.ts';
import { openMaterialObligations, overdueObligations, resultBlocked } from './obligation-state.ts';

export { CASE_STATUSES, CaseStatus, STATUS_LABELS } from './model.ts';

export type Action =
  | 'submit'
  | 'request-correction'
  | 'supplement'
  | 'resubmit'
  | 'return'
  | 'resume-review'
  | 'accept'
  | 'auto-accept'
  | 'not-accept'
  | 'start-review'
  | 'next-step'
  | 'escalate'
  | 'approve'
  | 'deny'
  | 'conclude'
  | 'withdraw'
  | 'terminate'
  | 'revoke';

export interface TransitionRule {
  action: Action;
  from: readonly CaseStatus[];
  /** `same`: the status does not change (a review moving on a step, an escalation). */
  to: CaseStatus | 'same';
  by: readonly ActorKind[];
  /** A written reason is due wherever the law asks for one (不予受理, 不予许可, 撤销 …). */
  needsReason?: boolean;
  needsStep?: boolean;
}

/** Before a decision the applicant may still withdraw (DOMAIN.md: withdrawn "before a decision"). */
const BEFORE_DECISION: CaseStatus[] = [
  'draft',
  'submitted',
  'correction-requested',
  'corrected',
  'accepted',
  'under-review',
];

/** Every allowed status change, who may make it, and what it needs. Anything not here is illegal. */
export const TRANSITIONS: readonly TransitionRule[] = [
  { action: 'submit', from: ['draft'], to: 'submitted', by: ['applicant'] },
  {
    action: 'request-correction',
    from: ['submitted', 'corrected'],
    to: 'correction-requested',
    // The platform's pre-check (智能预审) issues the one-time notice itself; a handler may too.
    by: ['handler', 'system'],
    needsReason: true,
  },
  { action: 'supplement', from: ['correction-requested'], to: 'corrected', by: ['applicant'] },
  // The corrected application goes back to the pre-check queue, as a new receipt.
  { action: 'resubmit', from: ['corrected'], to: 'submitted', by: ['system', 'applicant'] },
  // A reviewer returns an accepted case for correction (补正); the clock stands still until it is corrected.
  {
    action: 'return',
    from: ['under-review'],
    to: 'correction-requested',
    by: ['handler'],
    needsReason: true,
  },
  // … and the corrected case goes back to the step that returned it, without a second acceptance.
  { action: 'resume-review', from: ['corrected'], to: 'under-review', by: ['system'], needsStep: true },
  // A complete (or tolerable) application is accepted by the pre-check at once; a handler may accept too.
  { action: 'accept', from: ['submitted'], to: 'accepted', by: ['handler', 'system'] },
  // 行政许可法 Art. 32: no notice within 5 working days of receipt = accepted from receipt.
  { action: 'auto-accept', from: ['submitted'], to: 'accepted', by: ['system'] },
  { action: 'not-accept', from: ['submitted'], to: 'not-accepted', by: ['handler'], needsReason: true },
  // The workflow routes the case to each process step in turn, after a reviewer passed the previous one.
  {
    action: 'start-review',
    from: ['accepted'],
    to: 'under-review',
    by: ['handler', 'system'],
    needsStep: true,
  },
  { action: 'next-step', from: ['under-review'], to: 'same', by: ['handler', 'system'], needsStep: true },
  {
    action: 'escalate',
    from: ['submitted', 'correction-requested', 'corrected', 'accepted', 'under-review'],
    to: 'same',
    // A supervisor escalates, or the workflow does when a review task runs out of time.
    by: ['supervisor', 'system'],
    needsReason: true,
  },
  { action: 'approve', from: ['under-review'], to: 'approved', by: ['handler'] },
  { action: 'deny', from: ['under-review'], to: 'denied', by: ['handler'], needsReason: true },
  { action: 'conclude', from: ['approved', 'denied'], to: 'concluded', by: ['handler', 'system'] },
  { action: 'withdraw', from: BEFORE_DECISION, to: 'withdrawn', by: ['applicant'] },
  // 容缺: a deferred material not supplied in time ends the case (终止).
  {
    action: 'terminate',
    from: ['accepted', 'under-review'],
    to: 'terminated',
    by: ['system'],
    needsReason: true,
  },
  // 告知承诺: a commitment found false after approval revokes the decision.
  { action: 'revoke', from: ['approved', 'concluded'], to: 'revoked', by: ['handler'], needsReason: true },
];

export const targetOf = (rule: TransitionRule, from: CaseStatus): CaseStatus =>
  rule.to === 'same' ? from : rule.to;

/** The rules that lead from `from` to `to`, whoever the actor: empty means the pair is illegal. */
export const rulesBetween = (from: CaseStatus, to: CaseStatus) =>
  TRANSITIONS.filter((r) => r.from.includes(from) && targetOf(r, from) === to);

export interface TransitionOptions {
  actor: Actor;
  at: string;
  reason?: string;
  /** The process step a review starts or moves to. */
  step?: string;
  /** Picks among rules with the same statuses (next-step vs escalate) when the actor could do both. */
  action?: Action;
  /** The day a deadline is judged on: a timer's scheduled day, which may be later than `at` was read. */
  today?: string;
}

/** Data in, data out: the changed case and the audit record to append, or an IllegalTransitionError. */
export function transition(c: Case, to: CaseStatus, opts: TransitionOptions): TransitionResult {
  const from = c.status;
  const candidates = rulesBetween(from, to).filter((r) => !opts.action || r.action === opts.action);
  if (candidates.length === 0) throw notInTable(from, to);
  const kinds = actorKinds(c, opts.actor);
  const rule = candidates.find((r) => r.by.some((k) => kinds.has(k)));
  if (!rule) {
    const who = describeKinds([...new Set(candidates.flatMap((r) => r.by))]);
    throw new IllegalTransitionError(
      from,
      to,
      'NOT_PERMITTED',
      `只能由${who.zh}办理`,
      `only ${who.en} may do this`,
    );
  }
  guard(c, rule, to, opts);
  const next = apply(c, rule, to, opts);
  const record: AuditRecord = {
    caseId: c.id,
    at: opts.at,
    actor: { subject: opts.actor.subject, roles: [...opts.actor.roles] },
    action: rule.action,
    from,
    to,
    reason: opts.reason,
    step: opts.step ?? next.step,
  };
  return { case: next, record };
}

function notInTable(from: CaseStatus, to: CaseStatus): IllegalTransitionError {
  const sources = [...new Set(TRANSITIONS.filter((r) => r.to === to).flatMap((r) => r.from))];
  if (sources.length === 0) {
    return new IllegalTransitionError(
      from,
      to,
      'NOT_IN_TABLE',
      '该状态不能由其他状态转入',
      'nothing leads there',
    );
  }
  const zh = sources.map((s) => `「${STATUS_LABELS[s].zh}」`).join('、');
  const en = sources.map((s) => `"${s}"`).join(', ');
  return new IllegalTransitionError(
    from,
    to,
    'NOT_IN_TABLE',
    `只能从${zh}转入`,
    `it is reachable only from ${en}`,
  );
}

function guard(c: Case, rule: TransitionRule, to: CaseStatus, opts: TransitionOptions): void {
  const fail = (code: string, zh: string, en: string) =>
    new IllegalTransitionError(c.status, to, code, zh, en);
  const at = Date.parse(opts.at);
  if (Number.isNaN(at)) throw fail('TIME_INVALID', `时间「${opts.at}」无效`, `"${opts.at}" is not a time`);
  // The trail is append-only: a change dated before the last one would rewrite history.
  if (at < Date.parse(c.updatedAt)) {
    throw fail('TIME_REVERSED', '时间早于上一次变更', 'the time is before the last change to the case');
  }
  if (rule.needsReason && !opts.reason?.trim()) {
    throw fail('REASON_REQUIRED', '必须写明理由', 'a written reason is required');
  }
  if (rule.needsStep && !opts.step)
    throw fail('STEP_REQUIRED', '必须指明办理环节', 'a process step is required');
  if (opts.step && c.matter.steps.length > 0 && !c.matter.steps.includes(opts.step)) {
    throw fail('STEP_UNKNOWN', `事项没有「${opts.step}」环节`, `the matter has no step "${opts.step}"`);
  }
  if (rule.action === 'approve' && resultBlocked(c)) {
    const names = openMaterialObligations(c).map((o) => o.name);
    throw fail(
      'OBLIGATIONS_OPEN',
      `容缺材料尚未补齐：${names.join('、')}`,
      `deferred materials are still to be supplied: ${names.join(', ')}`,
    );
  }
  if (rule.action === 'terminate' && overdueObligations(c, opts.today ?? dayOf(opts.at)).length === 0) {
    throw fail('NO_OVERDUE_OBLIGATION', '没有逾期未补的容缺材料', 'no deferred material is overdue');
  }
  // A case accepted before (returned during review) resumes its review; only one never accepted is pre-checked.
  if (rule.action === 'resubmit' && c.acceptedAt) {
    throw fail(
      'ALREADY_ACCEPTED',
      '已受理的办件补正后继续审查',
      'an accepted case resumes its review once corrected',
    );
  }
  if (rule.action === 'resume-review' && !c.acceptedAt) {
    throw fail(
      'NOT_ACCEPTED',
      '未受理的办件补正后须重新预审',
      'a case not yet accepted is pre-checked again',
    );
  }
  if (rule.action === 'revoke' && !c.commitment) {
    throw fail('NO_COMMITMENT', '该办件未实行告知承诺', 'the case was not decided on a commitment');
  }
}

function apply(c: Case, rule: TransitionRule, to: CaseStatus, opts: TransitionOptions): Case {
  const next: Case = { ...c, status: to, updatedAt: opts.at };
  switch (rule.action) {
    case 'submit':
    case 'resubmit':
      next.receivedAt = opts.at;
      break;
    case 'accept':
      next.acceptedAt = opts.at;
      break;
    case 'auto-accept':
      // Counts as accepted from receipt, not from the day the lapse was noticed.
      next.acceptedAt = c.receivedAt ?? opts.at;
      break;
    case 'start-review':
    case 'next-step':
    case 'resume-review':
      next.step = opts.step;
      break;
    case 'return':
      next.clock = openPause(c, {
        type: 'correction',
        day: dayOf(opts.at),
        reason: opts.reason!,
        by: opts.actor.subject,
      });
      break;
    case 'supplement':
      next.clock = endPause(c, dayOf(opts.at));
      break;
    case 'escalate':
      next.escalatedAt = opts.at;
      next.step = opts.step ?? c.step;
      break;
    case 'approve':
    case 'deny':
      next.decidedAt = opts.at;
      break;
    case 'conclude':
      next.concludedAt = opts.at;
      break;
    case 'not-accept':
    case 'withdraw':
    case 'terminate':
    case 'revoke':
      next.closedAt = opts.at;
      break;
    case 'request-correction':
      break;
  }
  return next;
}

/** A new case, not yet submitted, for a matter as in force now. */
export function draftCase(input: {
  id: string;
  matter: {
    implementationCode: string;
    name: string;
    nameEn?: string;
    department: string;
    region: string;
    processSteps: { id: string; kind: string }[];
  };
  version?: number;
  applicant: Case['applicant'];
  assisted?: boolean;
  at: string;
}): Case {
  const { matter } = input;
  return {
    id: input.id,
    matter: {
      implementationCode: matter.implementationCode,
      name: matter.name,
      ...(matter.nameEn ? { nameEn: matter.nameEn } : {}),
      version: input.version,
      // Acceptance is a status of its own; review moves through the steps after it.
      steps: matter.processSteps.filter((s) => s.kind !== 'acceptance').map((s) => s.id),
    },
    handling: { department: matter.department, region: matter.region },
    applicant: input.applicant,
    assisted: input.assisted ?? false,
    status: 'draft',
    createdAt: input.at,
    updatedAt: input.at,
    notices: [],
    obligations: [],
  };
}
