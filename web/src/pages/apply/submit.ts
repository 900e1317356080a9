import { ApiError, api } from '../../api/client.ts';
import type { CaseView, Guide } from '../../api/types.ts';
import { uploadMaterial, uploadRejected, waitForCase } from '../../api/uploads.ts';
import { applicable } from '../../components/materials.tsx';
import { choiceOf, type Draft, licenceFor, type Mode, type Uploaded } from './draft.ts';

export type Stage = 'draft' | 'upload' | 'check' | 'submit' | 'precheck' | 'done';

export interface Progress {
  stage: Stage;
  /** Percent uploaded, per material. */
  percent: Record<string, number>;
}

type Declared =
  | { materialId: string; by: 'upload'; fileKey: string }
  | { materialId: string; by: 'e-licence'; licenceId: string }
  | { materialId: string; by: 'commitment' };

/** Statuses in which the pre-check has not yet answered. */
const PRECHECKING = ['submitted', 'corrected'];

/** The application as the API takes it: files are declared after upload, by the supplement (see below). */
export function applicationOf(draft: Draft, guide: Guide, mode: Mode) {
  const chosen = applicable(guide, draft.situations).map((m) => ({
    m,
    choice: choiceOf(draft, guide, m, mode),
  }));
  const materials: Declared[] = chosen.flatMap(({ m, choice }): Declared[] => {
    // The e-licence the applicant holds of the type the material needs, by its identifier.
    const licence = licenceFor(draft, m);
    if (choice === 'e-licence' && licence)
      return [{ materialId: m.id, by: 'e-licence', licenceId: licence.id }];
    if (choice === 'commitment') return [{ materialId: m.id, by: 'commitment' }];
    return [];
  });
  const form = Object.fromEntries(Object.entries(draft.form).filter(([, v]) => v.trim() !== ''));
  return {
    implementationCode: draft.implementationCode,
    situations: draft.situations,
    form,
    materials,
    commitment: draft.commitmentSigned && chosen.some((c) => c.choice === 'commitment'),
    tolerance: draft.toleranceSigned && chosen.some((c) => c.choice === 'defer'),
    uploads: chosen.filter((c) => c.choice === 'upload').map((c) => c.m.id),
  };
}

/**
 * Applies online as the law means it: the application is kept as a draft (草稿), each file is uploaded to it
 * and checked, and only then is it submitted, with those files — so the pre-check judges what the applicant
 * really provided, and a one-time notice names only what is truly missing or wrong. Each stage can fail and be
 * retried; what is done is not done again (the draft, the files, the Idempotency-Keys). At a window there are
 * no files to upload (paper is seen at the counter): the application is submitted at once.
 */
export async function submitApplication(options: {
  draft: Draft;
  guide: Guide;
  mode: Mode;
  files: Record<string, File>;
  onDraft: (d: Draft) => void;
  onProgress: (p: Progress) => void;
}): Promise<CaseView> {
  const { guide, mode, files, onDraft, onProgress } = options;
  let draft = options.draft;
  const { uploads, ...application } = applicationOf(draft, guide, mode);
  const uploaded = { ...draft.uploaded };
  const percent: Record<string, number> = Object.fromEntries(
    uploads.map((id) => [id, uploaded[id] ? 100 : 0]),
  );
  const report = (stage: Stage) => onProgress({ stage, percent: { ...percent } });
  const keep = (d: Draft) => {
    draft = d;
    onDraft(d);
  };

  if (mode === 'window') {
    report('submit');
    return api<CaseView>('/api/window/cases', {
      method: 'POST',
      body: { ...application, onBehalfOf: draft.applicant },
      headers: { 'idempotency-key': draft.key },
    });
  }

  report('draft');
  const caseId = await keepDraft(draft, guide);
  if (caseId !== draft.caseId) keep({ ...draft, caseId });

  report('upload');
  for (const materialId of uploads) {
    if (uploaded[materialId]) continue;
    const file = files[materialId]!;
    const done = await uploadMaterial(caseId, materialId, file, (p) => {
      percent[materialId] = p;
      report('upload');
    });
    uploaded[materialId] = { ...done, fileName: file.name };
    keep({ ...draft, uploaded: { ...uploaded } });
  }

  report('check');
  const ids = new Set(uploads.map((m) => uploaded[m]!.uploadId));
  const checked = await waitForCase(caseId, (c) =>
    (c.uploads ?? []).filter((u) => ids.has(u.uploadId)).every((u) => u.status !== 'pending'),
  );
  const rejected = (checked.uploads ?? []).filter((u) => ids.has(u.uploadId) && u.status === 'rejected');
  if (rejected.length > 0) {
    // A rejected file is chosen again and uploaded anew on retry; the draft keeps the others.
    for (const u of rejected) delete uploaded[u.materialId];
    keep({ ...draft, uploaded: { ...uploaded } });
    throw uploadRejected(rejected);
  }

  report('submit');
  const declared: Declared[] = uploads.map((materialId) => ({
    materialId,
    by: 'upload',
    fileKey: uploaded[materialId]!.fileKey,
  }));
  await api<CaseView>(`/api/cases/${caseId}/submission`, {
    method: 'POST',
    body: { ...application, materials: [...application.materials, ...declared] },
    // One submission of this draft, however often it is retried.
    headers: { 'idempotency-key': `${draft.key}-submission` },
  });

  report('precheck');
  const prechecked = await waitForCase(caseId, (c) => !PRECHECKING.includes(c.status));
  report('done');
  return prechecked;
}

/**
 * Keeps the draft on the server as the wizard has it now (starting it the first time, under the draft's own
 * Idempotency-Key); one submitted by an earlier attempt is left as it is. The draft's id.
 */
export async function keepDraft(draft: Draft, guide: Guide): Promise<string> {
  const { uploads: _files, ...application } = applicationOf(draft, guide, 'self');
  if (!draft.caseId) {
    const created = await api<CaseView>('/api/cases', {
      method: 'POST',
      body: { ...application, draft: true },
      headers: { 'idempotency-key': draft.key },
    });
    return created.id;
  }
  try {
    await api(`/api/cases/${draft.caseId}/draft`, { method: 'PUT', body: application });
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'CASE_SUBMITTED')) throw error;
  }
  return draft.caseId;
}

/**
 * The wizard's draft from one kept on the server, to go on with in another tab or on another day: the choices
 * and what was typed (but the phone number, which the server does not hand back), and the files uploaded and
 * accepted, the latest of each material.
 */
export function draftFromCase(c: CaseView, kept: Draft): Draft {
  const saved = c.draft;
  const uploaded: Uploaded = {};
  for (const u of c.uploads ?? []) {
    if (u.status === 'accepted' && u.fileKey) {
      uploaded[u.materialId] = { uploadId: u.uploadId, fileKey: u.fileKey, fileName: u.fileName };
    }
  }
  const choices: Draft['choices'] = Object.fromEntries(
    Object.keys(uploaded).map((materialId) => [materialId, 'upload' as const]),
  );
  for (const m of saved?.materials ?? []) choices[m.materialId] = m.by;
  return {
    ...kept,
    implementationCode: c.matter.implementationCode,
    key: kept.caseId === c.id ? kept.key : crypto.randomUUID(),
    caseId: c.id,
    situations: saved?.situations ?? [],
    form: { phone: '', address: saved?.form.address ?? '', note: saved?.form.note ?? '' },
    choices,
    commitmentSigned: saved?.commitment ?? false,
    toleranceSigned: saved?.tolerance ?? false,
    uploaded,
  };
}
