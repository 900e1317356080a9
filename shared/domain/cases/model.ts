import { z } from 'zod';
import { chinaDate } from '../catalog/dates.ts';
import { PAUSE_TYPES } from '../clock/statute.ts';
import type { Role } from '../identity.ts';

/**
 * The case (办件): one application from submission to conclusion. The shapes are zod schemas so that a case read
 * back from storage is checked before the rules below act on it.
 */

export const CASE_STATUSES = [
  'draft',
  'submitted',
  'correction-requested',
  'corrected',
  'accepted',
  'not-accepted',
  'under-review',
  'approved',
  'denied',
  'concluded',
  'withdrawn',
  'terminated',
  'revoked',
] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

/**
 * Accepted and not yet decided: the legal clock runs (it may be paused or extended), deferred materials are
 * awaited, reminders are due.
 */
export const DECIDING: readonly CaseStatus[] = ['accepted', 'under-review'];

/** What users see; error messages name both statuses in both languages. */
export const STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已提交', en: 'submitted' },
  'correction-requested': { zh: '待补正', en: 'correction requested' },
  corrected: { zh: '已补正', en: 'corrected' },
  accepted: { zh: '已受理', en: 'accepted' },
  'not-accepted': { zh: '不予受理', en: 'not accepted' },
  'under-review': { zh: '审查中', en: 'under review' },
  approved: { zh: '准予许可', en: 'approved' },
  denied: { zh: '不予许可', en: 'denied' },
  concluded: { zh: '已办结', en: 'concluded' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
  terminated: { zh: '已终止', en: 'terminated' },
  revoked: { zh: '已撤销', en: 'revoked' },
};

/** An instant with its offset, e.g. 2025-09-01T09:30:00+08:00. */
export const Timestamp = z.iso.datetime({ offset: true });
/** A calendar day in China, YYYY-MM-DD: the unit every legal period is counted in. */
export const Day = z.iso.date();
const Id = z.string().min(1);

/**
 * Working-day arithmetic as the case rules need it (DOMAIN.md "The legal clock"): `from` + n working days, the
 * day itself not counted, and the years a date counted between two days assumed because their holiday
 * schedule is not known (clock/provisional.ts). The WorkCalendar is one; tests may bring a simpler one.
 */
export interface WorkingDays {
  addWorkingDays(from: string, n: number): string;
  provisionalYears(from: string, to: string): number[];
}

/** The unpublished years a stored date assumed; absent once it is computed from known schedules only. */
const ProvisionalYears = z.array(z.number().int()).min(1).optional();

/** The configurable periods (DOMAIN.md marks them configurable; these are the shipped defaults). */
export interface CaseConfig {
  /** Working days to supply a deferred material after a tolerant acceptance (容缺). */
  toleranceDays: number;
  /** Working days after approval to verify a commitment, when the matter does not say. */
  verificationDays: number;
}
export const DEFAULT_CASE_CONFIG: CaseConfig = { toleranceDays: 5, verificationDays: 30 };

/** The day in China on which an instant falls: acceptance and decision days are counted from it. */
export const dayOf = (at: string): string => chinaDate(new Date(at));

/** A reason or a problem, in both languages, with a stable code for clients. */
export const Message = z.object({ code: z.string(), zh: z.string(), en: z.string() });
export type Message = z.infer<typeof Message>;

/** One material in a one-time notice (一次性告知): its name and everything wrong with it. */
export const NoticeItem = z.object({
  materialId: Id,
  name: z.string(),
  core: z.boolean(),
  /** May be supplied after acceptance under 容缺. */
  deferrable: z.boolean(),
  problems: z.array(Message).min(1),
});
export type NoticeItem = z.infer<typeof NoticeItem>;

export const Notice = z.object({
  matterCode: z.string(),
  matterName: z.string(),
  items: z.array(NoticeItem),
  /** Why 容缺 was not offered though asked for (a core material missing, the matter, the applicant's credit). */
  toleranceRefused: z.array(Message).optional(),
  issuedAt: Timestamp.optional(),
});
export type Notice = z.infer<typeof Notice>;

