import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The handler's modules read their environment when they load, so it is set before any import.
await vi.hoisted(async () => {
  const { ENV } = await import('./fakes.ts');
  Object.assign(process.env, ENV);
});

import { handler } from '../../../functions/materials/check-upload.ts';
import { objectKey } from '../../../shared/domain/materials/uploads.ts';
import { CASE_ID, fakeDynamoDb, fakeS3 } from './fakes.ts';
import { pdf, png } from './files.ts';

const BUCKET = 'tongban-materials';
const UPLOAD = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
const KEY = objectKey(CASE_ID, 'floor-plan', UPLOAD);
const SK = `MATERIAL#floor-plan#${UPLOAD}`;

let db: ReturnType<typeof fakeDynamoDb>;
let s3: ReturnType<typeof fakeS3>;

function pending(declared: { contentType: string; size: number }) {
  db.put('cases', {
    pk: `CASE#${CASE_ID}`,
    sk: SK,
    status: 'pending',
    caseId: CASE_ID,
    materialId: 'floor-plan',
    uploadId: UPLOAD,
    key: KEY,
    fileName: '平面图.pdf',
    contentType: declared.contentType,
    declaredSize: declared.size,
    requestedBy: 'citizen-zhang',
    requestedAt: '2026-03-02T01:00:00.000Z',
    expiresAt: 1_900_000_000,
  });
}

/** The event S3 sends to EventBridge, as the rule hands it to the function. */
function objectCreated(size: number, object: { key?: string; versionId?: string } = {}) {
  return {
    version: '0',
    id: '17793124-05d4-b198-2fde-7ededc63b103',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '000000000000',
    time: '2026-03-02T01:00:03Z',
    region: 'cn-northwest-1',
    resources: [`arn:aws-cn:s3:::${BUCKET}`],
    detail: {
      version: '0',
      bucket: { name: BUCKET },
      object: {
        key: object.key ?? KEY,
        size,
        etag: 'b1946ac92492d2347c6235b4d2611184',
        ...(object.versionId ? { 'version-id': object.versionId } : {}),
        sequencer: '00617F08299329D189',
      },
      'request-id': 'N4N7GDK58NMKJ12R',
      requester: '000000000000',
      'source-ip-address': '1.2.3.4',
      reason: 'PutObject',
    },
  };
}

const record = () => db.get('cases', `CASE#${CASE_ID}`, SK);
const settles = () => db.mock.commandCalls(PutCommand).length;

beforeEach(() => {
  db = fakeDynamoDb();
  s3 = fakeS3();
});

