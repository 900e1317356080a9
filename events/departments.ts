import { z } from 'zod';
import type { ContractEntry } from './entry.ts';
import { CaseId, DepartmentCode, IdempotencyKey, RegionCode, SchemaVersion, Timestamp } from './envelope.ts';

/**
 * Answers from department systems. Closed objects: an answer with a field the platform does not know is
 * refused (and lands in the integration failures), never half understood.
 */
export const DEPARTMENTS = 'tongban.departments';

const common = {
  schemaVersion: SchemaVersion,
  idempotencyKey: IdempotencyKey.describe(
    'chosen by the department system and kept when it sends the answer again: a second delivery changes nothing',
  ),
  taskId: z.uuid().describe('the task of the Review Requested event being answered'),
  caseId: CaseId,
  department: DepartmentCode.describe('the answering department: the one the task is for'),
  region: RegionCode.describe("the answering department's region: the one the task is for"),
  reviewer: z
    .strictObject({
      id: z.string().min(1).describe("the reviewer's account in the department's system"),
      name: z.string().min(1).optional().describe('shown in the case timeline to staff'),
    })
    .describe('who decided'),
  decidedAt: Timestamp.describe('when the reviewer decided'),
};

const Reason = z.string().trim().min(1);

export const ReviewDecisionSubmitted = z
  .discriminatedUnion('outcome', [
    z.strictObject({
      ...common,
      outcome: z.literal('approve').describe('the step is passed (at the last step: the case is approved)'),
      reason: Reason.optional().describe('a note for the file'),
    }),
    z.strictObject({
      ...common,
      outcome: z
        .enum(['deny', 'return'])
        .describe('deny: 不予许可; return: back to the applicant for correction'),
      reason: Reason.describe('the written reason: the decision, or what to correct'),
    }),
  ])
  .describe('a reviewer of a department system decided a review task');
export type ReviewDecisionSubmitted = z.infer<typeof ReviewDecisionSubmitted>;

export const DEPARTMENT_EVENTS: ContractEntry[] = [
  {
    source: DEPARTMENTS,
    detailType: 'Review Decision Submitted',
    description:
      "A department system's decision on a review task (approve, deny or return), put on its region's bus. It " +
      'is matched to the open task idempotently; an invalid or unmatched answer goes to a dead-letter queue.',
    published: true,
    audience: 'answer',
    schema: ReviewDecisionSubmitted,
  },
];
