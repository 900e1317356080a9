import { randomUUID } from 'node:crypto';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import { caseOf, statusBecomes, submit, taskFor } from '../support/cases.ts';
import { call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';

const XIAN_BUS = 'tongban-dev-610100';

const eventBridge = () =>
  new EventBridgeClient({
    ...LOCAL_ACCOUNT,
    credentials: LOCAL_CREDENTIALS,
    endpoint: inject('endpoints').aws,
  });

/** What a department system puts on its region's bus. */
async function put(source: string, detailType: string, detail: object, bus = XIAN_BUS) {
  const { FailedEntryCount } = await eventBridge().send(
    new PutEventsCommand({
      Entries: [
        { EventBusName: bus, Source: source, DetailType: detailType, Detail: JSON.stringify(detail) },
      ],
    }),
  );
  expect(FailedEntryCount).toBe(0);
}

/** The Review Requested event a department system receives on its bus for a case. */
const reviewRequested = (caseId: string, step: string) =>
  eventually(async () => {
    const { body } = await call(`/local/events?bus=${XIAN_BUS}`);
    return body.events.find(
      (e: { detailType: string; detail: { caseId: string; step: string } }) =>
        e.detailType === 'Review Requested' && e.detail.caseId === caseId && e.detail.step === step,
    );
  });

const answer = (request: { detail: { taskId: string; caseId: string } }, extra: object = {}) => ({
  schemaVersion: '1.0',
  idempotencyKey: `ps-system-${randomUUID()}`,
  taskId: request.detail.taskId,
  caseId: request.detail.caseId,
  department: 'public-security',
  region: '610100',
  outcome: 'approve',
  reviewer: { id: 'ps-0042', name: '审查员甲' },
  decidedAt: new Date().toISOString(),
  ...extra,
});

async function failures() {
  const admin = await tokenFor('admin');
  const { status, body } = await call('/api/integrations/failures?limit=50', { token: admin });
  expect(status).toBe(200);
  return body.items as { reason: { code: string }; detail: { idempotencyKey?: string } }[];
}

describe('department systems over EventBridge (审批部门对接)', () => {
  it('learn of a review task from its event, and decide it with an answer event, once however often it comes', async () => {
    const citizen = await tokenFor('citizen');
    const id = await submit(citizen, { implementationCode: BIRTH_REGISTRATION, materials: E_LICENCES });
    const request = await reviewRequested(id, 'review');
    expect(request.detail).toMatchObject({
      caseId: id,
      department: 'public-security',
      handlingRegion: '610100',
    });
    expect(JSON.stringify(request)).not.toMatch(/token/i);

    const decision = answer(request);
    await put('tongban.departments', 'Review Decision Submitted', decision);
    await reviewRequested(id, 'decision');
    await put('tongban.departments', 'Review Decision Submitted', decision);

    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const next = await taskFor(reviewer, id, 'decision');
    expect(next.status).toBe('open');
    // The applicant is told the department acted; its staff see which system it was.
    const c = await caseOf(citizen, id);
    const steps = c.timeline.filter((r: { action: string }) => r.action === 'next-step');
    expect(steps).toHaveLength(1);
    expect(steps[0].actor.subject).toBe('public-security');
    const seen = (await call(`/api/staff/cases/${id}`, { token: reviewer })).body;
    const staffSteps = seen.timeline.filter((r: { action: string }) => r.action === 'next-step');
    expect(staffSteps[0].actor.subject).toBe('department:public-security:ps-0042');
    expect((await failures()).some((f) => f.detail.idempotencyKey === decision.idempotencyKey)).toBe(false);
  });

  it('changes nothing for an invalid or unmatched answer, and lists it for administrators with the reason', async () => {
    const citizen = await tokenFor('citizen');
    const id = await submit(citizen, { implementationCode: BIRTH_REGISTRATION, materials: E_LICENCES });
    const request = await reviewRequested(id, 'review');

    const malformed = answer(request, { outcome: 'deny' }); // a denial without its reason
    const foreign = answer(request, { department: 'market-regulation' });
    const unknown = answer(request, { taskId: randomUUID() });
    for (const detail of [malformed, foreign, unknown]) {
      await put('tongban.departments', 'Review Decision Submitted', detail);
    }
    const listed = await eventually(async () => {
      const all = await failures();
      const mine = [malformed, foreign, unknown].map((a) =>
        all.find((f) => f.detail.idempotencyKey === a.idempotencyKey),
      );
      return mine.every(Boolean) ? mine : undefined;
    });
    expect(listed.map((f) => f!.reason.code)).toEqual([
      'ANSWER_INVALID',
      'TASK_OF_ANOTHER_DEPARTMENT',
      'TASK_NOT_FOUND',
    ]);
    const c = await statusBecomes(citizen, id, 'under-review');
    expect(c.timeline.map((r: { action: string }) => r.action)).not.toContain('next-step');
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    expect((await taskFor(reviewer, id, 'review')).status).toBe('open');
  });

  it('keeps answers out of the administrators list for anyone but an administrator', async () => {
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    expect((await call('/api/integrations/failures', { token: reviewer })).status).toBe(403);
  });
});
