import type { ImplementationItem, Material } from '../catalog/model.ts';
import { actorKinds } from './actors.ts';
import { CaseError } from './errors.ts';
import { transition } from './lifecycle.ts';
import {
  commitmentBadCredit,
  commitmentFalseRecord,
  commitmentNotOffered,
  commitmentNotReplaceable,
  commitmentRisk,
} from './messages.ts';
import {
  type Actor,
  type AuditRecord,
  type Case,
  type CaseConfig,
  DEFAULT_CASE_CONFIG,
  dayOf,
  type Message,
  type Party,
  type Standing,
  type VerificationObligation,
  type WorkingDays,
} from './model.ts';
import { provisional } from './obligations.ts';

/** 告知承诺 (国办发〔2020〕42号): who may replace which proof by a signed commitment, and what follows. */

export interface Eligibility {
  eligible: boolean;
  /** Every reason it is refused (all of them, so the applicant learns them at once). */
  reasons: Message[];
}

/** The matter must offer it and touch no excluded area; the applicant must have a clean record. */
export function commitmentEligibility(matter: ImplementationItem, standing: Standing): Eligibility {
  const reasons: Message[] = [];
  if (!matter.commitment.offered) reasons.push(commitmentNotOffered());
  // The catalog rules already forbid offering it for these; checked again because a case outlives a catalog bug.
  for (const risk of matter.riskCategories) reasons.push(commitmentRisk(risk));
  if (standing.falseCommitmentRecord) reasons.push(commitmentFalseRecord());
  if (standing.badCredit) reasons.push(commitmentBadCredit());
  return { eligible: reasons.length === 0, reasons };
}

/** One material: only those the list marks replaceable, and only when the commitment itself is allowed. */
export function mayReplaceByCommitment(
  matter: ImplementationItem,
  material: Material,
  standing: Standing,
): Eligibility {
  const { reasons } = commitmentEligibility(matter, standing);
  const all = material.replaceableByCommitment
    ? reasons
    : [commitmentNotReplaceable(material.name), ...reasons];
  return { eligible: all.length === 0, reasons: all };
}

/** Verification (事中事后核查) is due this many working days after the approval day. */
export function verificationDue(
  matter: ImplementationItem,
  approvedOn: string,
  days: WorkingDays,
  config: Partial<CaseConfig> = {},
): { deadline: string; provisionalYears?: number[] } {
  const period =
    matter.commitment.verificationDays ?? config.verificationDays ?? DEFAULT_CASE_CONFIG.verificationDays;
  const deadline = days.addWorkingDays(approvedOn, period);
  return { deadline, ...provisional(days, approvedOn, deadline) };
}

const DECIDED_FOR: Case['status'][] = ['approved', 'concluded'];

/** After approval: adds the department's verification obligation (once; calling again changes nothing). */
export function scheduleVerification(
  c: Case,
  matter: ImplementationItem,
  days: WorkingDays,
  config: Partial<CaseConfig> = {},
): Case {
  if (!c.commitment) {
    throw new CaseError('NO_COMMITMENT', '该办件未实行告知承诺', 'the case was not decided on a commitment');
  }
  if (!DECIDED_FOR.includes(c.status) || !c.decidedAt) {
    throw new CaseError('NOT_APPROVED', '办件尚未准予许可', 'the case has not been approved');
  }
  if (matter.implementationCode !== c.matter.implementationCode) {
    throw new CaseError('MATTER_MISMATCH', '事项与办件不符', "the matter is not the case's matter");
  }
  if (c.obligations.some((o) => o.kind === 'verification')) return c;
  const obligation: VerificationObligation = {
    kind: 'verification',
    materialIds: c.commitment.materialIds,
    ...verificationDue(matter, dayOf(c.decidedAt), days, config),
    status: 'open',
  };
  return { ...c, obligations: [...c.obligations, obligation] };
}

/** What the credit system records against an applicant whose commitment was false. */
export interface CreditRecord {
  kind: 'false-commitment';
  party: Party;
  caseId: string;
  matterCode: string;
  matterName: string;
  department: string;
  region: string;
  materialIds: string[];
  recordedAt: string;
  recordedBy: string;
  note: string;
  zh: string;
  en: string;
}

/** What regulators receive (审管协同): the decision is revoked and the activity may need inspection. */
export interface RegulatorNotice {
  type: 'commitment-revoked';
  caseId: string;
  matter: { implementationCode: string; name: string };
  handling: { department: string; region: string };
  applicant: { kind: Party['kind']; name: string; idHash: string };
  decidedAt: string | undefined;
  revokedAt: string;
  materialIds: string[];
  note: string;
  zh: string;
  en: string;
}

export interface VerifyInput {
  truthful: boolean;
  reviewer: Actor;
  at: string;
  /** What was checked and found; required when the commitment is false (it is the reason for revocation). */
  note?: string;
}

export type VerifyResult =
  | { outcome: 'truthful'; case: Case; records: AuditRecord[] }
  | {
      outcome: 'false';
      case: Case;
      records: AuditRecord[];
      creditRecord: CreditRecord;
      regulatorNotice: RegulatorNotice;
    };

