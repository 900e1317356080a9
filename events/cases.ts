import { z } from 'zod';
import { CaseStatus } from '../shared/domain/cases/model.ts';
import type { ContractEntry } from './entry.ts';
import { Day, envelope } from './envelope.ts';

/**
 * Case events (source `tongban.cases`): one per line of a case's audit trail, written in the transaction that
 * changes the case (the outbox). A change of status is named after the new status; a record that leaves the
 * status as it was is named after what happened (shared/domain/cases/events.ts `detailTypeOf`).
 */
export const CASES = 'tongban.cases';

const Reason = z
  .string()
  .min(1)
  .describe('why, as the person or rule that acted put it (zh-CN, often with en)');
const Step = z.string().min(1).describe('the process step (办理环节) id of the matter');

interface CaseEventSpec {
  detailType: string;
  description: string;
  /** The audit actions published under this detail-type: `action` tells them apart. */
  actions: [string, ...string[]];
  /** The new status; absent for a record that leaves the status as it was. */
  to?: CaseStatus;
  /** Present on every event of this type (the lifecycle asks for it), rather than only sometimes. */
  needs?: ('reason' | 'step')[];
  extra?: Record<string, z.ZodType>;
}

function caseEvent(spec: CaseEventSpec): ContractEntry {
  const needs = new Set(spec.needs);
  return {
    source: CASES,
    detailType: spec.detailType,
    description: spec.description,
    published: true,
    audience: 'event',
    schema: z.looseObject({
      ...envelope,
      action: z.enum(spec.actions).describe('what happened, in the words of the audit trail'),
      from: CaseStatus.describe('the status before'),
      to: spec.to
        ? z.literal(spec.to).describe('the status after')
        : CaseStatus.describe('the status, unchanged'),
      step: needs.has('step') ? Step : Step.optional(),
      reason: needs.has('reason') ? Reason : Reason.optional(),
      ...spec.extra,
    }),
  };
}