/** A deferred material the applicant must still supply (容缺). */
export const MaterialObligation = z.object({
  kind: z.literal('material'),
  materialId: Id,
  name: z.string(),
  /** Last day on which supplying it is still in time. */
  deadline: Day,
  provisionalYears: ProvisionalYears,
  status: z.enum(['open', 'supplied']),
  suppliedAt: Timestamp.optional(),
});
export type MaterialObligation = z.infer<typeof MaterialObligation>;

/** The department's duty to verify a commitment after approval (事中事后核查). */
export const VerificationObligation = z.object({
  kind: z.literal('verification'),
  materialIds: z.array(Id).min(1),
  deadline: Day,
  provisionalYears: ProvisionalYears,
  /** The deadline the department was last reminded of, once it passed: reminded once per deadline. */
  remindedFor: Day.optional(),
  status: z.enum(['open', 'verified', 'false']),
  closedAt: Timestamp.optional(),
  closedBy: Id.optional(),
  note: z.string().optional(),
});
export type VerificationObligation = z.infer<typeof VerificationObligation>;

export const Obligation = z.discriminatedUnion('kind', [MaterialObligation, VerificationObligation]);
export type Obligation = z.infer<typeof Obligation>;

/** A pause of the legal clock (时限中止) as recorded on the case: type, start, end, reason, and who ordered it. */
export const ClockPause = z.object({
  type: z.enum(PAUSE_TYPES),
  start: Day,
  /** Absent while the pause runs. */
  end: Day.optional(),
  reason: z.string().min(1),
  by: Id,
});
export type ClockPause = z.infer<typeof ClockPause>;

/** An extension of the period (延长), approved by the head of the body (here: a supervisor). */
export const ClockExtension = z.object({
  days: z.number().int().min(1),
  approvedBy: Id,
  approvedOn: Day,
  reason: z.string().min(1),
});
export type ClockExtension = z.infer<typeof ClockExtension>;

/**
 * The legal clock's record, fixed at acceptance: the promised limit of the pinned matter version, and every
 * pause and extension since. Reading the clock needs nothing but this and the calendar.
 */
export const ClockRecord = z.object({
  limitDays: z.number().int().min(0),
  pauses: z.array(ClockPause).default([]),
  extensions: z.array(ClockExtension).default([]),
  /** The deadline each warning was last given for: an extension moves the deadline and warns again. */
  warned: z.object({ amber: Day.optional(), red: Day.optional() }).optional(),
});
export type ClockRecord = z.infer<typeof ClockRecord>;

/** The party the case is for; the ID number itself stays out of the case, only its keyed hash. */
export const Party = z.object({
  /** The applicant's account, when they have one (a walk-in served at a window may not). */
  subject: Id.optional(),
  kind: z.enum(['person', 'enterprise']),
  name: z.string().min(1),
  idHash: Id,
  /** A contact number, given at the window for an applicant who may have no account; masked in every view. */
  phone: z.string().optional(),
});
export type Party = z.infer<typeof Party>;

/** How a case came in when it was not online: taken in at a window (一窗受理), by whom and where. */
export const Intake = z.object({
  channel: z.literal('window'),
  /** The window staff member who took it in: their account's subject. */
  staff: Id,
  /** The window's region, where it was received (收件地); it may differ from the handling region (通办). */
  region: z.string().regex(/^\d{6}$/),
});
export type Intake = z.infer<typeof Intake>;

/** What counts against an applicant when commitment or tolerance is asked for; no defaults, to be looked up. */
export const Standing = z.object({
  /** Flagged by the credit platform (失信). */
  badCredit: z.boolean(),
  /** A commitment of theirs was found false: no commitment again. */
  falseCommitmentRecord: z.boolean(),
  /** They let a 容缺 deadline pass recently: no 容缺 for a while. */
  missedTolerance: z.boolean().default(false),
});
export type Standing = z.input<typeof Standing>;

