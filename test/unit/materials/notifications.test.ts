import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ObjectCreatedEntry, watchObjectCreated } from '../../../infra/local/s3/notifications.ts';
import { CREDENTIALS, startS3rver } from './s3rver.ts';

const WATCHED = 'tongban-dev-materials';
const OTHER = 'tongban-dev-catalog';

let s3: Awaited<ReturnType<typeof startS3rver>>;
let client: S3Client;
let entries: ObjectCreatedEntry[];
let stopWatching: () => void;

beforeAll(async () => {
  s3 = await startS3rver([WATCHED, OTHER]);
  client = new S3Client({
    endpoint: s3.endpoint,
    region: 'cn-northwest-1',
    forcePathStyle: true,
    credentials: CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
});
afterAll(async () => {
  client.destroy();
  await s3.stop();
});
beforeEach(() => {
  entries = [];
  stopWatching?.();
  stopWatching = watchObjectCreated(s3.server, [WATCHED], (e) => entries.push(e), {
    partition: 'aws-cn',
    account: '000000000000',
  });
});

/** Entries are emitted after the write has been answered, as S3 sends its events. */
const emitted = (count: number) => vi.waitFor(() => expect(entries).toHaveLength(count));

describe('S3 "Object Created" events in local mode', () => {
  it('given a PutObject, then an entry with the detail S3 sends to EventBridge', async () => {
    await client.send(
      new PutObjectCommand({ Bucket: WATCHED, Key: 'cases/a/b/c', Body: 'hello', ContentType: 'text/plain' }),
    );
    await emitted(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      Source: 'aws.s3',
      DetailType: 'Object Created',
      Resources: [`arn:aws-cn:s3:::${WATCHED}`],
    });
    expect(JSON.parse(entry!.Detail)).toEqual({
      version: '0',
      bucket: { name: WATCHED },
      object: {
        key: 'cases/a/b/c',
        size: 5,
        etag: '5d41402abc4b2a76b9719d911017c592', // MD5 of "hello", without quotes, as S3 sends it
        sequencer: expect.stringMatching(/^[0-9A-F]{18}$/),
      },
      'request-id': expect.stringMatching(/^[0-9A-F]{16}$/),
      requester: '000000000000',
      'source-ip-address': expect.any(String),
      reason: 'PutObject',
    });
  });

  it('given an unsigned browser form upload, then the private bucket refuses it and nothing is announced', async () => {
    const form = new FormData();
    form.append('key', 'cases/a/b/form');
    form.append('file', new Blob(['%PDF-1.7']), 'a.pdf');
    const response = await fetch(`${s3.endpoint}/${WATCHED}`, { method: 'POST', body: form });
    expect(response.status).toBe(403);
    await client.send(new PutObjectCommand({ Bucket: WATCHED, Key: 'after', Body: 'x' }));
    await emitted(1);
    expect(JSON.parse(entries[0]!.Detail).object.key).toBe('after');
  });

  it('orders two writes of one key by their sequencers', async () => {
    for (const body of ['one', 'two']) {
      await client.send(new PutObjectCommand({ Bucket: WATCHED, Key: 'cases/a/b/twice', Body: body }));
    }
    await emitted(2);
    const [first, second] = entries.map((e) => JSON.parse(e.Detail).object.sequencer as string);
    expect(first! < second!).toBe(true);
  });

  it('ignores other buckets and deletions', async () => {
    await client.send(new PutObjectCommand({ Bucket: OTHER, Key: 'x', Body: 'x' }));
    await client.send(new DeleteObjectCommand({ Bucket: WATCHED, Key: 'cases/a/b/c' }));
    await client.send(new PutObjectCommand({ Bucket: WATCHED, Key: 'last', Body: 'x' }));
    await emitted(1);
    expect(JSON.parse(entries[0]!.Detail).object.key).toBe('last');
  });

  it('given an emit that throws, then the upload still succeeds and the error is reported', async () => {
    stopWatching();
    const onError = vi.fn();
    stopWatching = watchObjectCreated(
      s3.server,
      [WATCHED],
      () => {
        throw new Error('bus down');
      },
      { onError },
    );
    await client.send(new PutObjectCommand({ Bucket: WATCHED, Key: 'cases/a/b/d', Body: 'x' }));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(new Error('bus down')));
  });

  it('stops when asked', async () => {
    stopWatching();
    await client.send(new PutObjectCommand({ Bucket: WATCHED, Key: 'cases/a/b/e', Body: 'x' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(entries).toEqual([]);
  });
});
