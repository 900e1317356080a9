import { S3Client } from '@aws-sdk/client-s3';

/**
 * Path-style addressing only where a custom endpoint is set (the local S3 server has no per-bucket hosts);
 * checksums only when an operation requires them, so presigned URLs stay valid for browsers.
 */
export const s3 = new S3Client({
  forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});
