import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';

// The same matter in Baoji.
const BAOJI_BIRTH_REGISTRATION = '000707001000610300';
// 义务教育阶段新生入学登记 in Baoji: tied to the school district, received only there.
const BAOJI_SCHOOL_ENROLMENT = '002001001000610300';
// 张伟, as in infra/local/identity/demo-users.ts: the number shown at the counter.
const ZHANG_ID_NUMBER = '610104199003071230';

const forZhang = (implementationCode = BIRTH_REGISTRATION) => ({
  implementationCode,
  materials: E_LICENCES,
  onBehalfOf: { kind: 'person', name: '张伟', idNumber: ZHANG_ID_NUMBER, phone: '13812345678' },
});

function takeIn(token: string, body: object, key: string = randomUUID()) {
  return call('/api/window/cases', {
    method: 'POST',
    token,
    headers: { 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

/** Every case id of a paginated list, following its cursors. */
async function idsIn(path: string, token: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await call(`${path}?limit=50${cursor ? `&cursor=${cursor}` : ''}`, { token });
    expect(status).toBe(200);
    ids.push(...body.items.map((c: { id: string }) => c.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

let windowXian: string;
let windowSubject: string;
beforeAll(async () => {
  windowXian = await tokenFor('window', { user: 'window-xian' });
  windowSubject = (await call('/api/staff/me', { token: windowXian })).body.subject;
});

describe('taking in a case at the window (POST /api/window/cases)', () => {
  it('takes in 出生登记 for 张伟 by his ID number: an assisted case, the window recorded, his data masked', async () => {
    const { status, body } = await takeIn(windowXian, forZhang());
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: 'submitted',
      assisted: true,
      matter: { implementationCode: BIRTH_REGISTRATION, version: 1 },
      applicant: { kind: 'person', name: '张*', phone: '138****5678' },
      intake: { channel: 'window', staff: windowSubject, region: '610100' },
    });
    expect(JSON.stringify(body)).not.toContain(ZHANG_ID_NUMBER);
  });

  it('lists the case among those the window took in, newest first', async () => {
    const { body: first } = await takeIn(windowXian, forZhang());
    const { body: second } = await takeIn(windowXian, forZhang());
    const { body: page } = await call('/api/window/cases?limit=2', { token: windowXian });
    expect(page.items.map((c: { id: string }) => c.id)).toEqual([second.id, first.id]);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(await idsIn('/api/window/cases', windowXian)).toContain(first.id);
  });

  it("is 张伟's case once he signs in: in his list and readable by him, while 李娜 gets a 404", async () => {
    const { body: created } = await takeIn(windowXian, forZhang());
    const zhang = await tokenFor('citizen', { user: 'citizen-zhang' });
    expect(await idsIn('/api/cases', zhang)).toContain(created.id);
    const his = await call(`/api/cases/${created.id}`, { token: zhang });
    expect(his.status).toBe(200);
    expect(his.body).toMatchObject({ id: created.id, assisted: true, applicant: { name: '张*' } });

    const li = await tokenFor('citizen', { user: 'citizen-li' });
    expect(await idsIn('/api/cases', li)).not.toContain(created.id);
    const hers = await call(`/api/cases/${created.id}`, { token: li });
    const missing = await call(`/api/cases/${randomUUID()}`, { token: li });
    expect(hers.status).toBe(404);
    expect(hers.body.error.code).toBe(missing.body.error.code);
  });

  it('runs the approval workflow of the case: complete with e-licences, it is accepted', async () => {
    const { body: created } = await takeIn(windowXian, forZhang());
    const accepted = await eventually(async () => {
      const { body } = await call(`/api/staff/cases/${created.id}`, { token: windowXian });
      return ['accepted', 'under-review'].includes(body.status) ? body : undefined;
    });
    expect(accepted.timeline.map((r: { action: string }) => r.action)).toContain('accept');
  });

  it('answers an ID number with a wrong check character with 400 ID_NUMBER_INVALID', async () => {
    const { status, body } = await takeIn(windowXian, {
      ...forZhang(),
      onBehalfOf: { kind: 'person', name: '张伟', idNumber: '610104199003071231' },
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('ID_NUMBER_INVALID');
  });

  it('refuses a reviewer with 403: only window staff take cases in', async () => {
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const { status, body } = await takeIn(reviewer, forZhang());
    expect(status).toBe(403);
    expect(body.error.code).toBe('FORBIDDEN');
  });

  it('creates one case for the same Idempotency-Key sent twice', async () => {
    const key = randomUUID();
    const [first, second] = await Promise.all([
      takeIn(windowXian, forZhang(), key),
      takeIn(windowXian, forZhang(), key),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(second.body.id).toBe(first.body.id);
    const taken = await idsIn('/api/window/cases', windowXian);
    expect(taken.filter((id) => id === first.body.id)).toHaveLength(1);
  });

  it("takes in Baoji's 出生登记, which is 全省通办: handled in Baoji, received in Xi'an", async () => {
    const { status, body } = await takeIn(windowXian, forZhang(BAOJI_BIRTH_REGISTRATION));
    expect(status).toBe(201);
    expect(body).toMatchObject({ handling: { region: '610300' }, intake: { region: '610100' } });
  });

  it("refuses Baoji's school enrolment, received only in Baoji, with 403 naming the scope", async () => {
    const { status, body } = await takeIn(windowXian, {
      implementationCode: BAOJI_SCHOOL_ENROLMENT,
      onBehalfOf: { kind: 'person', name: '张伟', idNumber: ZHANG_ID_NUMBER },
    });
    expect(status).toBe(403);
    expect(body.error.code).toBe('OUTSIDE_CROSS_REGION_SCOPE');
  });
});

describe('a staff view of one case (GET /api/staff/cases/{id})', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await takeIn(windowXian, forZhang())).body.id;
  });

  it('shows the window that took it in the case with its timeline and uploads, personal data masked', async () => {
    const { status, body } = await call(`/api/staff/cases/${caseId}`, { token: windowXian });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: caseId,
      applicant: { name: '张*', phone: '138****5678' },
      intake: { staff: windowSubject },
      uploads: [],
    });
    expect(body.timeline[0]).toMatchObject({ action: 'submit', actor: { subject: windowSubject } });
    expect(JSON.stringify(body)).not.toContain(ZHANG_ID_NUMBER);
  });

  it("shows it to reviewers of the handling department and region, and to Xi'an's supervisor", async () => {
    for (const [role, user] of [
      ['reviewer', 'reviewer-xian-police'],
      ['supervisor', 'supervisor-xian'],
      ['admin', 'admin-province'],
    ]) {
      const { status } = await call(`/api/staff/cases/${caseId}`, { token: await tokenFor(role!, { user }) });
      expect(status, user).toBe(200);
    }
  });

  it('answers a reviewer of another department or region exactly as for a case that does not exist', async () => {
    const missing = await call(`/api/staff/cases/${randomUUID()}`, { token: windowXian });
    expect(missing.status).toBe(404);
    for (const user of ['reviewer-xian-market', 'reviewer-baoji-market']) {
      const { status, body } = await call(`/api/staff/cases/${caseId}`, {
        token: await tokenFor('reviewer', { user }),
      });
      expect(status, user).toBe(404);
      expect({ ...body.error, requestId: undefined }).toEqual({
        ...missing.body.error,
        requestId: undefined,
      });
    }
  });
});
