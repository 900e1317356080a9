import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';
import { percentile } from './stats.ts';

// What one application costs and how fast it is, measured on a running local platform (`npm start`).

type Operations = Record<string, Record<string, number>>;
const READS = ['GetItem', 'Query', 'BatchGetItem', 'Scan'];
const WRITES = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems'];

export interface CasesBench {
  dynamodbPerCall: Record<string, { reads: number; writes: number; operations: Record<string, number> }>;
  stateTransitionsPerApproval: number;
  concurrency: number;
  requests: number;
  submitMs: { p50: number; p95: number };
  getMs: { p50: number; p95: number };
}

export async function runCasesBench(
  base: string,
  workflow: { awsEndpoint: string; stateMachineArn: string },
  requests = 200,
  concurrency = 10,
): Promise<CasesBench> {
  const token = async (role: string, user?: string) => {
    const res = await fetch(`${base}/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, user }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  const citizen = await token('citizen');
  const reviewer = await token('reviewer', 'reviewer-xian-police');
  const json = async (path: string, init: RequestInit = {}, auth = citizen) => {
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}`, ...init.headers },
    });
    return (await res.json()) as Record<string, unknown> & { items?: Record<string, string>[] };
  };
  const submit = () =>
    json('/api/cases', {
      method: 'POST',
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ implementationCode: BIRTH_REGISTRATION, materials: E_LICENCES }),
    });

  // DynamoDB operations of one call, counted by local mode's recorder for the function that served it.
  const measure = async (label: string, fn: string, call: () => Promise<unknown>) => {
    await fetch(`${base}/local/dynamodb/operations`, { method: 'DELETE' });
    await call();
    const ops = (await (await fetch(`${base}/local/dynamodb/operations`)).json()) as Operations;
    const mine = Object.entries(ops).find(([name]) => name.includes(fn))?.[1] ?? {};
    const sum = (names: string[]) => names.reduce((n, op) => n + (mine[op] ?? 0), 0);
    return [label, { reads: sum(READS), writes: sum(WRITES), operations: mine }] as const;
  };
  await submit(); // warm both functions first: cold starts are not what is counted
  let sample = '';
  const dynamodbPerCall = Object.fromEntries([
    await measure('POST /api/cases', 'Submit', async () => {
      sample = (await submit()).id as string;
    }),
    await measure('GET /api/cases/{id}', 'Read', () => json(`/api/cases/${sample}`)),
  ]);

  // A simple approval: accepted at once, every review step approved; then count the states it went through.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const c = await json(`/api/cases/${sample}`);
    if (c.status === 'concluded') break;
    if (Date.now() > deadline) throw new Error(`the sample case did not conclude: it is ${c.status}`);
    const inbox = await json('/api/tasks?limit=50', {}, reviewer);
    const task = inbox.items?.find((t) => t.caseId === sample);
    if (task)
      await json(
        `/api/tasks/${task.id}/decision`,
        { method: 'POST', body: '{"outcome":"approve"}' },
        reviewer,
      );
    else await new Promise((r) => setTimeout(r, 50));
  }
  const stateTransitionsPerApproval = await transitionsOf(
    workflow.awsEndpoint,
    workflow.stateMachineArn,
    sample,
  );

  const timed = async (n: number, fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          next++;
          const started = performance.now();
          await fn();
          samples.push(performance.now() - started);
        }
      }),
    );
    return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
  };
  const submitMs = await timed(requests, submit);
  const getMs = await timed(requests, () => json(`/api/cases/${sample}`));
  return { dynamodbPerCall, stateTransitionsPerApproval, concurrency, requests, submitMs, getMs };
}

/**
 * States entered by the case's execution: AWS bills Standard workflows per state transition. Read from local
 * mode's Step Functions over its own API (a plain JSON call; the local endpoint checks no signature).
 */
async function transitionsOf(awsEndpoint: string, stateMachineArn: string, caseId: string): Promise<number> {
  const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${caseId}`;
  const res = await fetch(awsEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'AWSStepFunctions.GetExecutionHistory',
    },
    body: JSON.stringify({ executionArn }),
  });
  const { events } = (await res.json()) as { events: { type: string }[] };
  return events.filter((e) => e.type === 'StateEntered').length;
}