describe('checking an uploaded material', () => {
  it('given a good PDF declared as a PDF, then it is accepted with its type, size and SHA-256, and kept', async () => {
    const file = pdf();
    pending({ contentType: 'application/pdf', size: file.length });
    s3.put(BUCKET, KEY, file);
    await handler(objectCreated(file.length));
    expect(record()).toMatchObject({
      status: 'accepted',
      key: KEY,
      type: 'pdf',
      size: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      etag: 'b1946ac92492d2347c6235b4d2611184',
      checkedAt: expect.any(String),
      fileName: '平面图.pdf',
    });
    // Checked, it no longer expires.
    expect(record()).not.toHaveProperty('expiresAt');
    expect(s3.has(BUCKET, KEY)).toBe(true);
    const [head, whole] = s3.mock.commandCalls(GetObjectCommand).map((c) => c.args[0].input);
    expect(head).toMatchObject({ Bucket: BUCKET, Key: KEY, Range: 'bytes=0-1023' });
    expect(whole).not.toHaveProperty('Range');
  });

  it('given a PNG declared as a PDF, then it is deleted and the rejection says why, in both languages', async () => {
    const file = png();
    pending({ contentType: 'application/pdf', size: file.length });
    s3.put(BUCKET, KEY, file);
    await handler(objectCreated(file.length));
    expect(record()).toMatchObject({
      status: 'rejected',
      size: file.length,
      reasons: [
        {
          code: 'TYPE_MISMATCH',
          zh: '文件内容与声明的类型 PDF 不符（实际为 PNG 文件）',
          en: 'The file is not the PDF it was declared as (it is a PNG file)',
        },
      ],
    });
    expect(s3.has(BUCKET, KEY)).toBe(false);
    // A refused file is not read whole.
    expect(s3.mock.commandCalls(GetObjectCommand)).toHaveLength(1);
  });

  it('given an empty object, then it is rejected as EMPTY without asking S3 for a byte range', async () => {
    pending({ contentType: 'application/pdf', size: 0 });
    s3.put(BUCKET, KEY, Buffer.alloc(0));
    await handler(objectCreated(0));
    expect(record()).toMatchObject({ status: 'rejected', reasons: [{ code: 'EMPTY' }] });
    expect(s3.mock.commandCalls(GetObjectCommand)).toHaveLength(0);
    expect(s3.has(BUCKET, KEY)).toBe(false);
  });

  it('given an object over the limit, then it is rejected as TOO_LARGE', async () => {
    const size = 21 * 1024 * 1024;
    pending({ contentType: 'application/pdf', size });
    s3.put(BUCKET, KEY, pdf());
    await handler(objectCreated(size));
    expect(record()).toMatchObject({ status: 'rejected', reasons: [{ code: 'TOO_LARGE' }] });
  });

  it('given the same event twice, then the upload is settled once and nothing is read again', async () => {
    const file = pdf();
    pending({ contentType: 'application/pdf', size: file.length });
    s3.put(BUCKET, KEY, file);
    await handler(objectCreated(file.length));
    const first = record();
    const reads = s3.mock.commandCalls(GetObjectCommand).length;
    await handler(objectCreated(file.length));
    expect(record()).toEqual(first);
    expect(settles()).toBe(1);
    expect(s3.mock.commandCalls(GetObjectCommand)).toHaveLength(reads);
    expect(s3.mock.commandCalls(DeleteObjectCommand)).toHaveLength(0);
  });

  it('given a rejection delivered again, then the record stays and the delete is simply repeated', async () => {
    const file = png();
    pending({ contentType: 'application/pdf', size: file.length });
    s3.put(BUCKET, KEY, file);
    await handler(objectCreated(file.length));
    const first = record();
    await handler(objectCreated(file.length));
    expect(record()).toEqual(first);
    expect(settles()).toBe(1);
    expect(s3.mock.commandCalls(DeleteObjectCommand)).toHaveLength(2);
  });

  it('given two deliveries at once, then one settles the upload and the other finds it settled', async () => {
    const file = pdf();
    pending({ contentType: 'application/pdf', size: file.length });
    s3.put(BUCKET, KEY, file);
    await Promise.all([handler(objectCreated(file.length)), handler(objectCreated(file.length))]);
    expect(record()).toMatchObject({ status: 'accepted' });
    // Both tried to settle it; the condition let one through.
    expect(settles()).toBe(2);
  });

  it('in a versioned bucket, checks the version named and deletes a later one written with the same URL', async () => {
    const file = pdf();
    pending({ contentType: 'application/pdf', size: file.length });
    s3.put(BUCKET, KEY, file, 'v1');
    s3.put(BUCKET, KEY, png(), 'v2');
    await handler(objectCreated(file.length, { versionId: 'v1' }));
    expect(record()).toMatchObject({ status: 'accepted', versionId: 'v1', type: 'pdf' });
    expect(s3.mock.commandCalls(GetObjectCommand)[0]?.args[0].input).toMatchObject({ VersionId: 'v1' });
    await handler(objectCreated(png().length, { versionId: 'v2' }));
    expect(record()).toMatchObject({ status: 'accepted', versionId: 'v1' });
    expect(s3.has(BUCKET, KEY, 'v2')).toBe(false);
    expect(s3.has(BUCKET, KEY, 'v1')).toBe(true);
  });

  it('given an object no upload was requested for, then it is deleted and nothing is recorded', async () => {
    s3.put(BUCKET, KEY, pdf());
    await handler(objectCreated(pdf().length));
    expect(s3.has(BUCKET, KEY)).toBe(false);
    expect(record()).toBeUndefined();
  });

  it('given an object outside the upload keys, then it is left alone', async () => {
    s3.put(BUCKET, 'catalog/export.json.gz', pdf());
    await handler(objectCreated(10, { key: 'catalog/export.json.gz' }));
    expect(s3.has(BUCKET, 'catalog/export.json.gz')).toBe(true);
    expect(db.mock.calls()).toHaveLength(0);
  });

  it('given an object that vanished before the check, then the upload stays pending', async () => {
    pending({ contentType: 'application/pdf', size: 100 });
    await handler(objectCreated(100));
    expect(record()).toMatchObject({ status: 'pending' });
  });

  it('given an event of another shape, then it fails loudly (and goes to the dead-letter queue)', async () => {
    await expect(
      handler({ source: 'aws.s3', 'detail-type': 'Object Deleted', detail: {} }),
    ).rejects.toThrow();
  });
});

describe('the S3 client the check uses', () => {
  it('is one client, created once, with checksums only when required', async () => {
    const { s3: client } = await import('../../../shared/adapters/s3.ts');
    expect(client).toBeInstanceOf(S3Client);
    expect(await client.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
  });
});
