import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedTemplatePropertyError } from '../../../infra/local/errors.ts';
import { type S3, startS3 } from '../../../infra/local/s3/engine.ts';

const keys = { accessKeyId: 'AKIALOCALTONGBAN', secretAccessKey: 'local-secret-0123456789' };
// The materials bucket as CDK synthesizes it (intrinsics resolved), browser uploads allowed by CORS.
const materials = {
  name: 'tongban-dev-materials',
  logicalId: 'MaterialsBucket',
  properties: {
    BucketEncryption: {
      ServerSideEncryptionConfiguration: [
        { BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } },
      ],
    },
    CorsConfiguration: {
      CorsRules: [
        {
          AllowedHeaders: ['content-type', 'content-length', 'x-amz-*'],
          AllowedMethods: ['PUT', 'GET'],
          AllowedOrigins: ['https://tongban.example.gov.cn'],
          MaxAge: 3000,
        },
      ],
    },
    LifecycleConfiguration: {
      Rules: [{ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }],
    },
    LoggingConfiguration: { DestinationBucketName: 'tongban-dev-logs', LogFilePrefix: 'materials/' },
    OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    },
    VersioningConfiguration: { Status: 'Enabled' },
  },
};
const Bucket = materials.name;
let s3: S3;

function client(secretAccessKey = keys.secretAccessKey): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    region: 'cn-northwest-1',
    credentials: { accessKeyId: keys.accessKeyId, secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

beforeAll(async () => {
  s3 = await startS3({ buckets: [materials], ...keys });
});

afterAll(async () => {
  await s3?.stop();
});

describe('local S3', () => {
  it('lets a client with the configured keys put and get an object', async () => {
    const s3Client = client();

    await s3Client.send(
      new PutObjectCommand({
        Bucket,
        Key: 'cases/C-1/身份证 正面.png',
        Body: 'front',
        ContentType: 'image/png',
      }),
    );
    const object = await s3Client.send(new GetObjectCommand({ Bucket, Key: 'cases/C-1/身份证 正面.png' }));

    expect(await object.Body?.transformToString()).toBe('front');
    expect(object.ContentType).toBe('image/png');
  });

  it('accepts bucket-level requests as the SDK signs them, with a trailing slash (list, head)', async () => {
    const s3Client = client();
    await expect(s3Client.send(new HeadBucketCommand({ Bucket }))).resolves.toBeDefined();
    const listed = await s3Client.send(new ListObjectsV2Command({ Bucket, MaxKeys: 1 }));
    expect(listed.MaxKeys).toBe(1);
  });

  it('refuses a request signed with the wrong secret key with SignatureDoesNotMatch', async () => {
    const attempt = client('not-the-secret').send(new ListObjectsV2Command({ Bucket }));

    await expect(attempt).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('refuses a request signed with an unknown access key, including the s3rver default', async () => {
    const stranger = new S3Client({
      endpoint: s3.endpoint,
      region: 'cn-northwest-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    });

    await expect(stranger.send(new ListObjectsV2Command({ Bucket }))).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('refuses an unsigned request, as a private bucket does', async () => {
    await client().send(new PutObjectCommand({ Bucket, Key: 'private.txt', Body: 'secret' }));

    const response = await fetch(`${s3.endpoint}/${Bucket}/private.txt`);

    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('accepts a presigned PUT from plain fetch, and the object can be read back', async () => {
    const url = await getSignedUrl(
      client(),
      new PutObjectCommand({ Bucket, Key: 'uploads/licence.pdf', ContentType: 'application/pdf' }),
      { expiresIn: 300 },
    );

    const response = await fetch(url, {
      method: 'PUT',
      body: '%PDF-1.7',
      headers: { 'content-type': 'application/pdf' },
    });

    expect(response.status).toBe(200);
    const object = await client().send(new GetObjectCommand({ Bucket, Key: 'uploads/licence.pdf' }));
    expect(await object.Body?.transformToString()).toBe('%PDF-1.7');
  });

  it('never serves bytes written again through a presigned URL over an object of a versioned bucket', async () => {
    const url = await getSignedUrl(
      client(),
      new PutObjectCommand({ Bucket, Key: 'uploads/once.pdf', ContentType: 'application/pdf' }),
      { expiresIn: 300 },
    );
    const put = (body: string) =>
      fetch(url, { method: 'PUT', body, headers: { 'content-type': 'application/pdf' } });
    expect((await put('%PDF-1.7 checked')).status).toBe(200);
    expect((await put('%PDF-1.7 swapped')).status).toBe(403);
    const object = await client().send(new GetObjectCommand({ Bucket, Key: 'uploads/once.pdf' }));
    expect(await object.Body?.transformToString()).toBe('%PDF-1.7 checked');
  });

  it('serves a presigned GET to plain fetch, and refuses it once tampered with', async () => {
    await client().send(new PutObjectCommand({ Bucket, Key: 'downloads/receipt.txt', Body: 'receipt' }));
    const url = await getSignedUrl(client(), new GetObjectCommand({ Bucket, Key: 'downloads/receipt.txt' }), {
      expiresIn: 300,
    });

    const response = await fetch(url);
    const tampered = await fetch(url.replace('receipt.txt', 'private.txt'));

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('receipt');
    expect(tampered.status).toBe(403);
  });

  it('answers a browser preflight according to the bucket’s CorsConfiguration', async () => {
    const preflight = (origin: string) =>
      fetch(`${s3.endpoint}/${Bucket}/uploads/x.pdf`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'content-type',
        },
      });

    const allowed = await preflight('https://tongban.example.gov.cn');
    const foreign = await preflight('https://evil.example.com');

    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('PUT, GET');
    expect(foreign.status).toBe(403);
  });

  it('keeps objects in a data directory across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tongban-s3-test-'));
    const bucket = { name: 'kept', logicalId: 'Kept', properties: {} };
    const first = await startS3({ dataDir, buckets: [bucket], ...keys });
    const put = new S3Client({
      endpoint: first.endpoint,
      region: 'cn-northwest-1',
      credentials: keys,
      forcePathStyle: true,
    });
    await put.send(new PutObjectCommand({ Bucket: 'kept', Key: 'a.txt', Body: 'kept' }));
    await first.stop();

    const second = await startS3({ dataDir, buckets: [bucket], ...keys });
    const get = new S3Client({
      endpoint: second.endpoint,
      region: 'cn-northwest-1',
      credentials: keys,
      forcePathStyle: true,
    });
    const object = await get.send(new GetObjectCommand({ Bucket: 'kept', Key: 'a.txt' }));
    const body = await object.Body?.transformToString();
    await second.stop();
    await rm(dataDir, { recursive: true, force: true });

    expect(body).toBe('kept');
  });

  it('refuses a bucket property it cannot emulate before starting', async () => {
    const website = { ...materials, properties: { WebsiteConfiguration: { IndexDocument: 'index.html' } } };
    const locked = { ...materials, properties: { ObjectLockEnabled: true } };

    await expect(startS3({ buckets: [website], ...keys })).rejects.toThrow(UnsupportedTemplatePropertyError);
    await expect(startS3({ buckets: [website], ...keys })).rejects.toThrow(
      'Local mode cannot emulate AWS::S3::Bucket MaterialsBucket: property WebsiteConfiguration is not supported',
    );
    await expect(startS3({ buckets: [locked], ...keys })).rejects.toThrow('property ObjectLockEnabled');
  });
});
