import { z } from 'zod';
import type { ContractEntry } from './entry.ts';
import {
  CaseId,
  DepartmentCode,
  IdempotencyKey,
  IdHash,
  RegionCode,
  SchemaVersion,
  Timestamp,
} from './envelope.ts';

/** Supervision records from regulators (审管协同): what came of an inspection of an approved activity. */
export const REGULATORS = 'tongban.regulators';

export const SupervisionRecorded = z
  .strictObject({
    schemaVersion: SchemaVersion,
    idempotencyKey: IdempotencyKey.describe(
      'chosen by the regulator and kept when it sends the record again',
    ),
    recordId: z.string().min(1).describe("the record in the regulator's system"),
    holder: z.strictObject({ idHash: IdHash }).describe('the person or enterprise supervised'),
    caseId: CaseId.optional().describe('the approval the record concerns, when there is one'),
    kind: z.enum(['inspection', 'penalty', 'warning', 'correction-order']),
    result: z.string().min(1).describe('the outcome, e.g. passed, rectification required'),
    summary: z.string().min(1).describe('what was found; no personal data beyond the holder hash'),
    regulator: z.strictObject({ department: DepartmentCode, region: RegionCode }).describe('who recorded it'),
    recordedAt: Timestamp,
  })
  .describe('a regulator recorded a supervision act');
export type SupervisionRecorded = z.infer<typeof SupervisionRecorded>;

export const REGULATOR_EVENTS: ContractEntry[] = [
  {
    source: REGULATORS,
    detailType: 'Supervision Recorded',
    description:
      "A regulator's inspection, penalty, warning or correction order, put on its region's bus, linked to the " +
      'approval it concerns.',
    published: true,
    audience: 'answer',
    schema: SupervisionRecorded,
  },
];
