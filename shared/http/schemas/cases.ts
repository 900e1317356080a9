import { z } from 'zod';
import { Application, DeclaredMaterial } from '../../domain/cases/application.ts';
import { AuditRecord, CaseStatus, Notice, Obligation } from '../../domain/cases/model.ts';
import { CaseIdPath, Cursor } from './common.ts';
import { MaterialUploadView } from './materials.ts';

export { Application, CaseIdPath };

export const ListCasesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: Cursor,
});

export const SupplementBody = z
  .object({ materials: z.array(DeclaredMaterial).min(1).max(200) })
  .meta({ id: 'SupplementRequest' });

export const VerificationBody = z
  .object({
    truthful: z.boolean().describe('what the verification (事中事后核查) found'),
    note: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .describe('required when the commitment is false: the reason'),
  })
  .refine((v) => v.truthful || v.note, {
    message: 'a false commitment needs a note: it is the reason',
    path: ['note'],
  })
  .meta({ id: 'VerificationRequest' });

export const WithdrawBody = z
  .object({ reason: z.string().trim().min(2).max(500) })
  .meta({ id: 'WithdrawRequest' });

/** A case as its applicant sees it: personal data masked, no internal keys. */
export const CaseView = z
  .object({
    id: z.string(),
    status: CaseStatus,
    statusLabel: z.object({ 'zh-CN': z.string(), en: z.string() }),
    matter: z.object({ implementationCode: z.string(), name: z.string(), version: z.number().optional() }),
    handling: z.object({ department: z.string(), region: z.string() }),
    applicant: z.object({ kind: z.enum(['person', 'enterprise']), name: z.string().describe('masked') }),
    assisted: z.boolean(),
    createdAt: z.string(),
    receivedAt: z.string().optional(),
    notices: z.array(Notice),
    obligations: z.array(Obligation),
    timeline: z.array(AuditRecord).optional(),
    uploads: z.array(MaterialUploadView).optional(),
    clock: z
      .object({
        deadline: z.string().optional(),
        limitDays: z.number().int().optional(),
        usedDays: z.number().int().optional(),
        remainingDays: z.number().int().optional(),
        status: z.enum(['green', 'amber', 'red', 'paused', 'unknown']),
        note: z
          .object({ 'zh-CN': z.string(), en: z.string() })
          .optional()
          .describe('why the clock is unknown'),
      })
      .optional()
      .describe('the promised time limit in working days, once accepted'),
  })
  .meta({ id: 'Case' });

export const CasePage = z
  .object({ items: z.array(CaseView), nextCursor: z.string().optional() })
  .meta({ id: 'CasePage' });

export const TaskIdPath = z.object({ id: z.string().uuid('not a task id') });

export const ReviewTaskView = z
  .object({
    id: z.string(),
    caseId: z.string(),
    step: z.string(),
    stepName: z.string(),
    matterName: z.string(),
    department: z.string(),
    region: z.string(),
    deadline: z.string(),
    escalated: z.boolean(),
    status: z.enum(['open', 'decided', 'expired']),
    openedAt: z.string(),
  })
  .meta({ id: 'ReviewTask' });

export const TaskPage = z
  .object({ items: z.array(ReviewTaskView), nextCursor: z.string().optional() })
  .meta({ id: 'TaskPage' });

export const TaskDecisionBody = z
  .object({
    outcome: z.enum(['approve', 'deny']),
    reason: z.string().trim().min(2).max(2000).optional(),
  })
  .refine((d) => d.outcome === 'approve' || d.reason, {
    message: 'a denial needs a reason',
    path: ['reason'],
  })
  .meta({ id: 'TaskDecision' });
