import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/http/routes.ts';
import { documents, localModel, physicalName } from '../support/assembly.ts';
import { uploadPdf } from '../support/cases.ts';
import { call, eventually, platformNow, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, licenceOf } from '../support/matters.ts';

// 出生登记 applied for by an agent (委托代理): the power of attorney is the one material to upload.
// The government certificates come as the e-licences 张伟 holds.
const GOVERNMENT = {
  'birth-certificate': '出生医学证明',
  'household-book': '居民户口簿',
  'parents-id-cards': '居民身份证',
  'agent-id-card': '居民身份证',
};

interface Record {
  action: string;
  at: string;
  from: string;
  to: string;
  reason?: string;
  actor: { subject: string; roles: string[] };
}

/** A case with its power of attorney uploaded and accepted, as its applicant and the police reviewer see it. */
async function caseWithAFile() {
  const citizen = await tokenFor('citizen');
  const { status, body } = await call('/api/cases', {
    method: 'POST',
    token: citizen,
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
  const id = body.id as string;
  await uploadPdf(citizen, id, 'power-of-attorney');
  await eventually(async () => {
    const { status: s } = await call(`/api/cases/${id}/materials/power-of-attorney`, { token: citizen });
    return s === 200 ? true : undefined;
  });
  const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
  return { id, citizen, reviewer };
}

const timelineOf = async (id: string, token: string) =>
  (await call(`/api/cases/${id}`, { token })).body.timeline as Record[];
const subjectOf = async (token: string) => (await call('/api/staff/me', { token })).body.subject as string;

describe("a case's audit trail (等保 level 3: who looked at personal data, and when)", () => {
  it('records a staff read of the case, which its holder sees, leaving the status as it was', async () => {
    // Given a case and the reviewer who handles it
    const { id, citizen, reviewer } = await caseWithAFile();
    const before = (await call(`/api/cases/${id}`, { token: citizen })).body.status;

    // When the reviewer opens it
    const read = await call(`/api/staff/cases/${id}`, { token: reviewer });
    expect(read.status).toBe(200);

    // Then its holder sees which department's reviewer looked, and when (never the reviewer's account, which
    // the audit trail keeps for the audit administrator), and the case is as it was
    const reads = (await timelineOf(id, citizen)).filter((r) => r.action === 'staff-read');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      actor: { subject: 'public-security', roles: ['reviewer'] },
      from: before,
      to: before,
    });
    expect(JSON.stringify(reads)).not.toContain(await subjectOf(reviewer));
    expect((await platformNow()).getTime() - Date.parse(reads[0]!.at)).toBeLessThan(60_000);
  });

  it("records every download of a material, the staff's and the holder's own, naming the material", async () => {
    const { id, citizen, reviewer } = await caseWithAFile();
    const path = `/api/staff/cases/${id}/materials/power-of-attorney`;
    expect((await call(path, { token: reviewer })).status).toBe(200);

    const downloads = (await timelineOf(id, citizen)).filter((r) => r.action === 'material-download');
    // The holder's own download (waiting for the check above) and the reviewer's.
    expect(downloads.map((r) => r.actor.roles[0])).toEqual(['citizen', 'reviewer']);
    expect(downloads.every((r) => r.reason?.includes('power-of-attorney'))).toBe(true);
  });

  it('records nothing for a staff member who may not read the case: the refusal comes first', async () => {
    const { id, citizen } = await caseWithAFile();
    const market = await tokenFor('reviewer', { user: 'reviewer-xian-market' });
    expect((await call(`/api/staff/cases/${id}`, { token: market })).status).toBe(404);
    expect((await timelineOf(id, citizen)).filter((r) => r.action === 'staff-read')).toEqual([]);
  });

  it('publishes the reads on the hub for the platform’s audit, as Case Read By Staff', async () => {
    const { id, reviewer } = await caseWithAFile();
    await call(`/api/staff/cases/${id}`, { token: reviewer });
    const events = await eventually(async () => {
      const { body } = await call('/local/events?bus=tongban-dev-hub');
      const found = (body.events as { detailType: string; detail: { caseId: string } }[]).filter(
        (e) => e.detailType === 'Case Read By Staff' && e.detail.caseId === id,
      );
      return found.length ? found : undefined;
    });
    expect(events).toHaveLength(1);
  });
});

