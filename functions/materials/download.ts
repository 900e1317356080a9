import { CONTENT_TYPES } from '../../shared/domain/materials/file-types.ts';
import { DOWNLOAD_URL_SECONDS, presignDownload } from './presign.ts';
import { uploads } from './store.ts';

/**
 * The file that stands for a material (its latest accepted upload) with a 5-minute download URL, or
 * undefined when none was accepted. It checks NO access: the applicant's route (download-url.ts) checks
 * ownership first, and the reviewers' route will check department and region before calling it.
 */
export async function materialDownload(caseId: string, materialId: string) {
  const upload = await uploads.latestAccepted(caseId, materialId);
  if (!upload) return undefined;
  return {
    materialId,
    uploadId: upload.uploadId,
    fileName: upload.fileName,
    contentType: CONTENT_TYPES[upload.type],
    size: upload.size,
    sha256: upload.sha256,
    checkedAt: upload.checkedAt,
    download: await presignDownload(upload, DOWNLOAD_URL_SECONDS),
    expiresIn: DOWNLOAD_URL_SECONDS,
  };
}
