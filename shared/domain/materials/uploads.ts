import { z } from 'zod';
import type { CaseStatus } from '../cases/model.ts';
import type { UploadCheck } from '../cases/precheck.ts';
import { FILE_TYPES, UPLOAD_PROBLEM_CODES, type UploadProblem } from './file-types.ts';

/**
 * One upload of a material to a case: requested (pending) when the applicant asks for an upload URL, then
 * accepted or rejected once the stored file has been checked. A material may have several uploads (a
 * rejected file and its replacement, a correction); each keeps its own record and object.
 */

const Uuid = z.string().uuid();
const MaterialId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

/** The object key of an upload: everything the check needs to find its record is in it. */
export const objectKey = (caseId: string, materialId: string, uploadId: string) =>
  `cases/${caseId}/${materialId}/${uploadId}`;

const KEY = /^cases\/([^/]+)\/([^/]+)\/([^/]+)$/;

/** The parts of an upload's object key, or undefined for any other key. */
export function parseObjectKey(
  key: string,
): { caseId: string; materialId: string; uploadId: string } | undefined {
  const [, caseId, materialId, uploadId] = KEY.exec(key) ?? [];
  if (!Uuid.safeParse(caseId).success || !Uuid.safeParse(uploadId).success) return undefined;
  if (!MaterialId.safeParse(materialId).success) return undefined;
  return { caseId: caseId!, materialId: materialId!, uploadId: uploadId! };
}

const Requested = z.object({
  caseId: Uuid,
  materialId: MaterialId,
  uploadId: Uuid,
  key: z.string(),
  fileName: z.string(),
  /** The media type declared, which the upload URL was signed for. */
  contentType: z.string(),
  /** The size declared, which the upload URL was signed for. */
  declaredSize: z.number().int().min(0),
  requestedBy: z.string(),
  requestedAt: z.string(),
});

const Checked = Requested.extend({
  size: z.number().int().min(0),
  etag: z.string().optional(),
  /** The version checked: downloads serve this one, whatever was written to the key after it. */
  versionId: z.string().optional(),
  checkedAt: z.string(),
});

export const MaterialUpload = z.discriminatedUnion('status', [
  Requested.extend({ status: z.literal('pending') }),
  Checked.extend({ status: z.literal('accepted'), type: z.enum(FILE_TYPES), sha256: z.string() }),
  Checked.extend({
    status: z.literal('rejected'),
    reasons: z.array(z.object({ code: z.enum(UPLOAD_PROBLEM_CODES), zh: z.string(), en: z.string() })).min(1),
  }),
]);
export type MaterialUpload = z.infer<typeof MaterialUpload>;
export type PendingUpload = Extract<MaterialUpload, { status: 'pending' }>;
export type AcceptedUpload = Extract<MaterialUpload, { status: 'accepted' }>;
export type RejectedUpload = Extract<MaterialUpload, { status: 'rejected' }>;

/**
 * Uploads are taken until a decision: while the application is prepared, checked, corrected, and after a
 * tolerant acceptance (容缺), when deferred materials are still to come. A decided or closed case takes none.
 */
const OPEN: readonly CaseStatus[] = [
  'draft',
  'submitted',
  'correction-requested',
  'corrected',
  'accepted',
  'under-review',
];
export const acceptsUploads = (status: CaseStatus) => OPEN.includes(status);

/** Which of the pre-check's problem kinds each upload problem is, for the one-time notice. */
const KIND: Record<UploadProblem['code'], UploadCheck['problems'][number]['kind']> = {
  EMPTY: 'unreadable',
  TOO_LARGE: 'failed-check',
  TYPE_NOT_ALLOWED: 'wrong-type',
  TYPE_MISMATCH: 'wrong-type',
};

/**
 * An upload as the pre-check (precheck.ts) takes it: accepted is no problem; rejected names its problems;
 * pending has not been checked yet. The detail is the stable code, the same in both languages.
 */
export function toUploadCheck(upload: MaterialUpload): UploadCheck {
  if (upload.status === 'accepted') return { materialId: upload.materialId, problems: [] };
  if (upload.status === 'pending')
    return { materialId: upload.materialId, problems: [{ kind: 'unchecked' }] };
  return {
    materialId: upload.materialId,
    problems: upload.reasons.map((r) => ({ kind: KIND[r.code], detail: r.code })),
  };
}

/**
 * What to do when an object event finds its upload already checked. The same event delivered again changes
 * nothing; but a rejected upload's object must be gone (a delete interrupted before is finished now), and a
 * later version written with the same URL was never checked: one upload URL, one file.
 */
export function afterSettled(upload: AcceptedUpload | RejectedUpload, versionId?: string): 'none' | 'delete' {
  if (upload.status === 'rejected') return 'delete';
  const laterVersion =
    versionId !== undefined && upload.versionId !== undefined && versionId !== upload.versionId;
  return laterVersion ? 'delete' : 'none';
}
