import { z } from 'zod';
import type { ContractEntry } from './entry.ts';
import {
  CaseId,
  DepartmentCode,
  EventId,
  IdHash,
  ImplementationCode,
  RegionCode,
  Timestamp,
} from './envelope.ts';

/**
 * The credit records (告知承诺): a commitment found false revokes the decision, records the applicant, and tells
 * the regulators (审管协同), in the transaction that revokes.
 */
export const CREDIT = 'tongban.credit';

export const CREDIT_EVENTS: ContractEntry[] = [
  {
    source: CREDIT,
    detailType: 'False Commitment Recorded',
    description:
      'A commitment was found false after approval: the decision is revoked (see Case Revoked) and the ' +
      'applicant recorded; regulators may follow the activity up.',
    published: true,
    audience: 'event',
    schema: z.looseObject({
      type: z.literal('commitment-revoked'),
      caseId: CaseId,
      matter: z.looseObject({ implementationCode: ImplementationCode, name: z.string().min(1) }),
      handling: z.looseObject({ department: DepartmentCode, region: RegionCode }),
      handlingRegion: RegionCode.describe('the same as handling.region; routes the event to its bus'),
      applicant: z
        .looseObject({
          kind: z.enum(['person', 'enterprise']),
          name: z.string().min(1).describe('masked (张*, 欧阳**): only the surname shows'),
          idHash: IdHash,
        })
        .describe('whose commitment it was'),
      decidedAt: Timestamp.optional().describe('when the revoked decision was taken'),
      revokedAt: Timestamp,
      materialIds: z.array(z.string().min(1)).min(1).describe('the materials the commitment replaced'),
      note: z.string().min(1).describe("the reviewer's finding"),
      zh: z.string().min(1),
      en: z.string().min(1),
      eventId: EventId,
    }),
  },
];
