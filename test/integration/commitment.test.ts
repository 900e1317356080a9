import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, eventually, tokenFor } from '../support/local.ts';
import { licenceOf } from '../support/matters.ts';

// 个体工商户设立登记 in Xi'an: the applicant may commit (告知承诺) to having premises instead of proving it.
// In Baoji, for 李娜: the false commitment goes on her credit record, which no other test's applicant shares.
const SOLE_TRADER = '000109004000610300';
const LI = '61030219881125002X';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');

async function caseOf(token: string, id: string) {
  return (await call(`/api/cases/${id}`, { token })).body;
}

async function until(token: string, id: string, status: string) {
  return eventually(async () => {
    const c = await caseOf(token, id);
    return c.status === status ? c : undefined;
  }, 20_000);
}

describe('告知承诺: approved on a commitment, verified afterwards', () => {
  it('revokes the decision when the commitment proves false, records the applicant and tells the regulators', async () => {
    const citizen = await tokenFor('citizen', { user: 'citizen-li' });
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-baoji-market' });
    const created = await call('/api/cases', {
      method: 'POST',
      token: citizen,
      headers: { 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        implementationCode: SOLE_TRADER,
        commitment: true,
        materials: [
          { materialId: 'id-card', by: 'e-licence', licenceId: licenceOf('居民身份证', LI) },
          { materialId: 'premises', by: 'commitment' },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await until(citizen, id, 'correction-requested');

    const asked = await call(`/api/cases/${id}/materials`, {
      method: 'POST',
      token: citizen,
      body: JSON.stringify({
        materialId: 'application-form',
        fileName: '申请书.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
      }),
    });
    await fetch(asked.body.upload.url, { method: 'PUT', headers: asked.body.upload.headers, body: PDF });
    await eventually(async () => {
      const c = await caseOf(citizen, id);
      return c.uploads.some((u: { status: string }) => u.status === 'accepted') ? true : undefined;
    });
    await call(`/api/cases/${id}/supplements`, {
      method: 'POST',
      token: citizen,
      body: JSON.stringify({
        materials: [{ materialId: 'application-form', by: 'upload', fileKey: asked.body.fileKey }],
      }),
    });

    // Every review step approves; the case concludes with its verification due.
    for (;;) {
      const c = await caseOf(citizen, id);
      if (c.status === 'concluded') break;
      const { body } = await call('/api/tasks?limit=50', { token: reviewer });
      const task = body.items.find((t: { caseId: string }) => t.caseId === id);
      if (task)
        await call(`/api/tasks/${task.id}/decision`, {
          method: 'POST',
          token: reviewer,
          body: '{"outcome":"approve"}',
        });
      else await new Promise((r) => setTimeout(r, 100));
    }
    const concluded = await caseOf(citizen, id);
    expect(concluded.obligations).toEqual([
      expect.objectContaining({ kind: 'verification', status: 'open', materialIds: ['premises'] }),
    ]);

    const stranger = await tokenFor('reviewer', { user: 'reviewer-xian-market' });
    const verifyAs = (token: string, body: object) =>
      call(`/api/cases/${id}/verification`, { method: 'POST', token, body: JSON.stringify(body) });
    // Another department's reviewer is told nothing of the case: as if it did not exist.
    expect((await verifyAs(stranger, { truthful: false, note: '越权' })).status).toBe(404);
    expect((await verifyAs(reviewer, { truthful: false })).status).toBe(400);

    const revoked = await verifyAs(reviewer, { truthful: false, note: '现场核查：经营场所不存在' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect((await verifyAs(reviewer, { truthful: true })).status).toBe(409);

    const notice = await eventually(async () => {
      const { body } = await call('/local/events?bus=tongban-dev-610300');
      return body.events.find(
        (e: { detailType: string; detail: { caseId?: string } }) =>
          e.detailType === 'False Commitment Recorded' && e.detail.caseId === id,
      );
    });
    expect(notice.detail).toMatchObject({
      type: 'commitment-revoked',
      materialIds: ['premises'],
      applicant: { name: '李*' },
    });
  });
});
