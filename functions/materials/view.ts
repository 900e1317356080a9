import type { MaterialUpload } from '../../shared/domain/materials/uploads.ts';

/**
 * An upload as its applicant sees it, for the case view: why a file was rejected is said in both languages,
 * in the shape of API errors; hashes and versions stay internal. An accepted file shows the fileKey the
 * application (or a supplement) declares it by, as the upload request answered it.
 */
export function uploadView(u: MaterialUpload) {
  return {
    materialId: u.materialId,
    uploadId: u.uploadId,
    fileName: u.fileName,
    status: u.status,
    size: u.status === 'pending' ? u.declaredSize : u.size,
    requestedAt: u.requestedAt,
    ...(u.status === 'pending' ? {} : { checkedAt: u.checkedAt }),
    ...(u.status === 'accepted' ? { fileKey: u.key } : {}),
    ...(u.status === 'rejected'
      ? { reasons: u.reasons.map((r) => ({ code: r.code, message: { 'zh-CN': r.zh, en: r.en } })) }
      : {}),
  };
}
