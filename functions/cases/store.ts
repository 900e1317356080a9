import { CaseStore } from '../../shared/adapters/case-store.ts';
import { CatalogStore } from '../../shared/adapters/catalog-store.ts';
import { creditRecords } from '../../shared/adapters/credit.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { LicenceStore } from '../../shared/adapters/licence-store.ts';
import { TaskStore } from '../../shared/adapters/task-store.ts';
import { UploadStore } from '../../shared/adapters/upload-store.ts';
import type { AuditRecord, Case } from '../../shared/domain/cases/model.ts';
import { STATUS_LABELS } from '../../shared/domain/cases/model.ts';
import { maskName, maskPhone } from '../../shared/domain/masking.ts';

export const cases = new CaseStore(documents, requiredEnv('CASES_TABLE'));
export const catalog = new CatalogStore(documents, requiredEnv('MATTERS_TABLE'));
export const tasks = new TaskStore(documents, requiredEnv('CASES_TABLE'));
export const uploads = new UploadStore(documents, requiredEnv('CASES_TABLE'));
/** What claims of materials are weighed against (shared/domain/cases/evidence.ts). */
export const evidence = {
  uploads,
  licences: new LicenceStore(documents, requiredEnv('CASES_TABLE')),
  credit: creditRecords(documents, requiredEnv('CASES_TABLE')),
};
/** Credit records (信用记录) of applicants live beside their cases, keyed by the applicant's ID hash. */
export const creditTable = requiredEnv('CASES_TABLE');

/** What the applicant sees of a case: names masked, hashes and internal keys left out. */
export function caseView(c: Case, timeline?: AuditRecord[]) {
  const label = STATUS_LABELS[c.status];
  return {
    id: c.id,
    status: c.status,
    statusLabel: { 'zh-CN': label.zh, en: label.en },
    matter: {
      implementationCode: c.matter.implementationCode,
      name: c.matter.name,
      ...(c.matter.nameEn ? { nameEn: c.matter.nameEn } : {}),
      version: c.matter.version,
    },
    handling: c.handling,
    applicant: { kind: c.applicant.kind, name: maskName(c.applicant.name) },
    assisted: c.assisted,
    createdAt: c.createdAt,
    receivedAt: c.receivedAt,
    notices: c.notices,
    obligations: c.obligations,
    evidence: c.evidence ?? [],
    ...(timeline ? { timeline: timeline.map((r) => ({ ...r, actor: actingFor(c, r.actor) })) } : {}),
  };
}

const STAFF_ROLES = ['window', 'reviewer', 'supervisor', 'admin', 'regulator'];

/**
 * Who acted, as the applicant is told: the department (or the window's region) and the role, never a staff
 * member's account. The applicant and the system keep their own names.
 */
function actingFor(c: Case, actor: AuditRecord['actor']): AuditRecord['actor'] {
  const role = actor.roles.find((r) => STAFF_ROLES.includes(r));
  if (!role) return actor;
  const where =
    role === 'window'
      ? `window-${c.intake?.region ?? c.handling.region}`
      : role === 'reviewer'
        ? c.handling.department
        : `${role}-${c.handling.region}`;
  return { subject: where, roles: [role] };
}

/**
 * What staff see of a case: the applicant's view, with who acted, how it came in, a masked contact number, the
 * evidence each material rests on and the credit standing its acceptance was decided on.
 */
export function staffCaseView(c: Case, timeline?: AuditRecord[]) {
  const view = caseView(c);
  const { phone } = c.applicant;
  return {
    ...view,
    ...(timeline ? { timeline } : {}),
    applicant: { ...view.applicant, ...(phone ? { phone: maskPhone(phone) } : {}) },
    ...(c.intake ? { intake: c.intake } : {}),
    ...(c.standing ? { standing: c.standing } : {}),
  };
}