describe('the audit trail as a hash chain (tamper evidence)', () => {
  it('shows the first broken link once a stored record is changed or removed', async () => {
    const { id, reviewer } = await caseWithAFile();
    await call(`/api/staff/cases/${id}`, { token: reviewer });
    const auditor = await tokenFor('audit-admin');
    const before = (await call(`/api/audit/cases/${id}`, { token: auditor })).body;
    expect(before.chain.intact).toBe(true);
    expect(before.records.map((r: { link: { n: number } }) => r.link.n)).toEqual(
      before.records.map((_: unknown, i: number) => i + 1),
    );

    // Someone with write access to the table rewrites the reason of the second record …
    const table = physicalName(localModel(), 'AWS::DynamoDB::Table', 'CasesTable');
    const { Items = [] } = await documents().send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
        ExpressionAttributeValues: { ':pk': `CASE#${id}`, ':event': 'EVENT#' },
      }),
    );
    const second = Items.find((i) => i.link?.n === 2)!;
    await documents().send(
      new PutCommand({
        TableName: table,
        Item: { ...second, record: { ...second.record, reason: '改过的 / changed' } },
      }),
    );
    const changed = (await call(`/api/audit/cases/${id}`, { token: auditor })).body;
    expect(changed.chain).toMatchObject({ intact: false, brokenAt: 2 });

    // … or, put back, deletes the last one.
    await documents().send(new PutCommand({ TableName: table, Item: second }));
    const last = Items.reduce((a, b) => (a.link.n > b.link.n ? a : b));
    await documents().send(new DeleteCommand({ TableName: table, Key: { pk: last.pk, sk: last.sk } }));
    const removed = (await call(`/api/audit/cases/${id}`, { token: auditor })).body;
    expect(removed.chain).toMatchObject({ intact: false, brokenAt: last.link.n });
    await documents().send(new PutCommand({ TableName: table, Item: last }));
    expect((await call(`/api/audit/cases/${id}`, { token: auditor })).body.chain.intact).toBe(true);
  });
});

describe('the audit administrator (安全审计员, 三员分立)', () => {
  it("reads a case's audit records: changes, reads and downloads, with who and when", async () => {
    const { id, reviewer } = await caseWithAFile();
    await call(`/api/staff/cases/${id}`, { token: reviewer });
    const auditor = await tokenFor('audit-admin');

    const { status, body } = await call(`/api/audit/cases/${id}`, { token: auditor });

    expect(status).toBe(200);
    expect(body.caseId).toBe(id);
    const actions = (body.records as Record[]).map((r) => r.action);
    expect(actions[0]).toBe('submit');
    expect(actions).toEqual(expect.arrayContaining(['staff-read', 'material-download']));
    // Nothing of the case itself: no applicant, no uploads.
    expect(Object.keys(body).sort()).toEqual(['caseId', 'chain', 'records']);
    expect(body.chain).toEqual({ intact: true, records: body.records.length });
  });

  it('reads nothing else: every other route answers 403 (or 401 where citizens’ tokens are required)', async () => {
    const auditor = await tokenFor('audit-admin');
    const { id } = await caseWithAFile();
    const path = (p: string) =>
      p
        .replace('{id}', id)
        .replace('{materialId}', 'power-of-attorney')
        .replace(/\{[^}]+\}/g, 'x');
    const others = ROUTES.filter(
      (r) => r.auth === 'staff' && r.path !== '/api/audit/cases/{id}' && r.path !== '/api/staff/me',
    );
    expect(others.length).toBeGreaterThan(10);
    for (const route of others) {
      const { status } = await call(path(route.path), {
        method: route.method,
        token: auditor,
        ...(route.method === 'GET' ? {} : { body: '{}' }),
      });
      expect(status, `${route.method} ${route.path}`).toBe(403);
    }
    for (const route of ROUTES.filter((r) => r.auth === 'citizens')) {
      const { status } = await call(path(route.path), { method: route.method, token: auditor });
      expect(status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('is refused to anyone else, the system administrator included', async () => {
    const { id } = await caseWithAFile();
    for (const role of ['admin', 'security-admin', 'supervisor', 'reviewer']) {
      const { status } = await call(`/api/audit/cases/${id}`, { token: await tokenFor(role) });
      expect(status, role).toBe(403);
    }
  });
});
