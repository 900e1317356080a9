import { z } from 'zod';
import { AuditRecord } from '../../domain/cases/model.ts';

const Link = z
  .object({ n: z.number().int(), prev: z.string(), hash: z.string() })
  .describe("the record's place in the trail, the hash of the one before, and its own (SHA-256)");

/**
 * A case's audit trail as the audit administrator reads it: every record — changes, staff reads, downloads —
 * with who (subject and roles) and when, and nothing of the case itself; and whether the hash chain holds.
 */
export const AuditTrail = z
  .object({
    caseId: z.string(),
    records: z.array(AuditRecord.extend({ link: Link.optional() })),
    chain: z
      .object({
        intact: z.boolean(),
        records: z.number().int(),
        brokenAt: z
          .number()
          .int()
          .optional()
          .describe('the place of the first record where the chain breaks'),
        reason: z.string().optional(),
      })
      .describe('tamper evidence: a record changed, removed or slipped in breaks the chain at its place'),
  })
  .meta({ id: 'AuditTrail' });