/** What satisfied a material (cases/evidence.ts): the reviewer sees it and can open the file or look it up. */
export const Evidence = z.discriminatedUnion('by', [
  z.object({
    materialId: Id,
    by: z.literal('upload'),
    uploadId: Id,
    fileKey: z.string(),
    sha256: z.string(),
  }),
  z.object({ materialId: Id, by: z.literal('e-licence'), licenceId: Id, licenceType: z.string() }),
  z.object({ materialId: Id, by: z.literal('commitment') }),
]);
export type Evidence = z.infer<typeof Evidence>;

export const Case = z.object({
  id: Id,
  /** The matter as in force when the case was submitted: a case is judged by that version. */
  matter: z.object({
    implementationCode: z.string(),
    name: z.string(),
    /** For the English interface; optional, as cases opened before the catalog had it do not. */
    nameEn: z.string().optional(),
    version: z.number().int().optional(),
    /** Process step ids a review may move through; empty means any step id is taken as given. */
    steps: z.array(Id).default([]),
  }),
  /** The department that decides, in its region: only its window and reviewers act on the case. */
  handling: z.object({ department: Id, region: z.string().regex(/^\d{6}$/) }),
  applicant: Party,
  /** Filed by window staff for the applicant (帮办代办): that window may act for the applicant. */
  assisted: z.boolean().default(false),
  intake: Intake.optional(),
  status: CaseStatus,
  step: Id.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Receipt of the application (or of its corrections): the 5-working-day notice period runs from it. */
  receivedAt: Timestamp.optional(),
  acceptedAt: Timestamp.optional(),
  decidedAt: Timestamp.optional(),
  concludedAt: Timestamp.optional(),
  /** When it ended without a result: not accepted, withdrawn, terminated or revoked. */
  closedAt: Timestamp.optional(),
  escalatedAt: Timestamp.optional(),
  /**
   * A workflow step failed for good (its retries used up): the case waits for its supervisors, who resume it
   * once the cause is fixed. Which step, when, and the error's name.
   */
  stalled: z.object({ at: Timestamp, state: z.string(), error: z.string() }).optional(),
  /** How many times its workflow was started again after a stall: its execution is named after the case and it. */
  workflowRun: z.number().int().min(1).optional(),
  clock: ClockRecord.optional(),
  notices: z.array(Notice).default([]),
  /** Materials replaced by the applicant's signed commitment (告知承诺). */
  commitment: z.object({ materialIds: z.array(Id).min(1), signedAt: Timestamp }).optional(),
  obligations: z.array(Obligation).default([]),
  /**
   * Fixed at acceptance, added to as deferred materials come in: the materials the case needs, the evidence
   * that satisfied each, and the credit standing the acceptance was decided on.
   */
  requiredMaterials: z.array(Id).optional(),
  evidence: z.array(Evidence).optional(),
  standing: Standing.optional(),
});
export type Case = z.infer<typeof Case>;

/** `system` is never a role a token can carry (identityFromClaims keeps only staff groups). */
export type ActorRole = Role | 'system';

/** Who acts: an Identity fits; department and region decide whether staff belong to the handling body. */
export interface Actor {
  subject: string;
  roles: readonly ActorRole[];
  /** A citizen's ID hash (from real-name verification): the applicant of a case a window filed for them. */
  idHash?: string;
  department?: string;
  region?: string;
}

/** One line of the append-only audit trail, written with every change to a case. */
export const AuditRecord = z.object({
  caseId: Id,
  at: Timestamp,
  actor: z.object({ subject: Id, roles: z.array(z.string()) }),
  action: z.string(),
  from: CaseStatus,
  to: CaseStatus,
  reason: z.string().optional(),
  step: Id.optional(),
  /** A hand-off between regions (异地代收代办) and its signed receipt, on the records that note one. */
  handoff: z
    .object({
      id: Id,
      kind: z.enum(['application', 'result']),
      fromRegion: z.string(),
      toRegion: z.string(),
      at: Timestamp,
      receipt: z.object({ keyId: Id, algorithm: z.literal('HMAC_SHA_256'), signature: Id }),
    })
    .optional(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export interface TransitionResult {
  case: Case;
  record: AuditRecord;
}
