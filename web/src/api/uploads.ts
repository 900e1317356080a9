import { CONTENT_TYPES, DEFAULT_MAX_BYTES } from '../../../shared/domain/materials/file-types.ts';
import { ApiError, api } from './client.ts';
import type { CaseView, UploadInstructions } from './types.ts';

type UploadView = NonNullable<CaseView['uploads']>[number];

export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png,application/ofd';
export const MAX_BYTES = DEFAULT_MAX_BYTES;

/** Browsers report no type for OFD (GB/T 33190) files; the name says it. */
export function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  return /\.ofd$/i.test(file.name) ? CONTENT_TYPES.ofd : 'application/octet-stream';
}

/**
 * Uploads one material of a case: the API hands out a URL signed for this type and size, the file goes straight
 * to storage (XMLHttpRequest, because fetch reports no upload progress), and the platform checks it afterwards.
 */
export async function uploadMaterial(
  caseId: string,
  materialId: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<{ uploadId: string; fileKey: string }> {
  const asked = await api<UploadInstructions>(`/api/cases/${caseId}/materials`, {
    method: 'POST',
    body: { materialId, fileName: file.name, contentType: contentTypeOf(file), size: file.size },
  });
  await new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(asked.upload.method, asked.upload.url);
    // Content-Length is the browser's to set (from the body); the other signed headers are sent as given.
    for (const [name, value] of Object.entries(asked.upload.headers)) {
      if (name.toLowerCase() !== 'content-length') xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new ApiError(xhr.status, 'UPLOAD_FAILED')));
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK'));
    xhr.send(file);
  });
  onProgress(100);
  return { uploadId: asked.uploadId, fileKey: asked.fileKey };
}

/** Polls the case until `done` says it is what the caller waits for (the check after upload, the pre-check). */
export async function waitForCase(
  caseId: string,
  done: (c: CaseView) => boolean,
  { intervalMs = 500, attempts = 120 } = {},
): Promise<CaseView> {
  for (let i = 0; i < attempts; i++) {
    const c = await api<CaseView>(`/api/cases/${caseId}`);
    if (done(c)) return c;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new ApiError(504, 'STILL_WAITING');
}

/** Files that failed the check after upload, as one error in the check's own words (shown by ErrorNotice). */
export function uploadRejected(rejected: UploadView[]): ApiError {
  const reasons = rejected.flatMap((u) => u.reasons ?? []);
  return new ApiError(400, 'UPLOAD_REJECTED', {
    'zh-CN': reasons.map((r) => r.message['zh-CN']).join('；'),
    en: reasons.map((r) => r.message.en).join('; '),
  });
}
