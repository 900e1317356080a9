import { randomUUID } from 'node:crypto';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { localModel, physicalName, stepFunctions } from '../support/assembly.ts';
import { call, eventually, tokenFor } from '../support/local.ts';

// 出生登记 in Xi'an, decided by public security: every required material is a government certificate, so an
// application that offers their e-licences (免证办) is complete.
const BIRTH_REGISTRATION = '000707001000610100';
const E_LICENCES = ['birth-certificate', 'household-book', 'parents-id-cards'].map((materialId) => ({
  materialId,
  by: 'e-licence',
  licenceId: `1.2.156.3005.2.${materialId}`,
}));

async function submit(token: string, materials: object[]) {
  const { status, body } = await call('/api/cases', {
    method: 'POST',
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: JSON.stringify({ implementationCode: BIRTH_REGISTRATION, materials }),
  });
  expect(status).toBe(201);
  return body.id as string;
}

const caseOf = async (token: string, id: string) => (await call(`/api/cases/${id}`, { token })).body;

/** The open task of a case in the reviewer's inbox, looking through every page (other tests fill it too). */
async function taskFor(reviewer: string, caseId: string, step?: string) {
  return eventually(async () => {
    let cursor: string | undefined;
    do {
      const { body } = await call(`/api/tasks?limit=50${cursor ? `&cursor=${cursor}` : ''}`, {
        token: reviewer,
      });
      const task = body.items.find(
        (t: { caseId: string; step: string }) => t.caseId === caseId && (!step || t.step === step),
      );
      if (task) return task;
      cursor = body.nextCursor;
    } while (cursor);
    return undefined;
  });
}

async function decide(reviewer: string, taskId: string, outcome: 'approve' | 'deny', reason?: string) {
  return call(`/api/tasks/${taskId}/decision`, {
    method: 'POST',
    token: reviewer,
    body: JSON.stringify({ outcome, reason }),
  });
}

async function statusBecomes(token: string, id: string, status: string) {
  return eventually(async () => {
    const c = await caseOf(token, id);
    return c.status === status ? c : undefined;
  });
}

describe('the approval workflow, end to end on the local platform', () => {
  it('runs exactly the definition synthesized into cdk.out', async () => {
    const model = localModel();
    const sm = model.ofType('AWS::StepFunctions::StateMachine')[0]!;
    const stateMachineArn = physicalName(model, 'AWS::StepFunctions::StateMachine', 'ApprovalStateMachine');
    const { definition } = await stepFunctions().send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(JSON.parse(definition!)).toEqual(JSON.parse(String(model.properties(sm).DefinitionString)));
  });

  it('accepts a complete application, takes it through every review step and concludes it', async () => {
    const citizen = await tokenFor('citizen');
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const id = await submit(citizen, E_LICENCES);

    for (const step of ['review', 'decision', 'issuance']) {
      const task = await taskFor(reviewer, id);
      expect(task).toMatchObject({ step, department: 'public-security', region: '610100', status: 'open' });
      expect(JSON.stringify(task)).not.toMatch(/token/i);
      expect((await decide(reviewer, task.id, 'approve')).status).toBe(200);
      await eventually(async () =>
        (await taskFor(reviewer, id).catch(() => undefined))?.step !== step ? true : undefined,
      );
    }
    const concluded = await statusBecomes(citizen, id, 'concluded');
    expect(concluded.timeline.map((r: { to: string }) => r.to)).toEqual([
      'submitted',
      'accepted',
      'under-review',
      'under-review',
      'under-review',
      'approved',
      'concluded',
    ]);
  });

  it('tells everything missing in one notice, and goes on once the applicant supplements it', async () => {
    const citizen = await tokenFor('citizen');
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const id = await submit(citizen, []);

    const waiting = await statusBecomes(citizen, id, 'correction-requested');
    expect(waiting.notices).toHaveLength(1);
    expect(waiting.notices[0].items.map((i: { materialId: string }) => i.materialId).sort()).toEqual([
      'birth-certificate',
      'household-book',
      'parents-id-cards',
    ]);

    const supplemented = await call(`/api/cases/${id}/supplements`, {
      method: 'POST',
      token: citizen,
      body: JSON.stringify({ materials: E_LICENCES }),
    });
    expect(supplemented.status).toBe(200);
    const task = await taskFor(reviewer, id);
    expect(task.step).toBe('review');
    expect((await decide(reviewer, task.id, 'deny', '出生医学证明信息与户口簿不一致')).status).toBe(200);
    const denied = await statusBecomes(citizen, id, 'concluded');
    expect(denied.timeline.map((r: { to: string }) => r.to)).toContain('denied');
  });

  it('lets only a reviewer of the handling department and region decide, and only once', async () => {
    const citizen = await tokenFor('citizen');
    const id = await submit(citizen, E_LICENCES);
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const task = await taskFor(reviewer, id);

    const otherDepartment = await tokenFor('reviewer', { user: 'reviewer-xian-market' });
    const otherRegion = await tokenFor('reviewer', { user: 'reviewer-xian-police', region: '610300' });
    expect((await decide(otherDepartment, task.id, 'approve')).status).toBe(403);
    expect((await decide(otherRegion, task.id, 'approve')).status).toBe(403);

    const [a, b] = await Promise.all([
      decide(reviewer, task.id, 'approve'),
      decide(reviewer, task.id, 'deny', '重复决定'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('answers a denial without a reason with 400, naming the field', async () => {
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const { status, body } = await decide(reviewer, randomUUID(), 'deny');
    expect(status).toBe(400);
    expect(body.error.details[0].path).toBe('reason');
  });
});
