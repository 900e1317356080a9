import { randomUUID } from 'node:crypto';
import { CreateScheduleCommand, GetScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import { localModel } from '../support/assembly.ts';
import { call, eventually, platformNow } from '../support/local.ts';

describe('EventBridge Scheduler in local mode', () => {
  it('fires a one-time schedule created with the SDK onto the hub bus at its time', async () => {
    const model = localModel();
    const hub = model.ofType('AWS::Events::EventBus').find((b) => model.ref(b).endsWith('-hub'))!;
    const scheduler = new SchedulerClient({
      ...LOCAL_ACCOUNT,
      credentials: LOCAL_CREDENTIALS,
      endpoint: inject('endpoints').aws,
    });
    const caseId = randomUUID();
    // Scheduler reads at() against the platform's clock, which a run may have set to another day.
    const at = new Date((await platformNow()).getTime() + 1500).toISOString().slice(0, 19);
    const name = `reminder-${caseId}`;

    await scheduler.send(
      new CreateScheduleCommand({
        Name: name,
        ScheduleExpression: `at(${at})`,
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'NONE',
        Target: {
          Arn: String(model.getAtt(hub, 'Arn')),
          RoleArn: `arn:aws-cn:iam::${LOCAL_ACCOUNT.account}:role/scheduler`,
          EventBridgeParameters: { Source: 'tongban.clock', DetailType: 'Legal Clock Amber' },
          Input: JSON.stringify({ caseId, handlingRegion: '610100' }),
        },
      }),
    );
    expect((await scheduler.send(new GetScheduleCommand({ Name: name }))).ScheduleExpression).toBe(
      `at(${at})`,
    );

    const fired = await eventually(async () => {
      const { body } = await call('/local/events?bus=tongban-dev-hub');
      return body.events.find((e: { detail: { caseId?: string } }) => e.detail?.caseId === caseId);
    });
    expect(fired).toMatchObject({ source: 'tongban.clock', detailType: 'Legal Clock Amber' });
  });
});
