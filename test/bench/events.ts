import { randomUUID } from 'node:crypto';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';
import { percentile } from './stats.ts';

// Event routing on a running local platform: how many events the buses route per second, and how much
// later a case received in another region reaches its handling region (the hand-off).

export interface EventsBench {
  routed: number;
  routedPerSecond: number;
  handoffMs: { p50: number; p95: number; cases: number };
}

export async function runEventsBench(
  base: string,
  awsEndpoint: string,
  events = 2000,
  cases = 10,
): Promise<EventsBench> {
  const client = new EventBridgeClient({
    ...LOCAL_ACCOUNT,
    credentials: LOCAL_CREDENTIALS,
    endpoint: awsEndpoint,
  });
  // Events no function listens to: what is measured is matching, routing to the region buses and archiving.
  const regions = ['610100', '610300', '610400', '610500'];
  await fetch(`${base}/local/idle`);
  const started = performance.now();
  for (let i = 0; i < events; i += 10) {
    await client.send(
      new PutEventsCommand({
        Entries: Array.from({ length: 10 }, (_, j) => ({
          EventBusName: 'tongban-dev-hub',
          Source: 'tongban.bench',
          DetailType: 'Bench Event',
          Detail: JSON.stringify({ caseId: randomUUID(), handlingRegion: regions[(i + j) % regions.length] }),
        })),
      }),
    );
  }
  await fetch(`${base}/local/idle`);
  const seconds = (performance.now() - started) / 1000;

  const token = async (body: object) =>
    ((await (await fetch(`${base}/local/token`, post(body))).json()) as { token: string }).token;
  // A window of Baoji takes in Xi'an's 出生登记: the hand-off is the time from receipt to Xi'an's signed receipt.
  const window = await token({ role: 'window', user: 'window-xian', region: '610300' });
  const handoffs: number[] = [];
  for (let i = 0; i < cases; i++) {
    const taken = await fetch(`${base}/api/window/cases`, {
      ...post({
        implementationCode: BIRTH_REGISTRATION,
        materials: E_LICENCES,
        onBehalfOf: { kind: 'person', name: '张伟', idNumber: '610104199003071230' },
      }),
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${window}`,
        'idempotency-key': randomUUID(),
      },
    });
    const { id } = (await taken.json()) as { id: string };
    await fetch(`${base}/local/idle`);
    const c = (await (
      await fetch(`${base}/api/staff/cases/${id}`, { headers: { authorization: `Bearer ${window}` } })
    ).json()) as {
      timeline: { action: string; at: string }[];
    };
    const at = (action: string) => Date.parse(c.timeline.find((r) => r.action === action)?.at ?? '');
    handoffs.push(at('hand-off-received') - at('submit'));
  }
  return {
    routed: events,
    routedPerSecond: events / seconds,
    handoffMs: { p50: percentile(handoffs, 50), p95: percentile(handoffs, 95), cases },
  };
}

const post = (body: object) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
