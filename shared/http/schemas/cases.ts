import { z } from 'zod';
import {
  Applicant as ApplicantOnBehalf,
  Application,
  DeclaredMaterial,
} from '../../domain/cases/application.ts';
import {
  AuditRecord,
  CaseStatus,
  Evidence,
  Intake,
  Notice,
  Obligation,
  Standing,
} from '../../domain/cases/model.ts';
import { PAUSE_TYPES } from '../../domain/clock/statute.ts';
import { CaseIdPath, Cursor, ProvisionalView } from './common.ts';
import { MaterialUploadView } from './materials.ts';

export { Application, CaseIdPath };

/**
 * What a citizen or enterprise sends to apply: the application, submitted at once, or kept as a draft to upload
 * its files to before it is submitted (POST /api/cases/{id}/submission).
 */
export const ApplyRequest = Application.extend({
  draft: z
    .boolean()
    .optional()
    .describe('keep it as a draft: upload its files, then submit it with POST /api/cases/{id}/submission'),
}).meta({ id: 'ApplyRequest' });

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
    matter: z.object({
      implementationCode: z.string(),
      name: z.string(),
      nameEn: z.string().optional().describe('the English name, where the catalog had one'),
      version: z.number().optional(),
    }),
    handling: z.object({ department: z.string(), region: z.string() }),
    applicant: z.object({ kind: z.enum(['person', 'enterprise']), name: z.string().describe('masked') }),
    assisted: z.boolean(),
    createdAt: z.string(),
    receivedAt: z.string().optional(),
    notices: z.array(Notice),
    obligations: z.array(Obligation),
    evidence: z
      .array(Evidence)
      .optional()
      .describe('what each material rests on: a checked file of this case, an e-licence held, a commitment'),
    timeline: z
      .array(AuditRecord)
      .optional()
      .describe('who acted: the applicant sees the department and role, staff see the account'),
    uploads: z.array(MaterialUploadView).optional(),
    draft: z
      .object({
        situations: z.array(z.string()),
        form: z.record(z.string(), z.string()),
        materials: z.array(DeclaredMaterial),
        commitment: z.boolean(),
        tolerance: z.boolean(),
      })
      .optional()
      .describe('a draft only: what its applicant filled in so far, contact numbers left out'),
    clock: z
      .object({
        deadline: z.string().optional(),
        limitDays: z.number().int().optional(),
        usedDays: z.number().int().optional(),
        remainingDays: z.number().int().optional(),
        status: z.enum(['green', 'amber', 'red', 'paused']),
        amberFrom: z.string().optional().describe('the day the clock turns amber'),
        extensionDays: z.number().int().optional(),
        pausedDays: z.number().int().optional().describe('working days the pauses took out of the period'),
        pauses: z
          .array(
            z.object({
              type: z.enum(PAUSE_TYPES),
              start: z.string(),
              end: z.string().optional(),
              reason: z.string(),
            }),
          )
          .optional()
          .describe('时限中止: an open pause has no end'),
        extensions: z
          .array(z.object({ days: z.number().int(), approvedOn: z.string(), reason: z.string() }))
          .optional(),
        provisionalYears: z
          .array(z.number().int())
          .optional()
          .describe(
            'the unpublished holiday years the deadline assumed: it is provisional, and never turns red',
          ),
      })
      .optional()
      .describe('the promised time limit in working days, once accepted'),
    provisional: ProvisionalView.optional().describe(
      'present when any of its dates is provisional: a year whose holiday schedule is not published',
    ),
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
    matterNameEn: z.string().optional().describe('the English name, where the catalog had one'),
    department: z.string(),
    region: z.string(),
    deadline: z.string(),
    provisionalYears: z
      .array(z.number().int())
      .optional()
      .describe('the unpublished holiday years the deadline assumed: it is provisional'),
    escalatesAt: z
      .string()
      .optional()
      .describe(
        'when it is escalated to the supervisor if still open: the end of its deadline, or, on a case already past its deadline, one step period on',
      ),
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
    outcome: z
      .enum(['approve', 'deny', 'return'])
      .describe('approve the step (the case, at its last step), deny it, or return it for correction'),
    reason: z.string().trim().min(2).max(2000).optional(),
  })
  .refine((d) => d.outcome === 'approve' || d.reason, {
    message: 'a denial or a return for correction needs a reason',
    path: ['reason'],
  })
  .meta({ id: 'TaskDecision' });

/**
 * What window staff submit for an applicant (一窗受理, 帮办代办): an application naming the applicant, with the
 * ID number or 统一社会信用代码 the counter was shown. The number is hashed, never stored.
 */
export const WindowApplication = Application.extend({ onBehalfOf: ApplicantOnBehalf }).meta({
  id: 'WindowApplication',
});

/** A case as staff see it: the applicant's view, with how it came in; personal data masked. */
export const StaffCaseView = CaseView.extend({
  applicant: z.object({
    kind: z.enum(['person', 'enterprise']),
    name: z.string().describe('masked'),
    phone: z.string().optional().describe('masked'),
  }),
  intake: Intake.optional().describe('taken in at a window: by whom, in which region'),
  standing: Standing.optional().describe(
    'the credit standing the acceptance was decided on (容缺, 告知承诺)',
  ),
  supervision: z
    .array(
      z.object({
        recordId: z.string(),
        kind: z.string(),
        result: z.string(),
        summary: z.string(),
        regulator: z.object({ department: z.string(), region: z.string() }),
        recordedAt: z.string(),
        caseId: z.string().optional(),
      }),
    )
    .optional()
    .describe("审管协同: the regulators' records on the applicant (inspections, penalties …), newest first"),
}).meta({ id: 'StaffCase' });

export const StaffCasePage = z
  .object({ items: z.array(StaffCaseView), nextCursor: z.string().optional() })
  .meta({ id: 'StaffCasePage' });

export const PauseBody = z
  .object({
    type: z
      .enum(PAUSE_TYPES)
      .describe('why the clock stops (时限中止): hearing, inspection, expert review …'),
    reason: z.string().trim().min(2).max(1000),
  })
  .meta({ id: 'PauseRequest' });

export const ResumeBody = z
  .object({ reason: z.string().trim().min(2).max(1000).optional() })
  .meta({ id: 'ResumeRequest' });

export const ExtensionBody = z
  .object({
    days: z
      .number()
      .int()
      .min(1)
      .max(15)
      .describe('working days added (10 at most by statute; 15 for joint handling)'),
    reason: z.string().trim().min(2).max(1000).describe('told to the applicant'),
  })
  .meta({ id: 'ExtensionRequest' });

export const ResumeWorkflowBody = z
  .object({
    reason: z.string().trim().min(2).max(1000).describe("what was fixed: kept in the case's audit trail"),
  })
  .meta({ id: 'ResumeWorkflowRequest' });

export const StalledCasePage = z
  .object({
    items: z.array(
      z.object({
        caseId: z.string(),
        matterName: z.string(),
        department: z.string(),
        region: z.string(),
        status: CaseStatus,
        state: z.string().describe('the workflow step that failed for good'),
        error: z.string().describe("the error's name"),
        since: z.string(),
      }),
    ),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'StalledCasePage' });

export const OverdueCasePage = z
  .object({
    items: z.array(
      z.object({
        caseId: z.string(),
        matterName: z.string(),
        department: z.string(),
        region: z.string(),
        deadline: z.string().describe('the legal deadline that passed'),
        since: z.string().describe('when the red warning was given'),
      }),
    ),
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'OverdueCasePage' });
