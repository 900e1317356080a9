import { api } from '../../api/client.ts';
import type { CaseView, Guide } from '../../api/types.ts';
import { uploadMaterial, uploadRejected, waitForCase } from '../../api/uploads.ts';
import { applicable } from '../../components/materials.tsx';
import { choiceOf, type Draft, licenceFor, type Mode } from './draft.ts';

export type Stage = 'submit' | 'upload' | 'check' | 'precheck' | 'supplement' | 'done';

export interface Progress {
  stage: Stage;
  /** Percent uploaded, per material. */
  percent: Record<string, number>;
}

type Declared =
  | { materialId: string; by: 'upload'; fileKey: string }
  | { materialId: string; by: 'e-licence'; licenceId: string }
  | { materialId: string; by: 'commitment' };

/** Uploads already made for this draft's case, so that a retry does not send a file twice. */
export type Uploaded = Record<string, { uploadId: string; fileKey: string }>;

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
 * Submits the application, then its files. Uploads need the case they belong to, so the order is: apply (the
 * Idempotency-Key makes a retry return the same case), upload each file with progress, wait for the check after
 * upload, wait for the pre-check, and declare the files as the answer to its one-time notice. Each stage can
 * fail and be retried; what is done is not done again.
 */
export async function submitApplication(options: {
  draft: Draft;
  guide: Guide;
  mode: Mode;
  files: Record<string, File>;
  uploaded: Uploaded;
  onCaseId: (id: string) => void;
  onProgress: (p: Progress) => void;
}): Promise<CaseView> {
  const { draft, guide, mode, files, uploaded, onCaseId, onProgress } = options;
  const { uploads, ...application } = applicationOf(draft, guide, mode);
  const percent: Record<string, number> = Object.fromEntries(
    uploads.map((id) => [id, uploaded[id] ? 100 : 0]),
  );
  const report = (stage: Stage) => onProgress({ stage, percent: { ...percent } });

  report('submit');
  let caseId = draft.caseId;
  if (!caseId) {
    const path = mode === 'window' ? '/api/window/cases' : '/api/cases';
    const body = mode === 'window' ? { ...application, onBehalfOf: draft.applicant } : application;
    const created = await api<CaseView>(path, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': draft.key },
    });
    caseId = created.id;
    onCaseId(caseId);
    if (uploads.length === 0) return created;
  }
  if (uploads.length === 0) {
    return api<CaseView>(mode === 'window' ? `/api/staff/cases/${caseId}` : `/api/cases/${caseId}`);
  }

  report('upload');
  for (const materialId of uploads) {
    if (uploaded[materialId]) continue;
    uploaded[materialId] = await uploadMaterial(caseId, materialId, files[materialId]!, (p) => {
      percent[materialId] = p;
      report('upload');
    });
  }

  report('check');
  const ids = new Set(uploads.map((m) => uploaded[m]!.uploadId));
  const checked = await waitForCase(caseId, (c) =>
    (c.uploads ?? []).filter((u) => ids.has(u.uploadId)).every((u) => u.status !== 'pending'),
  );
  const rejected = (checked.uploads ?? []).filter((u) => ids.has(u.uploadId) && u.status === 'rejected');
  if (rejected.length > 0) {
    // A rejected file is chosen again and uploaded anew on retry.
    for (const u of rejected) delete uploaded[u.materialId];
    throw uploadRejected(rejected);
  }

  report('precheck');
  const prechecked = await waitForCase(caseId, (c) => !PRECHECKING.includes(c.status));
  if (prechecked.status !== 'correction-requested') return prechecked;

  report('supplement');
  await api<CaseView>(`/api/cases/${caseId}/supplements`, {
    method: 'POST',
    body: {
      materials: uploads.map((materialId) => ({
        materialId,
        by: 'upload',
        fileKey: uploaded[materialId]!.fileKey,
      })),
    },
  });
  const after = await waitForCase(caseId, (c) => !PRECHECKING.includes(c.status));
  report('done');
  return after;
}
