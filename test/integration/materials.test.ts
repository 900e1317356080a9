import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PDF } from '../support/cases.ts';
import { call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, licenceOf } from '../support/matters.ts';

// 出生登记 applied for by an agent (委托代理): the power of attorney is the one material to upload.
/** Its government certificates, each offered as the e-licence of its type that 张伟 holds. */
const GOVERNMENT = {
  'birth-certificate': '出生医学证明',
  'household-book': '居民户口簿',
  'parents-id-cards': '居民身份证',
  'agent-id-card': '居民身份证',
};
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

async function agentApplication(token: string) {
  const { status, body } = await call('/api/cases', {
    method: 'POST',
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      implementationCode: BIRTH_REGISTRATION,
      situations: ['agent'],
      materials: Object.entries(GOVERNMENT).map(([materialId, type]) => ({
        materialId,
        by: 'e-licence',
        licenceId: licenceOf(type),
      })),
    }),
  });
  expect(status).toBe(201);
  return body.id as string;
}

async function upload(token: string, caseId: string, bytes: Buffer, contentType: string) {
  const asked = await call(`/api/cases/${caseId}/materials`, {
    method: 'POST',
    token,
    body: JSON.stringify({
      materialId: 'power-of-attorney',
      fileName: '授权委托书.pdf',
      contentType,
      size: bytes.length,
    }),
  });
  expect(asked.status).toBe(201);
  const { url, method, headers } = asked.body.upload;
  const put = await fetch(url, { method, headers, body: bytes });
  expect(put.status).toBe(200);
  return asked.body.fileKey as string;
}

describe('materials: upload limited by type and size, checked after upload', () => {
  it('accepts a real PDF, records its SHA-256, and the supplement lets the case go on to review', async () => {
    const citizen = await tokenFor('citizen');
    const id = await agentApplication(citizen);
    const notified = await eventually(async () => {
      const c = (await call(`/api/cases/${id}`, { token: citizen })).body;
      return c.status === 'correction-requested' ? c : undefined;
    });
    expect(notified.notices[0].items.map((i: { materialId: string }) => i.materialId)).toEqual([
      'power-of-attorney',
    ]);

    const fileKey = await upload(citizen, id, PDF, 'application/pdf');
    const checked = await eventually(async () => {
      const { status, body } = await call(`/api/cases/${id}/materials/power-of-attorney`, { token: citizen });
      return status === 200 ? body : undefined;
    });
    expect(checked.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const downloaded = await fetch(checked.download.url);
    expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(PDF);

    const supplemented = await call(`/api/cases/${id}/supplements`, {
      method: 'POST',
      token: citizen,
      body: JSON.stringify({ materials: [{ materialId: 'power-of-attorney', by: 'upload', fileKey }] }),
    });
    expect(supplemented.status).toBe(200);
    const underReview = await eventually(async () => {
      const c = (await call(`/api/cases/${id}`, { token: citizen })).body;
      return c.status === 'under-review' ? c : undefined;
    });
    expect(underReview.timeline.map((r: { to: string }) => r.to)).toContain('accepted');
    // Accepted today: the clock runs against the promised limit, nothing used yet.
    expect(underReview.clock).toMatchObject({ usedDays: 0, status: 'green' });
    expect(underReview.clock.remainingDays).toBe(underReview.clock.limitDays);
  });

  it('deletes a file whose content is not the declared type, and never serves it', async () => {
    const citizen = await tokenFor('citizen');
    const id = await agentApplication(citizen);
    await upload(citizen, id, PNG, 'application/pdf');
    const rejected = await eventually(async () => {
      const c = (await call(`/api/cases/${id}`, { token: citizen })).body;
      return c.uploads.find((u: { status: string }) => u.status === 'rejected');
    });
    expect(rejected.reasons.map((r: { code: string }) => r.code)).toContain('TYPE_MISMATCH');
    expect(rejected.reasons[0].message['zh-CN']).toBeTruthy();
    const { status, body } = await call(`/api/cases/${id}/materials/power-of-attorney`, { token: citizen });
    expect(status).toBe(404);
    expect(body.error.code).toBe('MATERIAL_NOT_FOUND');
  });

  it('refuses an upload larger than the limit, or of a type that is not allowed, before any URL is given', async () => {
    const citizen = await tokenFor('citizen');
    const id = await agentApplication(citizen);
    const ask = (contentType: string, size: number) =>
      call(`/api/cases/${id}/materials`, {
        method: 'POST',
        token: citizen,
        body: JSON.stringify({ materialId: 'power-of-attorney', fileName: 'x', contentType, size }),
      });
    expect((await ask('application/pdf', 21 * 1024 * 1024)).body.error.code).toBe('TOO_LARGE');
    expect((await ask('application/zip', 100)).body.error.code).toBe('TYPE_NOT_ALLOWED');
  });

  it("gives no upload URL for someone else's case", async () => {
    const id = await agentApplication(await tokenFor('citizen', { user: 'citizen-zhang' }));
    const other = await tokenFor('citizen', { user: 'citizen-li' });
    const { status } = await call(`/api/cases/${id}/materials`, {
      method: 'POST',
      token: other,
      body: JSON.stringify({
        materialId: 'power-of-attorney',
        fileName: 'x.pdf',
        contentType: 'application/pdf',
        size: 10,
      }),
    });
    expect(status).toBe(404);
  });

  it("lets the case's reviewers download its files, and no reviewer of another department", async () => {
    const citizen = await tokenFor('citizen');
    const id = await agentApplication(citizen);
    await upload(citizen, id, PDF, 'application/pdf');
    await eventually(async () => {
      const { status } = await call(`/api/cases/${id}/materials/power-of-attorney`, { token: citizen });
      return status === 200 ? true : undefined;
    });
    const path = `/api/staff/cases/${id}/materials/power-of-attorney`;

    const police = await call(path, { token: await tokenFor('reviewer', { user: 'reviewer-xian-police' }) });
    expect(police.status).toBe(200);
    const file = await fetch(police.body.download.url);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF);
    const market = await call(path, { token: await tokenFor('reviewer', { user: 'reviewer-xian-market' }) });
    // Staff who may not read the case are told nothing of it: the same 404 as for a case that does not exist.
    expect(market.status).toBe(404);
    // A citizen's token is not accepted on the staff route at all.
    expect((await call(path, { token: citizen })).status).toBe(401);
  });
});
