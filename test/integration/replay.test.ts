import { EventBridgeClient, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import { localModel } from '../support/assembly.ts';
import { approveAll, caseOf, statusBecomes, submit } from '../support/cases.ts';
import { call, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';

const eventsOf = async (bus: string, caseId: string) =>
  (await call(`/local/events?bus=${bus}`)).body.events.filter(
    (e: { detail: { caseId?: string } }) => e.detail?.caseId === caseId,
  ) as { detailType: string }[];

/** Everything a case's events led to that a second delivery could double. */
async function effectsOf(citizen: string, id: string) {
  const c = await caseOf(citizen, id);
  const inbox = await call('/api/messages?limit=50', { token: citizen });
  expect(inbox.status).toBe(200);
  const messages = inbox.body.items;
  return {
    status: c.status,
    timeline: c.timeline.map((r: { action: string }) => r.action),
    messages: messages.filter((m: { caseId: string }) => m.caseId === id).length,
  };
}

describe('replaying the hub archive (事件重放)', () => {
  it('re-delivers a window of events to every consumer without doing anything twice', async () => {
    const citizen = await tokenFor('citizen');
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const from = new Date(Date.now() - 1000);
    const id = await submit(citizen, { implementationCode: BIRTH_REGISTRATION, materials: E_LICENCES });
    await approveAll(reviewer, id, ['review', 'decision', 'issuance']);
    await statusBecomes(citizen, id, 'concluded');
    await call('/local/idle');
    const before = await effectsOf(citizen, id);
    const routedBefore = (await eventsOf('tongban-dev-610100', id)).length;

    const model = localModel();
    const archive = model.ofType('AWS::Events::Archive')[0]!;
    const hub = model.ofType('AWS::Events::EventBus').find((b) => model.ref(b).endsWith('-hub'))!;
    const eventBridge = new EventBridgeClient({
      ...LOCAL_ACCOUNT,
      credentials: LOCAL_CREDENTIALS,
      endpoint: inject('endpoints').aws,
    });
    await eventBridge.send(
      new StartReplayCommand({
        ReplayName: `replay-${id}`,
        EventSourceArn: String(model.getAtt(archive, 'Arn')),
        EventStartTime: from,
        EventEndTime: new Date(Date.now() + 1000),
        Destination: { Arn: String(model.getAtt(hub, 'Arn')) },
      }),
    );
    await call('/local/idle');

    // Delivered again: the routing rules forwarded every event of the case to Xi'an's bus a second time …
    expect((await eventsOf('tongban-dev-610100', id)).length).toBeGreaterThanOrEqual(2 * routedBefore);
    // … and the consumers that acted on them the first time did nothing the second.
    expect(await effectsOf(citizen, id)).toEqual(before);
  });
});