export const CASE_EVENTS: ContractEntry[] = [
  caseEvent({
    detailType: 'Case Submitted',
    description:
      'An application was submitted (提交), or a corrected one went back to the pre-check (resubmit). The 5 ' +
      'working days for the one-time notice run from occurredAt.',
    actions: ['submit', 'resubmit'],
    to: 'submitted',
  }),
  caseEvent({
    detailType: 'Case Correction Requested',
    description:
      'The one-time notice (一次性告知) of everything missing or wrong was issued before acceptance ' +
      '(request-correction), or a reviewer returned an accepted case for correction (return: its clock stands ' +
      'still until it is corrected).',
    actions: ['request-correction', 'return'],
    to: 'correction-requested',
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Corrected',
    description: 'The applicant supplied what the notice asked for (补正).',
    actions: ['supplement'],
    to: 'corrected',
  }),
  caseEvent({
    detailType: 'Case Accepted',
    description:
      'The case was accepted (受理) by the pre-check or a handler, or by lapse (auto-accept: no notice within 5 ' +
      'working days of receipt, 行政许可法 Art. 32). The legal clock starts.',
    actions: ['accept', 'auto-accept'],
    to: 'accepted',
  }),
  caseEvent({
    detailType: 'Case Not Accepted',
    description: 'The application was not accepted (不予受理); the reason is the written decision.',
    actions: ['not-accept'],
    to: 'not-accepted',
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Under Review',
    description:
      'The case is at a review step (审查): the first one (start-review), the next one after a reviewer passed ' +
      'the previous (next-step), or the same one again once a returned case was corrected (resume-review).',
    actions: ['start-review', 'next-step', 'resume-review'],
    to: 'under-review',
    needs: ['step'],
  }),
  caseEvent({
    detailType: 'Review Requested',
    description:
      'A review task (审查任务) was opened for the handling department at a step. Answer it with a Review ' +
      'Decision Submitted event carrying its taskId, or decide it in the reviewer inbox.',
    actions: ['request-review'],
    needs: ['step'],
    extra: {
      taskId: z.uuid().describe('the task to answer'),
      stepName: z.string().min(1).describe('the step as the matter names it'),
      deadline: Day.describe('the last working day of the step; after it the case is escalated'),
      escalated: z.boolean().describe('the task was opened again after an escalation (督办)'),
    },
  }),
  caseEvent({
    detailType: 'Case Approved',
    description: 'The decision is to grant (准予许可).',
    actions: ['approve'],
    to: 'approved',
  }),
  caseEvent({
    detailType: 'Case Denied',
    description: 'The decision is to refuse (不予许可); the reason is the written decision.',
    actions: ['deny'],
    to: 'denied',
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Concluded',
    description:
      'The case is concluded (办结): after an approval the result is delivered, after a denial the decision ' +
      'served.',
    actions: ['conclude'],
    to: 'concluded',
  }),
  caseEvent({
    detailType: 'Case Commitment Verified',
    description:
      'After approval, the commitment (告知承诺) the decision rested on was verified as truthful (事中事后核查); ' +
      'the status does not change. A false one revokes the decision instead (Case Revoked).',
    actions: ['verify-commitment'],
  }),
  caseEvent({
    detailType: 'Case Withdrawn',
    description: 'The applicant withdrew the application before a decision (撤回).',
    actions: ['withdraw'],
    to: 'withdrawn',
  }),
  caseEvent({
    detailType: 'Case Terminated',
    description:
      'The case ended (终止): a deferred material (容缺) was not supplied in time; the reason names it.',
    actions: ['terminate'],
    to: 'terminated',
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Revoked',
    description:
      'The decision was revoked (撤销) because the commitment it rested on was found false (see False ' +
      'Commitment Recorded).',
    actions: ['revoke'],
    to: 'revoked',
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Escalated',
    description: 'The case was escalated (督办): by a supervisor, or because a review step ran out of time.',
    actions: ['escalate'],
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Material Supplied',
    description: 'A deferred material (容缺) was supplied after acceptance; the reason names it.',
    actions: ['supply-material'],
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Clock Paused',
    description:
      'The legal clock was stopped (时限中止) for a special procedure: hearing, inspection, testing, expert ' +
      'review …; the reason names it.',
    actions: ['pause'],
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Clock Resumed',
    description: 'The special procedure is over; the legal clock runs again from the next working day.',
    actions: ['resume-clock'],
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Clock Extended',
    description:
      'The head of the body extended the period (延长, 行政许可法 Art. 42); the reason says by how much.',
    actions: ['extend'],
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Clock Amber',
    description: '80% of the time to decide is used; the reason states the deadline.',
    actions: ['clock-amber'],
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Clock Red',
    description: 'The deadline to decide has passed; the reason states it.',
    actions: ['clock-red'],
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Dates Recomputed',
    description:
      "A year's holiday schedule became known and the case's dates that assumed it were computed again: a " +
      'deadline the applicant was given only moves later. The reason names the year, its source and every ' +
      'date that moved.',
    actions: ['recompute-dates'],
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Verification Overdue',
    description:
      "A commitment's verification (事中事后核查) is past its date and still open: the handling department is " +
      'reminded, once per date. The reason states it.',
    actions: ['verification-overdue'],
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Stalled',
    description:
      'A workflow step failed for good (its retries used up): the case needs attention from the supervisors of ' +
      'its region, who resume it once the cause is fixed. The reason names the step and the error.',
    actions: ['stall'],
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Workflow Resumed',
    description:
      'A supervisor or administrator resumed the workflow of a stalled case; it goes on where it stood.',
    actions: ['resume-workflow'],
    needs: ['reason'],
  }),
  caseEvent({
    detailType: 'Case Read By Staff',
    description:
      'A staff member opened the case (its applicant, materials and timeline): the holder sees who looked and ' +
      'when (等保 level 3 audit). The status is unchanged; the actor is in the case timeline, not the event.',
    actions: ['staff-read'],
  }),
  caseEvent({
    detailType: 'Case Material Downloaded',
    description:
      "Someone was given a download link to one of the case's files; the reason names the material. The holder " +
      'sees who and when (等保 level 3 audit); the status is unchanged.',
    actions: ['material-download'],
    needs: ['reason'],
  }),
];
