import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from '../../shared/adapters/s3.ts';

/** One stored object, down to the version an event named (absent where the bucket keeps no versions). */
export interface StoredObject {
  bucket: string;
  key: string;
  versionId?: string;
}

const location = ({ bucket, key, versionId }: StoredObject) => ({
  Bucket: bucket,
  Key: key,
  ...(versionId === undefined ? {} : { VersionId: versionId }),
});

/** The first `bytes` bytes, by a ranged GET: a type is judged without fetching 20 MB. */
export async function readHead(object: StoredObject, bytes: number): Promise<Uint8Array> {
  const { Body } = await s3.send(
    new GetObjectCommand({ ...location(object), Range: `bytes=0-${bytes - 1}` }),
  );
  const chunks: Uint8Array[] = [];
  for await (const chunk of Body as AsyncIterable<Uint8Array>) chunks.push(chunk);
  // A server that ignores Range sends the whole object; only the head is wanted.
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** SHA-256 (hex) of the whole object, streamed: memory stays flat whatever the size. */
export async function sha256Of(object: StoredObject): Promise<string> {
  const { Body } = await s3.send(new GetObjectCommand(location(object)));
  const hash = createHash('sha256');
  for await (const chunk of Body as AsyncIterable<Uint8Array>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * Deletes the object; with a version id, that version for good (a plain delete in a versioned bucket would
 * only hide a refused file behind a delete marker and keep it for the noncurrent-version lifetime).
 */
export async function remove(object: StoredObject): Promise<void> {
  await s3.send(new DeleteObjectCommand(location(object)));
}
