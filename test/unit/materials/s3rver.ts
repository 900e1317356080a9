import { startS3 } from '../../../infra/local/s3/engine.ts';

export const CREDENTIALS = { accessKeyId: 'TONGBANTEST', secretAccessKey: 'tongban-test-secret' };

/** Local mode's own S3 (s3rver with SigV4 checks), with plain buckets, in memory. */
export function startS3rver(buckets: string[]) {
  return startS3({
    buckets: buckets.map((name) => ({ name, logicalId: name, properties: {} })),
    ...CREDENTIALS,
  });
}
