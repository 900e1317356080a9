import { beforeEach, describe, expect, it, vi } from 'vitest';

// The handler's modules read their environment when they load, so it is set before any import.
await vi.hoisted(async () => {
  const { ENV } = await import('./fakes.ts');
  Object.assign(process.env, ENV);
});

import { materialDownload } from '../../../functions/materials/download.ts';
import { handler } from '../../../functions/materials/download-url.ts';
import { MaterialDownload } from '../../../shared/http/schemas/materials.ts';
import { aCase, apiRequest, CASE_ID, caseItem, fakeDynamoDb, respond } from './fakes.ts';

let db: ReturnType<typeof fakeDynamoDb>;

function upload(uploadId: string, fields: Record<string, unknown>) {
  db.put('cases', {
    pk: `CASE#${CASE_ID}`,
    sk: `MATERIAL#floor-plan#${uploadId}`,
    caseId: CASE_ID,
    materialId: 'floor-plan',
    uploadId,
    key: `cases/${CASE_ID}/floor-plan/${uploadId}`,
    fileName: '平面图.pdf',
    contentType: 'application/pdf',
    declaredSize: 1000,
    requestedBy: 'citizen-zhang',
    requestedAt: '2026-03-02T01:00:00.000Z',
    size: 1000,
    ...fields,
  });
}

const OLD = 'a0000000-0000-4000-8000-000000000001';
const NEW = 'f0000000-0000-4000-8000-000000000002';
const accepted = (checkedAt: string, versionId: string) => ({
  status: 'accepted',
  type: 'pdf',
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  checkedAt,
  versionId,
});

beforeEach(() => {
  db = fakeDynamoDb();
  db.put('cases', caseItem(aCase()));
});

const download = (subject?: string, materialId = 'floor-plan') =>
  respond(
    handler,
    apiRequest('GET /api/cases/{id}/materials/{materialId}', {
      subject,
      pathParameters: { id: CASE_ID, materialId },
    }),
  );

describe('GET /api/cases/{id}/materials/{materialId}', () => {
  it('given the applicant, then a 5-minute GET of the latest accepted file, exactly the version checked', async () => {
    // Uploads are stored by id, which says nothing about order: the latest is the one checked last.
    upload(NEW, accepted('2026-03-02T01:00:05.000Z', 'v-old'));
    upload(OLD, accepted('2026-03-03T08:00:00.000Z', 'v-new'));
    upload('b0000000-0000-4000-8000-000000000003', {
      status: 'rejected',
      checkedAt: '2026-03-04T08:00:00.000Z',
      reasons: [{ code: 'TYPE_MISMATCH', zh: '不符', en: 'mismatch' }],
    });
    const { status, body } = await download();
    expect(status).toBe(200);
    expect(MaterialDownload.parse(body)).toMatchObject({
      materialId: 'floor-plan',
      uploadId: OLD,
      fileName: '平面图.pdf',
      contentType: 'application/pdf',
      size: 1000,
      download: { method: 'GET' },
      expiresIn: 300,
    });
    const url = new URL(body.download.url);
    expect(url.pathname).toBe(`/cases/${CASE_ID}/floor-plan/${OLD}`);
    expect(url.searchParams.get('versionId')).toBe('v-new');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(url.searchParams.get('response-content-disposition')).toContain(
      "filename*=UTF-8''%E5%B9%B3%E9%9D%A2%E5%9B%BE.pdf",
    );
  });

  it("given someone else's case, then 404 CASE_NOT_FOUND, as if it did not exist", async () => {
    upload(OLD, accepted('2026-03-02T01:00:05.000Z', 'v1'));
    const { status, body } = await download('citizen-li');
    expect(status).toBe(404);
    expect(body.error.code).toBe('CASE_NOT_FOUND');
  });

  it('given only a pending and a rejected upload, then 404 MATERIAL_NOT_FOUND', async () => {
    upload(OLD, { status: 'pending' });
    upload(NEW, {
      status: 'rejected',
      checkedAt: '2026-03-02T01:00:05.000Z',
      reasons: [{ code: 'EMPTY', zh: '文件为空', en: 'The file is empty' }],
    });
    const { status, body } = await download();
    expect(status).toBe(404);
    expect(body.error.code).toBe('MATERIAL_NOT_FOUND');
  });

  it('does not take "floor" for "floor-plan": material ids are matched whole', async () => {
    upload(OLD, accepted('2026-03-02T01:00:05.000Z', 'v1'));
    expect((await download(undefined, 'floor')).status).toBe(404);
  });

  it('given a material id of another shape, then 400', async () => {
    expect((await download(undefined, 'Floor_Plan')).status).toBe(400);
  });
});

describe('materialDownload, for the reviewers’ route to come', () => {
  it('answers the same download without any access check of its own', async () => {
    upload(OLD, accepted('2026-03-02T01:00:05.000Z', 'v1'));
    expect(await materialDownload(CASE_ID, 'floor-plan')).toMatchObject({ uploadId: OLD, expiresIn: 300 });
    expect(await materialDownload(CASE_ID, 'business-licence')).toBeUndefined();
  });
});
