import { GetScheduleCommand, ResourceNotFoundException, SchedulerClient } from '@aws-sdk/client-scheduler';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import {
  approveAll,
  caseOf,
  decide,
  statusBecomes,
  submit,
  supplement,
  taskFor,
  uploadPdf,
} from '../support/cases.ts';
import { call, eventually, tokenFor } from '../support/local.ts';

// 食品经营许可 in Xi'an (market regulation): the food-safety rules may be supplied after acceptance (容缺); the
// application form, the layout and (张伟 holding no e-licence of it) the business licence are uploaded.
const FOOD_BUSINESS = '000109005000610100';

const scheduler = () =>
  new SchedulerClient({
    ...LOCAL_ACCOUNT,
    credentials: LOCAL_CREDENTIALS,
    endpoint: inject('endpoints').aws,
  });

async function scheduleOf(name: string) {
  try {
    return await scheduler().send(new GetScheduleCommand({ Name: name }));
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** Waits until an uploaded file was checked and attached, as the pre-check reads it. */
const checked = (token: string, caseId: string, materialId: string) =>
  eventually(async () => {
    const { status } = await call(`/api/cases/${caseId}/materials/${materialId}`, { token });
    return status === 200 ? true : undefined;
  });

/** Applies with 容缺, uploads the core materials the one-time notice asks for, and is accepted with an obligation. */
async function acceptedWithTolerance(citizen: string) {
  const id = await submit(citizen, {
    implementationCode: FOOD_BUSINESS,
    tolerance: true,
    materials: [],
  });
  const notified = await statusBecomes(citizen, id, 'correction-requested');
  expect(notified.notices[0].items.map((i: { materialId: string }) => i.materialId)).toEqual(
    expect.arrayContaining(['application-form', 'layout']),
  );
  const uploads = [];
  for (const material of ['application-form', 'business-licence', 'layout']) {
    uploads.push(await uploadPdf(citizen, id, material));
    await checked(citizen, id, material);
  }
  expect((await supplement(citizen, id, uploads)).status).toBe(200);
  const accepted = await statusBecomes(citizen, id, 'under-review');
  expect(accepted.obligations).toEqual([
    expect.objectContaining({ kind: 'material', materialId: 'safety-rules', status: 'open' }),
  ]);
  return { id, deadline: accepted.obligations[0].deadline as string };
}

describe('容缺: accepted with a deferred material, which must come in time', () => {
  it('holds the result back until the deferred material is supplied, then concludes', async () => {
    const citizen = await tokenFor('citizen');
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-market' });
    const { id, deadline } = await acceptedWithTolerance(citizen);
    const planned = await eventually(() => scheduleOf(`case-${id}-obligations`));
    // Checked as the day after the deadline begins, in China.
    expect(planned.ScheduleExpression).toMatch(/^at\(\d{4}-\d{2}-\d{2}T00:00:00\)$/);
    expect(planned.ScheduleExpression! > `at(${deadline}`).toBe(true);
    expect(planned.ScheduleExpressionTimezone).toBe('Asia/Shanghai');

    await approveAll(reviewer, id, ['review', 'decision']);
    const last = await taskFor(reviewer, id, 'issuance');
    const held = await decide(reviewer, last.id, 'approve');
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('OBLIGATIONS_OPEN');

    const rules = await uploadPdf(citizen, id, 'safety-rules');
    await checked(citizen, id, 'safety-rules');
    const supplied = await supplement(citizen, id, [rules]);
    expect(supplied.status, JSON.stringify(supplied.body)).toBe(200);
    expect(supplied.body.obligations[0]).toMatchObject({ materialId: 'safety-rules', status: 'supplied' });
    // Nothing is awaited any more: the timer is gone.
    await eventually(async () => ((await scheduleOf(`case-${id}-obligations`)) ? undefined : true));

    expect((await decide(reviewer, last.id, 'approve')).status).toBe(200);
    const concluded = await statusBecomes(citizen, id, 'concluded');
    expect(concluded.timeline.map((r: { action: string }) => r.action)).toContain('supply-material');
  });

  it('terminates the case when the deadline passes without the material, and closes its review', async () => {
    // 赵磊: the missed deadline goes on his credit record, which no other test's applicant shares.
    const citizen = await tokenFor('citizen', { user: 'citizen-zhao' });
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-market' });
    const { id, deadline } = await acceptedWithTolerance(citizen);
    const task = await taskFor(reviewer, id, 'review');

    // The day after the deadline comes (local mode's fast-forward fires the schedule as at its time).
    await eventually(async () => {
      const { status } = await call('/local/fast-forward', {
        method: 'POST',
        body: JSON.stringify({ schedule: { name: `case-${id}-obligations` } }),
      });
      return status === 202 ? true : undefined;
    });
    const terminated = await statusBecomes(citizen, id, 'terminated');
    expect(terminated.timeline.at(-1)).toMatchObject({ action: 'terminate', actor: { subject: 'system' } });
    expect(terminated.timeline.at(-1).reason).toContain(deadline);
    expect((await decide(reviewer, task.id, 'approve')).status).toBe(409);
    const c = await caseOf(citizen, id);
    expect(c.clock).toBeUndefined();
  });
});