/** Closes the verification: truthful → done; false → the decision is revoked and the applicant recorded. */
export function verify(c: Case, input: VerifyInput): VerifyResult {
  const { reviewer, at, truthful } = input;
  if (!DECIDED_FOR.includes(c.status)) {
    throw new CaseError(
      'NOT_APPROVED',
      '只有已准予许可的办件需要核查承诺',
      'only an approved case is verified',
    );
  }
  const index = c.obligations.findIndex((o) => o.kind === 'verification' && o.status === 'open');
  const open = c.obligations[index];
  if (open?.kind !== 'verification') {
    throw new CaseError(
      'VERIFICATION_NOT_OPEN',
      '没有待核查的承诺',
      'no commitment is waiting for verification',
    );
  }
  if (!actorKinds(c, reviewer).has('handler') || !reviewer.roles.includes('reviewer')) {
    throw new CaseError(
      'NOT_PERMITTED',
      '只能由承办部门的审查人员核查',
      "only the handling department's reviewers verify",
    );
  }
  if (Date.parse(at) < Date.parse(c.updatedAt)) {
    throw new CaseError(
      'TIME_REVERSED',
      '时间早于上一次变更',
      'the time is before the last change to the case',
    );
  }
  const note = input.note?.trim() ?? '';
  if (!truthful && !note) {
    throw new CaseError(
      'REASON_REQUIRED',
      '认定承诺不实必须写明核查情况',
      'a false commitment needs a written finding',
    );
  }
  const closed: VerificationObligation = {
    ...open,
    status: truthful ? 'verified' : 'false',
    closedAt: at,
    closedBy: reviewer.subject,
    note: note || undefined,
  };
  const obligations = c.obligations.map((o, i) => (i === index ? closed : o));
  const checked: Case = { ...c, obligations, updatedAt: at };
  const record: AuditRecord = {
    caseId: c.id,
    at,
    actor: { subject: reviewer.subject, roles: [...reviewer.roles] },
    action: 'verify-commitment',
    from: c.status,
    to: c.status,
    reason: note || undefined,
    step: c.step,
  };
  if (truthful) return { outcome: 'truthful', case: checked, records: [record] };

  const revoked = transition(checked, 'revoked', { actor: reviewer, at, reason: note, action: 'revoke' });
  const creditRecord: CreditRecord = {
    kind: 'false-commitment',
    party: c.applicant,
    caseId: c.id,
    matterCode: c.matter.implementationCode,
    matterName: c.matter.name,
    department: c.handling.department,
    region: c.handling.region,
    materialIds: open.materialIds,
    recordedAt: at,
    recordedBy: reviewer.subject,
    note,
    zh: `申请人在办理「${c.matter.name}」时作出虚假承诺，许可决定已撤销`,
    en: `The applicant made a false commitment when applying for "${c.matter.name}"; the decision was revoked`,
  };
  const regulatorNotice: RegulatorNotice = {
    type: 'commitment-revoked',
    caseId: c.id,
    matter: { implementationCode: c.matter.implementationCode, name: c.matter.name },
    handling: c.handling,
    applicant: { kind: c.applicant.kind, name: c.applicant.name, idHash: c.applicant.idHash },
    decidedAt: c.decidedAt,
    revokedAt: at,
    materialIds: open.materialIds,
    note,
    zh: `「${c.matter.name}」许可因虚假承诺被撤销，请依法监管`,
    en: `The "${c.matter.name}" decision was revoked for a false commitment; please follow up under supervision`,
  };
  return {
    outcome: 'false',
    case: revoked.case,
    records: [record, revoked.record],
    creditRecord,
    regulatorNotice,
  };
}

/**
 * The reminder's action when a commitment's verification date has passed and it is still open: the department
 * is reminded, once per deadline (a recomputed deadline is a new one). Not on a provisional date.
 */
export function remindVerification(
  c: Case,
  input: { today: string; at: string },
): { case: Case; record: AuditRecord } | undefined {
  const index = c.obligations.findIndex((o) => o.kind === 'verification' && o.status === 'open');
  const open = c.obligations[index];
  if (open?.kind !== 'verification' || open.provisionalYears || open.remindedFor === open.deadline)
    return undefined;
  if (input.today <= open.deadline) return undefined;
  const reminded: VerificationObligation = { ...open, remindedFor: open.deadline };
  const at = Date.parse(input.at) >= Date.parse(c.updatedAt) ? input.at : c.updatedAt;
  return {
    case: { ...c, obligations: c.obligations.map((o, i) => (i === index ? reminded : o)), updatedAt: at },
    record: {
      caseId: c.id,
      at,
      actor: { subject: 'system', roles: ['system'] },
      action: 'verification-overdue',
      from: c.status,
      to: c.status,
      reason: `告知承诺核查期限 ${open.deadline} 已过，尚未核查 / the verification of the commitment was due by ${open.deadline}`,
    },
  };
}
