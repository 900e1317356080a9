import { z } from 'zod';
import { AuditRecord } from '../../domain/cases/model.ts';

/**
 * A case's audit trail as the audit administrator reads it: every record — changes, staff reads, downloads —
 * with who (subject and roles) and when, and nothing of the case itself.
 */
export const AuditTrail = z
  .object({ caseId: z.string(), records: z.array(AuditRecord) })
  .meta({ id: 'AuditTrail' });
