import { actorKinds, SYSTEM_ACTOR } from './actors.ts';
import { CaseError } from './errors.ts';
import type { Actor, AuditRecord, Case } from './model.ts';

/**
 * No case is silently stuck: a workflow step that failed for good marks its case stalled, for the supervisors
 * of its region to see and resume once the cause is fixed (a matter version restored, a table throttling no
 * more …). Resuming starts the workflow again; each step takes the case as it stands, so it goes on where it
 * stopped.
 */

/** Final states: nothing is left to do, so nothing can stall or be resumed. */
export const FINAL: readonly Case['status'][] = [
  'concluded',
  'not-accepted',
  'withdrawn',
  'terminated',
  'revoked',
];

export function stall(
  c: Case,
  failure: { state: string; error: string; cause?: string; at: string },
): { case: Case; record: AuditRecord } | undefined {
  if (c.stalled || FINAL.includes(c.status)) return undefined;
  const at = later(failure.at, c.updatedAt);
  const detail = failure.cause ? `${failure.error}: ${failure.cause}` : failure.error;
  return {
    case: { ...c, stalled: { at, state: failure.state, error: failure.error }, updatedAt: at },
    record: record(
      c,
      at,
      SYSTEM_ACTOR,
      'stall',
      `审批流程环节「${failure.state}」多次失败，需人工处理：${detail} / the workflow step "${failure.state}" failed for good: ${detail}`,
    ),
  };
}

export function resumeWorkflow(
  c: Case,
  input: { actor: Actor; at: string; reason: string },
): { case: Case; record: AuditRecord } {
  const kinds = actorKinds(c, input.actor);
  if (!kinds.has('supervisor') && !input.actor.roles.includes('admin')) {
    throw new CaseError(
      'NOT_PERMITTED',
      '只有该地区的督办人员或管理员可以恢复流程',
      'only the supervisors of its region or an administrator resume a workflow',
    );
  }
  if (!c.stalled) {
    throw new CaseError('NOT_STALLED', '该办件的流程未中断', "the case's workflow has not stalled");
  }
  const { stalled: _stalled, ...rest } = c;
  const at = later(input.at, c.updatedAt);
  return {
    case: { ...rest, workflowRun: (c.workflowRun ?? 0) + 1, updatedAt: at },
    record: record(c, at, input.actor, 'resume-workflow', input.reason),
  };
}

function record(c: Case, at: string, actor: Actor, action: string, reason: string): AuditRecord {
  return {
    caseId: c.id,
    at,
    actor: { subject: actor.subject, roles: [...actor.roles] },
    action,
    from: c.status,
    to: c.status,
    reason,
    step: c.step,
  };
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
