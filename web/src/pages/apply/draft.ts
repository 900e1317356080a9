import { isValidIdNumber, isValidUscc } from '../../../../shared/domain/id-numbers.ts';
import { DEFAULT_MAX_BYTES, fileTypeOf } from '../../../../shared/domain/materials/file-types.ts';
import type { Guide, HeldLicence, Material, MaterialChoice, WindowApplicant } from '../../api/types.ts';
import { contentTypeOf } from '../../api/uploads.ts';
import { applicable } from '../../components/materials.tsx';
import { normaliseCode, normalisePhone } from '../../components/normalise.ts';
import type { MessageKey } from '../../i18n/i18n.ts';

export type Mode = 'self' | 'window';

/** Everything typed into the wizard: kept in sessionStorage so an error, a reload or a new sign-in loses nothing. */
export interface Draft {
  implementationCode: string;
  /** The Idempotency-Key: a retried submission answers the case the first attempt created. */
  key: string;
  applicant: WindowApplicant;
  situations: string[];
  form: { phone: string; address: string; note: string };
  choices: Record<string, MaterialChoice>;
  /** Signed the matter's commitment text (告知承诺). */
  commitmentSigned: boolean;
  /** Signed the undertaking to supply deferred materials in time (容缺). */
  toleranceSigned: boolean;
  /** The draft on the server (草稿), once there is one: files are uploaded to it, and it is submitted once. */
  caseId?: string;
  /** Files uploaded to the draft and checked, by material: a retry or a return later does not send them again. */
  uploaded?: Uploaded;
  /** The e-licences the applicant holds, looked up for the wizard: only these can stand in for a copy. */
  licences?: HeldLicence[];
}

export type Uploaded = Record<string, { uploadId: string; fileKey: string; fileName: string }>;

/** The e-licence the applicant holds that can stand in for this material, if any (免证办). */
export const licenceFor = (draft: Pick<Draft, 'licences'>, material: Material) =>
  material.source === 'government' && material.licenceType
    ? draft.licences?.find((l) => l.type === material.licenceType && !l.revoked)
    : undefined;

const storageKey = (mode: Mode, code: string) => `tongban.draft.${mode}.${code}`;

export function loadDraft(mode: Mode, code: string): Draft {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey(mode, code)) ?? 'null') as Draft | null;
    if (saved?.implementationCode === code) return saved;
  } catch {
    // A draft that does not parse is started afresh.
  }
  return {
    implementationCode: code,
    key: crypto.randomUUID(),
    applicant: { kind: 'person', name: '', idNumber: '' },
    situations: [],
    form: { phone: '', address: '', note: '' },
    choices: {},
    commitmentSigned: false,
    toleranceSigned: false,
  };
}

export const saveDraft = (mode: Mode, draft: Draft) =>
  sessionStorage.setItem(storageKey(mode, draft.implementationCode), JSON.stringify(draft));

export const clearDraft = (mode: Mode, code: string) => sessionStorage.removeItem(storageKey(mode, code));

/**
 * The ways this material may be supplied: a file (not at a window: uploads belong to the applicant's own
 * account), an e-licence the applicant holds of the type a government body issues for it (免证办), the
 * commitment where the matter offers it for this material (告知承诺), or later under 容缺 when the matter allows
 * deferring it.
 */
export function choicesFor(
  guide: Guide,
  material: Material,
  mode: Mode,
  held: Pick<Draft, 'licences'> = {},
): MaterialChoice[] {
  const out: MaterialChoice[] = [];
  if (mode === 'self') out.push('upload');
  if (licenceFor(held, material)) out.push('e-licence');
  if (guide.commitment.offered && material.replaceableByCommitment) out.push('commitment');
  if (guide.tolerance.offered && material.deferrable && !material.core) out.push('defer');
  return out;
}

export function choiceOf(
  draft: Draft,
  guide: Guide,
  material: Material,
  mode: Mode,
): MaterialChoice | undefined {
  const allowed = choicesFor(guide, material, mode, draft);
  const chosen = draft.choices[material.id];
  if (chosen && allowed.includes(chosen)) return chosen;
  return allowed.includes('e-licence') ? 'e-licence' : allowed[0];
}

/**
 * The draft as it is sent: phone and ID numbers as typed (spaces, dashes, full-width digits) normalised, the
 * address trimmed. The wizard applies it when the user moves on from a step, so the review shows what is sent.
 */
export function normaliseDraft(d: Draft): Draft {
  const a = d.applicant;
  const phone = a.phone ? normalisePhone(a.phone) : undefined;
  const applicant: WindowApplicant =
    a.kind === 'person'
      ? { ...a, name: a.name.trim(), idNumber: normaliseCode(a.idNumber), phone: phone || undefined }
      : { ...a, name: a.name.trim(), uscc: normaliseCode(a.uscc), phone: phone || undefined };
  return {
    ...d,
    applicant,
    form: { ...d.form, phone: normalisePhone(d.form.phone), address: d.form.address.trim() },
  };
}

export type Problems = Record<string, MessageKey>;

/** Today in China (UTC+8), YYYY-MM-DD, by the browser's clock: an ID number's birth date may not be after it. */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export function checkApplicant(a: WindowApplicant): Problems {
  const p: Problems = {};
  if (!a.name.trim()) p['applicant.name'] = 'apply.required';
  if (a.kind === 'person' && !isValidIdNumber(normaliseCode(a.idNumber), chinaToday()))
    p['applicant.idNumber'] = 'apply.badIdNumber';
  if (a.kind === 'enterprise' && !isValidUscc(normaliseCode(a.uscc))) p['applicant.uscc'] = 'apply.badUscc';
  if (a.phone && !/^1\d{10}$/.test(normalisePhone(a.phone))) p['applicant.phone'] = 'apply.badPhone';
  return p;
}

export function checkDetails(d: Draft): Problems {
  const p: Problems = {};
  if (!/^1\d{10}$/.test(normalisePhone(d.form.phone))) p['form.phone'] = 'apply.badPhone';
  if (!d.form.address.trim()) p['form.address'] = 'apply.required';
  return p;
}

export function checkFile(file: File | undefined): MessageKey | undefined {
  if (!file) return 'apply.fileMissing';
  if (!fileTypeOf(contentTypeOf(file))) return 'apply.fileType';
  if (file.size === 0) return 'apply.fileEmpty';
  if (file.size > DEFAULT_MAX_BYTES) return 'apply.fileTooLarge';
  return undefined;
}

export function checkMaterials(d: Draft, guide: Guide, mode: Mode, files: Record<string, File>): Problems {
  const p: Problems = {};
  const chosen = applicable(guide, d.situations).map((m) => [m, choiceOf(d, guide, m, mode)] as const);
  for (const [m, choice] of chosen) {
    // At a window a certificate the walk-in holds no e-licence of is seen on paper at the counter, and the
    // one-time notice asks for its copy: nothing to stop the intake for.
    if (!choice && mode === 'self') p[`material.${m.id}`] = 'apply.noWayOnline';
    // A file uploaded to the draft before stands until another is chosen.
    if (choice === 'upload' && !(d.uploaded?.[m.id] && !files[m.id])) {
      const problem = checkFile(files[m.id]);
      if (problem) p[`material.${m.id}`] = problem;
    }
  }
  if (chosen.some(([, c]) => c === 'commitment') && !d.commitmentSigned)
    p.commitment = 'apply.signCommitment';
  if (chosen.some(([, c]) => c === 'defer') && !d.toleranceSigned) p.tolerance = 'apply.signTolerance';
  return p;
}
