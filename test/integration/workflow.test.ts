import { randomUUID } from 'node:crypto';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  approvalExecutionArn,
  documents,
  localModel,
  physicalName,
  stepFunctions,
} from '../support/assembly.ts';
import {
  approveAll,
  caseOf,
  decide,
  fastForward,
  statusBecomes,
  submit as submitCase,
  supplement as supplementCase,
  taskFor,
} from '../support/cases.ts';
import { call, eventually, platformNow, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';

const submit = (token: string, materials: object[]) =>
  submitCase(token, { implementationCode: BIRTH_REGISTRATION, materials });

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
    // Another department's or region's task is not theirs to know of: as if there were none.
    expect((await decide(otherDepartment, task.id, 'approve')).status).toBe(404);
    expect((await decide(otherRegion, task.id, 'approve')).status).toBe(404);

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

  it('returns a case for correction during review, pauses its clock, and resumes the same step once corrected', async () => {
    const citizen = await tokenFor('citizen');
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const id = await submit(citizen, E_LICENCES);
    const task = await taskFor(reviewer, id, 'review');

    const returned = await decide(reviewer, task.id, 'return', '户口簿信息与出生医学证明不一致，请核对');
    expect(returned.status).toBe(200);
    const waiting = await statusBecomes(citizen, id, 'correction-requested');
    expect(waiting.timeline.at(-1)).toMatchObject({
      action: 'return',
      reason: '户口簿信息与出生医学证明不一致，请核对',
    });

    expect((await supplementCase(citizen, id, E_LICENCES.slice(1, 2))).status).toBe(200);
    const again = await taskFor(reviewer, id, 'review');
    expect(again.id).not.toBe(task.id);
    const resumed = await statusBecomes(citizen, id, 'under-review');
    // Accepted once: the return did not send it back to acceptance, and the correction stood the clock still.
    expect(resumed.timeline.filter((r: { to: string }) => r.to === 'accepted')).toHaveLength(1);
    expect(resumed.clock.pauses).toEqual([
      expect.objectContaining({ type: 'correction', reason: '户口簿信息与出生医学证明不一致，请核对' }),
    ]);
    expect(resumed.clock.pauses[0].end).toBeDefined();
  });

  it('escalates a review task whose time runs out to the supervisor, and opens it again', async () => {
    const citizen = await tokenFor('citizen');
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const id = await submit(citizen, E_LICENCES);
    const task = await taskFor(reviewer, id, 'review');
    expect(task.escalated).toBe(false);

    const executionArn = approvalExecutionArn(id);
    expect((await fastForward({ timeOut: { executionArn } })).timedOut).toBe(1);

    const escalated = await eventually(async () => {
      const t = await taskFor(reviewer, id, 'review');
      return t.id !== task.id ? t : undefined;
    });
    expect(escalated).toMatchObject({ escalated: true, status: 'open' });
    const c = await caseOf(citizen, id);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'escalate', from: 'under-review', to: 'under-review' });
    // The expired task cannot be decided any more.
    expect((await decide(reviewer, task.id, 'approve')).status).toBe(409);

    // 督办: the supervisors of Xi'an and of the province see it until it is decided; Baoji's do not.
    const escalations = async (token: string) =>
      (await call('/api/staff/escalations?limit=50', { token })).body.items.map((t: { id: string }) => t.id);
    const supervisor = await tokenFor('supervisor');
    expect(await escalations(supervisor)).toContain(escalated.id);
    expect(await escalations(await tokenFor('admin'))).toContain(escalated.id);
    expect(await escalations(await tokenFor('supervisor', { region: '610300' }))).not.toContain(escalated.id);
    expect((await decide(reviewer, escalated.id, 'approve')).status).toBe(200);
    expect(await escalations(supervisor)).not.toContain(escalated.id);
  });

  it('lets a reviewer stop the clock for an inspection and a supervisor extend the period', async () => {
    const citizen = await tokenFor('citizen');
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const supervisor = await tokenFor('supervisor');
    const id = await submit(citizen, E_LICENCES);
    await taskFor(reviewer, id, 'review');
    const staff = (path: string, token: string, body: object) =>
      call(`/api/staff/cases/${id}${path}`, { method: 'POST', token, body: JSON.stringify(body) });

    const paused = await staff('/pauses', reviewer, { type: 'inspection', reason: '现场核查出生情况' });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    expect(paused.body.clock).toMatchObject({
      status: 'paused',
      pauses: [{ type: 'inspection', start: expect.any(String) }],
    });
    expect((await staff('/pauses', reviewer, { type: 'testing', reason: '再次中止' })).body.error.code).toBe(
      'PAUSE_RUNNING',
    );
    expect((await staff('/pauses/end', reviewer, {})).body.clock.pauses[0].end).toBeDefined();

    expect((await staff('/extensions', reviewer, { days: 5, reason: '情况复杂' })).status).toBe(403);
    const extended = await staff('/extensions', supervisor, { days: 5, reason: '情况复杂，需进一步核实' });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    expect(extended.body.clock.extensionDays).toBe(5);
    expect((await staff('/extensions', supervisor, { days: 6, reason: '再次延长' })).body.error.code).toBe(
      'EXTENSION_BEYOND_STATUTE',
    );
    const events = await eventually(async () => {
      const { body } = await call('/local/events?bus=tongban-dev-hub');
      const types = body.events
        .filter((e: { detail: { caseId?: string } }) => e.detail?.caseId === id)
        .map((e: { detailType: string }) => e.detailType);
      return types.includes('Case Clock Extended') ? types : undefined;
    });
    expect(events).toEqual(
      expect.arrayContaining(['Case Clock Paused', 'Case Clock Resumed', 'Case Clock Extended']),
    );
  });

  it('warns amber when 80% of the time is used, by a schedule planned at acceptance', async () => {
    const citizen = await tokenFor('citizen');
    const id = await submit(citizen, E_LICENCES);
    const accepted = await statusBecomes(citizen, id, 'under-review');
    await eventually(async () => {
      const { status } = await call('/local/fast-forward', {
        method: 'POST',
        body: JSON.stringify({ schedule: { name: `case-${id}-amber` } }),
      });
      return status === 202 ? true : undefined;
    });
    const warned = await eventually(async () => {
      const c = await caseOf(citizen, id);
      return c.timeline.find((r: { action: string }) => r.action === 'clock-amber');
    });
    expect(warned.reason).toContain(accepted.clock.deadline);
    const onHub = await eventually(async () => {
      const { body } = await call('/local/events?bus=tongban-dev-hub');
      return body.events.find(
        (e: { detailType: string; detail: { caseId?: string } }) =>
          e.detailType === 'Case Clock Amber' && e.detail.caseId === id,
      );
    });
    expect(onHub.detail).toMatchObject({ action: 'clock-amber', handlingRegion: '610100' });
  });

  it('lists a case past its deadline (red) for the supervisors of its region until it is decided', async () => {
    const citizen = await tokenFor('citizen');
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const id = await submit(citizen, E_LICENCES);
    await statusBecomes(citizen, id, 'under-review');
    await eventually(async () => {
      const { status } = await call('/local/fast-forward', {
        method: 'POST',
        body: JSON.stringify({ schedule: { name: `case-${id}-red` } }),
      });
      return status === 202 ? true : undefined;
    });
    const overdue = async (token: string) =>
      (await call('/api/staff/overdue?limit=50', { token })).body.items.map(
        (c: { caseId: string }) => c.caseId,
      );
    const supervisor = await tokenFor('supervisor');
    await eventually(async () => ((await overdue(supervisor)).includes(id) ? true : undefined));
    expect(await overdue(await tokenFor('supervisor', { region: '610300' }))).not.toContain(id);
    const c = await caseOf(citizen, id);
    expect(c.timeline.map((r: { action: string }) => r.action)).toContain('clock-red');

    await approveAll(reviewer, id, ['review', 'decision', 'issuance']);
    await statusBecomes(citizen, id, 'concluded');
    await eventually(async () => ((await overdue(supervisor)).includes(id) ? undefined : true));
  });

  it('counts an application nobody checked within 5 working days as accepted from receipt (Art. 32)', async () => {
    // given a case received now that no pre-check ever answered (its workflow stalled), as the store holds it
    const id = randomUUID();
    const receivedAt = (await platformNow()).toISOString();
    const stuck = {
      id,
      matter: {
        implementationCode: BIRTH_REGISTRATION,
        name: '出生登记',
        version: 1,
        steps: ['review', 'decision', 'issuance'],
      },
      handling: { department: 'public-security', region: '610100' },
      applicant: { kind: 'person', name: '张伟', idHash: 'lapse-test-hash' },
      assisted: false,
      status: 'submitted',
      createdAt: receivedAt,
      updatedAt: receivedAt,
      receivedAt,
      notices: [],
      obligations: [],
      stalled: { at: receivedAt, state: 'Precheck', error: 'Error' },
    };
    const record = {
      caseId: id,
      at: receivedAt,
      actor: { subject: 'lapse-test', roles: ['citizen'] },
      action: 'submit',
      from: 'draft',
      to: 'submitted',
    };
    const TableName = physicalName(localModel(), 'AWS::DynamoDB::Table', 'CasesTable');
    await documents().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName, Item: { pk: `CASE#${id}`, sk: 'CASE', case: stuck } } },
          {
            Put: {
              TableName,
              Item: {
                pk: `CASE#${id}`,
                sk: `EVENT#${receivedAt}#lapse`,
                record,
                outbox: {
                  source: 'tongban.cases',
                  detailType: 'Case Submitted',
                  detail: {
                    caseId: id,
                    action: 'submit',
                    from: 'draft',
                    to: 'submitted',
                    handlingRegion: '610100',
                    receivingRegion: '610100',
                  },
                },
              },
            },
          },
        ],
      }),
    );

    // when the end of the fifth working day after receipt passes
    await eventually(async () => {
      const { status } = await call('/local/fast-forward', {
        method: 'POST',
        body: JSON.stringify({ schedule: { name: `case-${id}-lapse` } }),
      });
      return status === 202 ? true : undefined;
    });

    // then it counts as accepted, from receipt, and its clock runs from then
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const accepted = await eventually(async () => {
      const { body } = await call(`/api/staff/cases/${id}`, { token: reviewer });
      return body.status === 'accepted' ? body : undefined;
    });
    // (a staff read of the case is on its timeline too, after it: reads are recorded)
    const lapse = accepted.timeline.filter((r: { action: string }) => r.action !== 'staff-read').at(-1);
    expect(lapse).toMatchObject({ action: 'auto-accept', actor: { subject: 'system' } });
    expect(accepted.receivedAt).toBe(receivedAt);
    expect(accepted.clock).toMatchObject({ status: 'green', limitDays: 2 });

    // and once its supervisors resume its workflow, it goes on to review, accepted as it is
    const supervisor = await tokenFor('supervisor', { user: 'supervisor-xian' });
    const resumed = await call(`/api/staff/cases/${id}/resume`, {
      method: 'POST',
      token: supervisor,
      body: JSON.stringify({ reason: '预审故障已排除 / the pre-check is fixed' }),
    });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    await eventually(async () => {
      const { body } = await call(`/api/staff/cases/${id}`, { token: reviewer });
      return body.status === 'under-review' ? body : undefined;
    });
  });
});
