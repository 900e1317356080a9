import { beforeEach, describe, expect, it, vi } from 'vitest';

// The handler's modules read their environment when they load, so it is set before any import.
await vi.hoisted(async () => {
  const { ENV } = await import('./fakes.ts');
  Object.assign(process.env, ENV);
});

import { handler } from '../../../functions/materials/upload-url.ts';
import { ImplementationItem } from '../../../shared/domain/catalog/model.ts';
import { UploadInstructions } from '../../../shared/http/schemas/materials.ts';
import {
  aCase,
  apiRequest,
  CASE_ID,
  caseItem,
  fakeDynamoDb,
  MATTER,
  matterVersion,
  respond,
} from './fakes.ts';

let db: ReturnType<typeof fakeDynamoDb>;

beforeEach(() => {
  db = fakeDynamoDb();
  db.put('cases', caseItem(aCase()));
  db.put('matters', matterVersion(1, '2026-01-01'));
});

const ask = (body: Record<string, unknown>, subject?: string) =>
  respond(
    handler,
    apiRequest('POST /api/cases/{id}/materials', { subject, pathParameters: { id: CASE_ID }, body }),
  );

const floorPlan = {
  materialId: 'floor-plan',
  fileName: '平面图.pdf',
  contentType: 'application/pdf',
  size: 48_213,
};

describe('POST /api/cases/{id}/materials', () => {
  it('given the applicant and a material of the matter, then 201 with a PUT signed for that type and size', async () => {
    const { status, body } = await ask(floorPlan);
    expect(status).toBe(201);
    const instructions = UploadInstructions.parse(body);
    expect(instructions).toMatchObject({
      upload: { method: 'PUT', headers: { 'content-type': 'application/pdf', 'content-length': '48213' } },
      expiresIn: 600,
    });
    expect(instructions.fileKey).toBe(`cases/${CASE_ID}/floor-plan/${instructions.uploadId}`);
    const url = new URL(instructions.upload.url);
    expect(url.hostname).toBe('tongban-materials.s3.cn-northwest-1.amazonaws.com.cn');
    expect(url.pathname).toBe(`/cases/${CASE_ID}/floor-plan/${instructions.uploadId}`);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('x-id')).toBe('PutObject');
    // No checksum parameters: a browser could not send the headers they would require.
    expect([...url.searchParams.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);
  });

  it('records the upload as pending before handing out the URL, with what was declared', async () => {
    const { body } = await ask({ ...floorPlan, fileName: 'C:\\fakepath\\平面图.pdf' });
    expect(db.get('cases', `CASE#${CASE_ID}`, `MATERIAL#floor-plan#${body.uploadId}`)).toMatchObject({
      status: 'pending',
      key: `cases/${CASE_ID}/floor-plan/${body.uploadId}`,
      fileName: '平面图.pdf',
      contentType: 'application/pdf',
      declaredSize: 48_213,
      requestedBy: 'citizen-zhang',
      expiresAt: expect.any(Number),
    });
  });

  it('gives every request its own upload', async () => {
    const first = await ask(floorPlan);
    const second = await ask(floorPlan);
    expect(first.body.uploadId).not.toBe(second.body.uploadId);
  });

  it("given someone else's case or no case, then the same 404, and nothing is recorded", async () => {
    const other = await ask(floorPlan, 'citizen-li');
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('CASE_NOT_FOUND');
    const missing = await respond(
      handler,
      apiRequest('POST /api/cases/{id}/materials', {
        pathParameters: { id: '11111111-2222-4333-8444-555555555555' },
        body: floorPlan,
      }),
    );
    expect(missing).toEqual({ status: 404, body: other.body });
    expect(db.items('cases').filter((i) => String(i.sk).startsWith('MATERIAL#'))).toEqual([]);
  });

  it.each([
    ['a type that is not accepted', { contentType: 'image/gif' }, 'TYPE_NOT_ALLOWED'],
    ['a file over 20 MB', { size: 20 * 1024 * 1024 + 1 }, 'TOO_LARGE'],
    ['an empty file', { size: 0 }, 'EMPTY'],
    ['a material the matter does not ask for', { materialId: 'diploma' }, 'MATERIAL_NOT_IN_MATTER'],
    ['a name that is only a folder', { fileName: 'scans/' }, 'FILE_NAME_INVALID'],
    ['a size that is not a whole number', { size: 1.5 }, 'VALIDATION_FAILED'],
  ])('given %s, then 400 %s in both languages', async (_, change, code) => {
    const { status, body } = await ask({ ...floorPlan, ...change });
    expect(status).toBe(400);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toEqual({ 'zh-CN': expect.any(String), en: expect.any(String) });
  });

  it('given a type and a size that are both wrong, then the details list both problems', async () => {
    const { body } = await ask({ ...floorPlan, contentType: 'video/mp4', size: 30 * 1024 * 1024 });
    expect(body.error.details.map((p: { code: string }) => p.code)).toEqual([
      'TYPE_NOT_ALLOWED',
      'TOO_LARGE',
    ]);
  });

  it('given a withdrawn case, then 409 CASE_CLOSED', async () => {
    db.put('cases', caseItem(aCase({ status: 'withdrawn' })));
    const { status, body } = await ask(floorPlan);
    expect(status).toBe(409);
    expect(body.error.code).toBe('CASE_CLOSED');
  });

  it('takes the materials of the version pinned to the case, not of a newer one', async () => {
    const v2 = ImplementationItem.parse({
      ...MATTER,
      materials: [
        ...MATTER.materials.filter((m) => m.id !== 'floor-plan'),
        {
          id: 'fire-safety',
          name: '消防安全检查合格证明',
          required: true,
          form: 'electronic',
          source: 'government',
        },
      ],
    });
    db.put('matters', matterVersion(2, '2026-02-01', v2));
    expect((await ask(floorPlan)).status).toBe(201);
    const newer = await ask({ ...floorPlan, materialId: 'fire-safety' });
    expect(newer.body.error.code).toBe('MATERIAL_NOT_IN_MATTER');
  });
});
