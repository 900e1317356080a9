import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { s3 } from '../../shared/adapters/s3.ts';
import { attachmentDisposition } from '../../shared/domain/materials/file-names.ts';
import { CONTENT_TYPES } from '../../shared/domain/materials/file-types.ts';
import type { AcceptedUpload } from '../../shared/domain/materials/uploads.ts';

const bucket = requiredEnv('MATERIALS_BUCKET');

/** Long enough to start a 20 MB upload on a slow line: S3 checks the expiry when the request starts. */
export const UPLOAD_URL_SECONDS = 600;
export const DOWNLOAD_URL_SECONDS = 300;

/**
 * A presigned PUT that S3 takes only with the declared type and size: Content-Type and Content-Length are
 * signed headers, so any other type or length fails the signature. A presigned POST with a policy
 * (content-length-range, Content-Type) would say the same, but it needs @aws-sdk/s3-presigned-post, which the
 * project does not have, and s3rver (local mode) ignores POST policies: the limits would not hold locally.
 * The check after upload (check-upload.ts) stays the real gate either way: a signature limits the request,
 * not what the bytes are.
 */
export async function presignUpload(key: string, contentType: string, size: number) {
  const url = await getSignedUrl(
    s3,
    new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size }),
    // The presigner leaves Content-Type unsigned unless told; Content-Length is signed once it is set.
    { expiresIn: UPLOAD_URL_SECONDS, signableHeaders: new Set(['content-type', 'content-length']) },
  );
  return {
    url,
    method: 'PUT' as const,
    // Browsers set Content-Length from the body themselves; other clients must send exactly this one.
    headers: { 'content-type': contentType, 'content-length': String(size) },
  };
}

/** A short-lived GET of exactly the version that was checked, named and typed as checked. */
export async function presignDownload(upload: AcceptedUpload, expiresIn = DOWNLOAD_URL_SECONDS) {
  const url = await getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: bucket,
      Key: upload.key,
      VersionId: upload.versionId,
      ResponseContentType: CONTENT_TYPES[upload.type],
      ResponseContentDisposition: attachmentDisposition(upload.fileName),
    }),
    { expiresIn },
  );
  return { url, method: 'GET' as const };
}
