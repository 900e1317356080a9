import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION } from '../support/matters.ts';

async function apply(token: string, key: string, body: object = { implementationCode: BIRTH_REGISTRATION }) {
  return call('/api/cases', {
    method: 'POST',
    token,
    headers: { 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

describe('applying for a matter (POST /api/cases)', () => {
  it('submits a case with the version in force pinned, and lists it among mine', async () => {
    const token = await tokenFor('citizen');
    const { status, body } = await apply(token, randomUUID());
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: 'submitted',
      matter: { implementationCode: BIRTH_REGISTRATION, version: 1 },
    });
    expect(body.applicant).toEqual({ kind: 'person', name: '张*' });

    const mine = await call('/api/cases?limit=50', { token });
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(body.id);
    const one = await call(`/api/cases/${body.id}`, { token });
    expect(one.body.timeline[0]).toMatchObject({ from: 'draft', to: 'submitted', action: 'submit' });

    // The audit record's event reaches the bus of the handling region through the outbox.
    const routed = await eventually(async () => {
      const { body: log } = await call('/local/events?bus=tongban-dev-610100');
      return log.events.find((e: { detail: { caseId?: string } }) => e.detail.caseId === body.id);
    });
    expect(routed).toMatchObject({
      detailType: 'Case Submitted',
      detail: { handlingRegion: '610100', to: 'submitted' },
    });
    expect(JSON.stringify(routed)).not.toContain('张伟');
  });

  it('creates one case for the same Idempotency-Key and body, sent twice', async () => {
    const token = await tokenFor('citizen');
    const key = randomUUID();
    const [first, second] = await Promise.all([apply(token, key), apply(token, key)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(second.body.id).toBe(first.body.id);
  });

  it('answers 409 when the same Idempotency-Key comes with another body', async () => {
    const token = await tokenFor('citizen');
    const key = randomUUID();
    expect((await apply(token, key)).status).toBe(201);
    const other = await apply(token, key, {
      implementationCode: BIRTH_REGISTRATION,
      situations: ['x-other'],
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('requires an Idempotency-Key', async () => {
    const token = await tokenFor('citizen');
    const { status, body } = await call('/api/cases', {
      method: 'POST',
      token,
      body: JSON.stringify({ implementationCode: BIRTH_REGISTRATION }),
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it("refuses a citizen's application on someone else's behalf; that is the window's job", async () => {
    const token = await tokenFor('citizen');
    const { status, body } = await apply(token, randomUUID(), {
      implementationCode: BIRTH_REGISTRATION,
      onBehalfOf: { kind: 'person', name: '王五', idNumber: '610104199003071231' },
    });
    expect(status).toBe(400);
    expect(body.error.details.map((d: { code: string }) => d.code)).toContain('ON_BEHALF_NOT_ALLOWED');
  });

  it('answers malformed JSON and unknown fields with 400, never 500', async () => {
    const token = await tokenFor('citizen');
    const bad = await call('/api/cases', {
      method: 'POST',
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: '{',
    });
    expect(bad.status).toBe(400);
    const unknown = await apply(token, randomUUID(), { implementationCode: BIRTH_REGISTRATION, admin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('a case belongs to its applicant', () => {
  it("answers another citizen's request for it with 404, revealing nothing", async () => {
    const { body: created } = await apply(await tokenFor('citizen', { user: 'citizen-zhang' }), randomUUID());
    const other = await tokenFor('citizen', { user: 'citizen-li' });
    const read = await call(`/api/cases/${created.id}`, { token: other });
    const missing = await call(`/api/cases/${randomUUID()}`, { token: other });
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe(missing.body.error.code);
    const withdraw = await call(`/api/cases/${created.id}/withdraw`, {
      method: 'POST',
      token: other,
      body: JSON.stringify({ reason: '不是我的' }),
    });
    expect(withdraw.status).toBe(404);
  });

  it('lets the applicant withdraw before a decision, once', async () => {
    const token = await tokenFor('citizen');
    const { body: created } = await apply(token, randomUUID());
    const withdraw = () =>
      call(`/api/cases/${created.id}/withdraw`, {
        method: 'POST',
        token,
        body: JSON.stringify({ reason: '材料准备不全' }),
      });
    const first = await withdraw();
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('withdrawn');
    const again = await withdraw();
    expect(again.status).toBe(409);
  });
});
