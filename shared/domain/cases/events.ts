import type { AuditRecord, Case } from './model.ts';

/**
 * The detail-type an audit record is published under. A change of status is named after the new status
 * (`Case Under Review`); a record that leaves the status as it was is named after what happened.
 */
const SAME_STATUS: Record<string, string> = {
  'next-step': 'Case Under Review',
  escalate: 'Case Escalated',
  'verify-commitment': 'Case Commitment Verified',
  'supply-material': 'Case Material Supplied',
  pause: 'Case Clock Paused',
  'resume-clock': 'Case Clock Resumed',
  extend: 'Case Clock Extended',
  'clock-amber': 'Case Clock Amber',
  'clock-red': 'Case Clock Red',
  'recompute-dates': 'Case Dates Recomputed',
  'verification-overdue': 'Case Verification Overdue',
  stall: 'Case Stalled',
  'resume-workflow': 'Case Workflow Resumed',
  'staff-read': 'Case Read By Staff',
  'material-download': 'Case Material Downloaded',
};

export function detailTypeOf(record: Pick<AuditRecord, 'action' | 'from' | 'to'>): string {
  if (record.from === record.to && SAME_STATUS[record.action]) return SAME_STATUS[record.action]!;
  return `Case ${record.to.replace(/(^|-)([a-z])/g, (_, s: string, ch: string) => `${s ? ' ' : ''}${ch.toUpperCase()}`)}`;
}

/** The version of the event contract (events/): a minor version adds optional fields, a major one breaks. */
export const SCHEMA_VERSION = '1.0';

/**
 * The detail of a case event: the common envelope (who the event is about, where it was received and is
 * handled, when, under which contract version, and a key that is the same however often it is delivered),
 * then what happened. No personal data: names and ID numbers stay in the cases table.
 */
export function caseEventDetail(c: Case, record: AuditRecord, recordKey: string) {
  return {
    schemaVersion: SCHEMA_VERSION,
    idempotencyKey: `${c.id}/${recordKey}`,
    caseId: c.id,
    implementationCode: c.matter.implementationCode,
    baseCode: c.matter.implementationCode.slice(0, 12),
    matterVersion: c.matter.version,
    department: c.handling.department,
    handlingRegion: c.handling.region,
    // Received where the window sat (异地代收), else online in the handling region itself.
    receivingRegion: c.intake?.region ?? c.handling.region,
    occurredAt: record.at,
    action: record.action,
    from: record.from,
    to: record.to,
    ...(record.step ? { step: record.step } : {}),
    ...(record.reason ? { reason: record.reason } : {}),
    // 审管协同: a result names its holder by ID hash, so that regulators can file supervision records to it.
    ...(RESULTS.includes(record.to) && record.from !== record.to
      ? { holder: { idHash: c.applicant.idHash } }
      : {}),
  };
}

const RESULTS: readonly string[] = ['approved', 'concluded', 'revoked'];

/** A review task was opened for a department (审查任务): what a department system answers to, by task id. */
export function reviewRequestedDetail(
  c: Case,
  task: {
    id: string;
    step: string;
    stepName: string;
    deadline: string;
    escalated: boolean;
    openedAt: string;
  },
) {
  const record = {
    at: task.openedAt,
    action: 'request-review',
    from: c.status,
    to: c.status,
    step: task.step,
  };
  return {
    ...caseEventDetail(c, record as AuditRecord, `TASK#${task.id}`),
    taskId: task.id,
    stepName: task.stepName,
    deadline: task.deadline,
    escalated: task.escalated,
  };
}
