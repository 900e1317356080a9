import { isMissingObject } from '../../shared/adapters/aws-errors.ts';
import { nowIso } from '../../shared/adapters/clock.ts';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { checkUpload, detectType, HEAD_BYTES } from '../../shared/domain/materials/file-types.ts';
import {
  type AcceptedUpload,
  afterSettled,
  type MaterialUpload,
  type PendingUpload,
  parseObjectKey,
  type RejectedUpload,
} from '../../shared/domain/materials/uploads.ts';
import { ObjectCreated } from './object-created.ts';
import { readHead, remove, type StoredObject, sha256Of } from './objects.ts';
import { maxBytes, uploads } from './store.ts';

/**
 * Target of the rule for S3 "Object Created" events on the materials bucket: checks the file that arrived
 * against what was declared for it. An accepted file is recorded with its detected type, size and SHA-256; a
 * refused one is deleted and its reasons recorded on the case, so the applicant sees why. Events arrive at
 * least once: the record is settled only over the pending one, so a second delivery changes nothing.
 */
export const handler = eventHandler(
  { input: ObjectCreated, caseId: (event) => parseObjectKey(event.detail.object.key)?.caseId },
  async ({ detail }): Promise<void> => {
    const object: StoredObject = {
      bucket: detail.bucket.name,
      key: detail.object.key,
      versionId: detail.object['version-id'],
    };
    const parts = parseObjectKey(object.key);
    if (!parts) {
      logger.warn('not a material upload; left alone', { ...object });
      return;
    }
    const upload = await uploads.get(parts.caseId, parts.materialId, parts.uploadId);
    if (!upload) {
      // Only the API hands out upload URLs, and it records each first: this file was never asked for.
      logger.warn('object without an upload request; deleted', { ...object });
      return remove(object);
    }
    if (upload.status !== 'pending') return settled(upload, object);

    try {
      const outcome = await check(upload, object, detail.object.size, detail.object.etag);
      if (!(await uploads.settle(outcome))) return settled(await current(upload), object);
      if (outcome.status === 'rejected') await remove(object);
      logger.info('material upload checked', {
        ...parts,
        status: outcome.status,
        ...(outcome.status === 'rejected' ? { reasons: outcome.reasons.map((r) => r.code) } : {}),
      });
    } catch (error) {
      if (!isMissingObject(error)) throw error;
      // Gone while being checked: another delivery refused it meanwhile, or someone removed it.
      const now = await current(upload);
      if (now.status !== 'pending') return settled(now, object);
      logger.warn('object vanished before it could be checked; the upload stays unchecked', { ...object });
    }
  },
);

async function check(
  upload: PendingUpload,
  object: StoredObject,
  size: number,
  etag: string | undefined,
): Promise<AcceptedUpload | RejectedUpload> {
  // An empty object has no first byte to ask for (S3 answers a range on it with 416).
  const head = size === 0 ? new Uint8Array() : await readHead(object, HEAD_BYTES);
  const problems = checkUpload({ declaredType: upload.contentType, size, head, maxBytes });
  const checked = { ...upload, size, etag, versionId: object.versionId, checkedAt: nowIso() };
  if (problems.length > 0) return { ...checked, status: 'rejected', reasons: problems };
  // The hash is worth a full read only for a file that is kept.
  return { ...checked, status: 'accepted', type: detectType(head)!, sha256: await sha256Of(object) };
}

async function current(upload: MaterialUpload): Promise<MaterialUpload> {
  return (await uploads.get(upload.caseId, upload.materialId, upload.uploadId)) ?? upload;
}

async function settled(upload: MaterialUpload, object: StoredObject): Promise<void> {
  if (upload.status === 'pending') return;
  if (afterSettled(upload, object.versionId) === 'delete') await remove(object);
}
