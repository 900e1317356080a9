import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ObjectCreatedEntry, watchObjectCreated } from '../../../infra/local/s3/notifications.ts';
import { aCase, apiRequest, CASE_ID, caseItem, ENV, fakeDynamoDb, matterVersion, respond } from './fakes.ts';
import { pdf, png } from './files.ts';
import { CREDENTIALS, startS3rver } from './s3rver.ts';

/**
 * The whole path of a material through a real (in-process) S3 server: the upload URL, the browser's PUT,
 * the "Object Created" event, the check, and the download. DynamoDB is the in-memory fake.
 */

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;
let s3: Awaited<ReturnType<typeof startS3rver>>;
let client: S3Client;
let uploadUrl: Handler;
let downloadUrl: Handler;
let checkUpload: (event: unknown) => Promise<void>;
let entries: ObjectCreatedEntry[] = [];
let db: ReturnType<typeof fakeDynamoDb>;

beforeAll(async () => {
  s3 = await startS3rver([ENV.MATERIALS_BUCKET]);
  // As local mode sets them for its functions; the modules read them when they load, hence the late imports.
  Object.assign(process.env, ENV, {
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
  });
  uploadUrl = (await import('../../../functions/materials/upload-url.ts')).handler as unknown as Handler;
  downloadUrl = (await import('../../../functions/materials/download-url.ts')).handler as unknown as Handler;
  checkUpload = (await import('../../../functions/materials/check-upload.ts')).handler;
  watchObjectCreated(s3.server, [ENV.MATERIALS_BUCKET], (e) => entries.push(e), { partition: 'aws-cn' });
  client = new S3Client({
    endpoint: s3.endpoint,
    region: ENV.AWS_REGION,
    forcePathStyle: true,
    credentials: CREDENTIALS,
  });
});
afterAll(async () => {
  client.destroy();
  await s3.stop();
});
beforeEach(() => {
  entries = [];
  db = fakeDynamoDb();
  db.put('cases', caseItem(aCase()));
  db.put('matters', matterVersion(1, '2026-01-01'));
});

async function askToUpload(contentType: string, size: number) {
  const { status, body } = await respond(
    uploadUrl,
    apiRequest('POST /api/cases/{id}/materials', {
      pathParameters: { id: CASE_ID },
      body: { materialId: 'floor-plan', fileName: '平面图.pdf', contentType, size },
    }),
  );
  expect(status).toBe(201);
  return body as { uploadId: string; upload: { url: string; headers: Record<string, string> } };
}

/** What a browser does with the instructions: PUT the file with the headers it was given. */
const put = (upload: { url: string; headers: Record<string, string> }, file: Buffer, headers = {}) =>
  fetch(upload.url, {
    method: 'PUT',
    headers: { 'content-type': upload.headers['content-type']!, ...headers },
    body: new Uint8Array(file),
  });

/** The event as the rule delivers it to the check function, from the entry put on the default bus. */
async function deliver() {
  await vi.waitFor(() => expect(entries).toHaveLength(1));
  const entry = entries[0]!;
  await checkUpload({
    version: '0',
    id: 'e1',
    'detail-type': entry.DetailType,
    source: entry.Source,
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'cn-northwest-1',
    resources: entry.Resources,
    detail: JSON.parse(entry.Detail),
  });
}

const record = (uploadId: string) => db.get('cases', `CASE#${CASE_ID}`, `MATERIAL#floor-plan#${uploadId}`);

describe('a material from upload to download, through s3rver', () => {
  it('a PDF is stored with the signed URL, checked, accepted and downloaded as it was sent', async () => {
    const file = pdf();
    const { uploadId, upload } = await askToUpload('application/pdf', file.length);
    expect((await put(upload, file)).status).toBe(200);
    await deliver();
    expect(record(uploadId)).toMatchObject({ status: 'accepted', type: 'pdf', size: file.length });

    const { body } = await respond(
      downloadUrl,
      apiRequest('GET /api/cases/{id}/materials/{materialId}', {
        pathParameters: { id: CASE_ID, materialId: 'floor-plan' },
      }),
    );
    const response = await fetch(body.download.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''%E5%B9%B3%E9%9D%A2%E5%9B%BE.pdf",
    );
    expect(Buffer.from(await response.arrayBuffer())).toEqual(file);
  });

  it('a PNG sent with the PDF URL gets stored, then is refused: deleted, and the reason recorded', async () => {
    const file = png();
    const { uploadId, upload } = await askToUpload('application/pdf', file.length);
    expect((await put(upload, file)).status).toBe(200);
    await deliver();
    expect(record(uploadId)).toMatchObject({ status: 'rejected', reasons: [{ code: 'TYPE_MISMATCH' }] });
    await expect(
      client.send(
        new GetObjectCommand({
          Bucket: ENV.MATERIALS_BUCKET,
          Key: `cases/${CASE_ID}/floor-plan/${uploadId}`,
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchKey' });
  });

  it('S3 refuses the URL for another type or another size: both are signed', async () => {
    const file = pdf();
    const { upload } = await askToUpload('application/pdf', file.length);
    const otherType = await put(upload, file, { 'content-type': 'image/png' });
    expect(otherType.status).toBe(403);
    expect(await otherType.text()).toContain('SignatureDoesNotMatch');
    const longer = await put(upload, Buffer.concat([file, Buffer.from('more')]));
    expect(longer.status).toBe(403);
    expect(entries).toEqual([]);
  });
});
