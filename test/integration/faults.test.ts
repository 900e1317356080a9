import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalPlatform } from '../../infra/local/platform.ts';
import { NOTIFIED_DETAIL_TYPES } from '../../shared/domain/notifications/notification.ts';
import { approvalExecutionArn, localModel, physicalName } from '../support/assembly.ts';
import { uploadPdf } from '../support/cases.ts';
import { call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';
import { ownPlatform } from '../support/own-platform.ts';
import { stuckCases } from '../support/stuck.ts';

// Faults injected at the local engines (/local/faults) and the platform's own reaction to each: the SDK's and the
// workflow's retries for a throttled table, a rule target's retries and dead-letter queue, EventBridge's retries
// of an upload check while S3 slows down. The switches change the whole platform's behaviour, so this file runs
// on a platform of its own. What is counted: faults injected, and case changes lost or duplicated (none).

const STEPS = ['review', 'decision', 'issuance'];
const HUB = 'tongban-dev-hub';

interface HubEvent {
  id: string;
  source: string;
  detailType: string;
  detail: { caseId?: string; from?: string; to?: string };
}

let own: Awaited<ReturnType<typeof ownPlatform>> | undefined;
const platform = (): LocalPlatform => own!.platform;

async function faults(body?: object) {
  const { status, body: answer } = await call('/local/faults', {
    method: body ? 'POST' : 'GET',
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(status, JSON.stringify(answer)).toBe(200);
  return answer as { faults: object; injected: { dynamodb: number; s3: number; eventbridge: number } };
}

/**
 * A client that does what a browser app should when the platform answers 5xx: try again, with the same
 * idempotency key. Counts the 5xx it saw.
 */
const serverErrors = { count: 0 };
async function persistently(path: string, init: Parameters<typeof call>[1] = {}) {
  return eventually(async () => {
    const answer = await call(path, init);
    if (answer.status < 500) return answer;
    serverErrors.count++;
    return undefined;
  }, 45_000);
}

async function submit(citizen: string, materials: object[]) {
  const { status, body } = await persistently('/api/cases', {
    method: 'POST',
    token: citizen,
    headers: { 'idempotency-key': randomUUID() },
    body: JSON.stringify({ implementationCode: BIRTH_REGISTRATION, materials }),
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.id as string;
}

const caseOf = async (token: string, id: string) => (await persistently(`/api/cases/${id}`, { token })).body;

const statusBecomes = (token: string, id: string, status: string) =>
  eventually(async () => {
    const c = await caseOf(token, id);
    return c.status === status ? c : undefined;
  }, 50_000);

/** The open task of a case at a step, from the reviewer's inbox. */
const taskAt = (reviewer: string, caseId: string, step: string) =>
  eventually(async () => {
    let cursor: string | undefined;
    do {
      const { body } = await persistently(`/api/tasks?limit=50${cursor ? `&cursor=${cursor}` : ''}`, {
        token: reviewer,
      });
      const task = body.items.find(
        (t: { caseId: string; step: string }) => t.caseId === caseId && t.step === step,
      );
      if (task) return task;
      cursor = body.nextCursor;
    } while (cursor);
    return undefined;
  }, 50_000);

async function approveSteps(reviewer: string, caseId: string, steps = STEPS) {
  for (const step of steps) {
    const task = await taskAt(reviewer, caseId, step);
    const decided = await persistently(`/api/tasks/${task.id}/decision`, {
      method: 'POST',
      token: reviewer,
      body: JSON.stringify({ outcome: 'approve' }),
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  }
}

const hubEventsOf = async (caseId: string): Promise<HubEvent[]> =>
  (await call(`/local/events?bus=${HUB}`)).body.events.filter((e: HubEvent) => e.detail?.caseId === caseId);

/**
 * The changes of a case as its hub events tell them, one event per line of its audit trail, in the order
 * published. A review task's own event is left out: opening a task again (a step retried) is no case change.
 */
const caseChanges = async (caseId: string) =>
  (await hubEventsOf(caseId))
    .filter((e) => e.source === 'tongban.cases' && e.detailType !== 'Review Requested')
    .map((e) => `${e.detailType}: ${e.detail.from} → ${e.detail.to}`);

const historyOf = (caseId: string) => {
  return platform().stepFunctions.getExecutionHistory(approvalExecutionArn(caseId)).events;
};

/** The messages of a dead-letter queue (local mode keeps them in .local/data/queues). */
const deadLetters = (queueLogicalIdPrefix: string) =>
  platform()
    .queues.messages(physicalName(localModel(), 'AWS::SQS::Queue', queueLogicalIdPrefix))
    .map((m) => ({
      event: JSON.parse(m.Body),
      attributes: m.MessageAttributes as Record<string, { StringValue: string }>,
    }));

/** Every message of an inbox, through every page. */
async function inboxOf(token: string): Promise<{ caseId: string; template: string }[]> {
  const all = [];
  let cursor: string | undefined;
  do {
    const { body } = await persistently(`/api/messages?limit=50${cursor ? `&cursor=${cursor}` : ''}`, {
      token,
    });
    all.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return all;
}

/** The templates of the messages a case sent its applicant, sorted. */
const templatesOf = async (token: string, caseId: string) =>
  (await inboxOf(token))
    .filter((m) => m.caseId === caseId)
    .map((m) => m.template)
    .sort();

const CONCLUDED = [
  'submitted',
  'accepted',
  'under-review',
  'under-review',
  'under-review',
  'approved',
  'concluded',
];

describe('faults at the local engines, and the platform recovering from them', () => {
  let citizen: string;
  let reviewer: string;
  /** What a case goes through with no fault: the changes its hub events tell, and the messages it sends. */
  let baseline: string[];
  let baselineMessages: string[];

  beforeAll(async () => {
    own = await ownPlatform({ name: 'faults' });
    citizen = await tokenFor('citizen');
    reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const id = await submit(citizen, E_LICENCES);
    await approveSteps(reviewer, id);
    await statusBecomes(citizen, id, 'concluded');
    await call('/local/idle');
    baseline = await caseChanges(id);
    expect(baseline.filter((change) => change.startsWith('Case Under Review'))).toHaveLength(STEPS.length);
    baselineMessages = await templatesOf(citizen, id);
    expect(baselineMessages.length).toBeGreaterThan(0);
  }, 240_000);

  afterAll(async () => {
    if (own) console.info(`faults injected: ${JSON.stringify((await faults()).injected)}`);
    if (own) expect(await stuckCases()).toEqual([]);
    await own?.stop();
  }, 120_000);

  it('starts with every switch off, and refuses a switch it does not know', async () => {
    expect(await faults()).toEqual({ faults: {}, injected: { dynamodb: 0, s3: 0, eventbridge: 0 } });
    const refused = await call('/local/faults', {
      method: 'POST',
      body: JSON.stringify({ sqs: { drop: 1 } }),
    });
    expect(refused).toMatchObject({ status: 400, body: { code: 'INVALID_FAULTS' } });
  });

  it('retries a workflow step whose table is throttled, and the decision is taken once when it recovers', async () => {
    // Given a case whose first review task is open
    const id = await submit(citizen, E_LICENCES);
    const task = await taskAt(reviewer, id, 'review');

    // When every call of the decision-recording step to the cases table is throttled, and the reviewer approves
    await faults({ dynamodb: { throttle: 1, tables: ['CasesTable'], functions: ['RecordDecision'] } });
    const decided = await persistently(`/api/tasks/${task.id}/decision`, {
      method: 'POST',
      token: reviewer,
      body: JSON.stringify({ outcome: 'approve' }),
    });
    expect(decided.status).toBe(200);

    // Then the step fails after the SDK's own retries and the workflow retries it; once the table recovers it
    // goes through
    await eventually(async () =>
      historyOf(id).some((e) => e.type === 'StateRetried' && e.stateName === 'RecordDecision')
        ? true
        : undefined,
    );
    expect((await faults()).injected.dynamodb).toBeGreaterThanOrEqual(3);
    await faults({ dynamodb: null });
    await approveSteps(reviewer, id, STEPS.slice(1));

    // And the case concludes with every change once, as a case with no fault does
    expect((await statusBecomes(citizen, id, 'concluded')).timeline.map((r: { to: string }) => r.to)).toEqual(
      CONCLUDED,
    );
    await call('/local/idle');
    expect(await caseChanges(id)).toEqual(baseline);
  });

  it('takes cases through to the end while a third of the calls to the cases table are throttled', async () => {
    // Given a third of every function's calls to the cases table throttled, the API's included
    await faults({ dynamodb: { throttle: 0.3, tables: ['CasesTable'] } });
    const before = (await faults()).injected.dynamodb;

    // When three applicants apply and a reviewer approves every step (retrying, as a client would, any 5xx)
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await submit(citizen, E_LICENCES));
    for (const id of ids) await approveSteps(reviewer, id);
    const concluded = [];
    for (const id of ids) concluded.push(await statusBecomes(citizen, id, 'concluded'));
    const injected = (await faults()).injected.dynamodb - before;
    await faults({ dynamodb: null });
    await call('/local/idle');

    // Then every case concluded with each change exactly once, as with no fault: none lost, none twice
    expect(injected).toBeGreaterThan(0);
    for (const c of concluded) expect(c.timeline.map((r: { to: string }) => r.to)).toEqual(CONCLUDED);
    for (const id of ids) expect(await caseChanges(id)).toEqual(baseline);
    // And no workflow step gave up: no case stalled
    for (const id of ids) expect(historyOf(id).some((e) => e.stateName === 'MarkStalled')).toBe(false);
    const retried = ids.flatMap(historyOf).filter((e) => e.type === 'StateRetried').length;
    console.info(
      `dynamodb: ${injected} calls throttled; ${retried} workflow steps retried; ` +
        `${serverErrors.count} 5xx answers retried by the client`,
    );
  });

  it('retries a failing rule target, and delivers each event once when it recovers', async () => {
    // Given the applicant notifications' target failing its first two attempts at each event
    await faults({ eventbridge: { rules: ['NotificationsOnCaseChange'], failures: 2 } });
    const before = (await faults()).injected.eventbridge;

    // When a case is accepted and concluded
    const id = await submit(citizen, E_LICENCES);
    await approveSteps(reviewer, id);
    await statusBecomes(citizen, id, 'concluded');
    await call('/local/idle');
    await faults({ eventbridge: null });

    // Then each notified event failed twice and was delivered on its third attempt: one message each
    const notified = (await hubEventsOf(id)).filter((e) =>
      (NOTIFIED_DETAIL_TYPES as readonly string[]).includes(e.detailType),
    );
    expect(notified.length).toBeGreaterThan(0);
    expect((await faults()).injected.eventbridge - before).toBe(2 * notified.length);
    expect(await templatesOf(citizen, id)).toEqual(baselineMessages);
    expect(deadLetters('NotificationsDlq').filter((m) => m.event.detail.caseId === id)).toEqual([]);
  });

  it('sends an event its target cannot take to the dead-letter queue after its retries, losing none', async () => {
    // Given the applicant notifications' target failing every attempt
    await faults({ eventbridge: { rules: ['NotificationsOnCaseChange'] } });

    // When a case is submitted and accepted
    const id = await submit(citizen, E_LICENCES);
    await taskAt(reviewer, id, 'review');
    const notified = await eventually(async () => {
      const events = (await hubEventsOf(id)).filter((e) =>
        (NOTIFIED_DETAIL_TYPES as readonly string[]).includes(e.detailType),
      );
      return events.length > 0 ? events : undefined;
    });

    // Then every notified event ends in the notifications' dead-letter queue, after 8 retries, as itself
    const dead = await eventually(async () => {
      const found = deadLetters('NotificationsDlq').filter((m) => m.event.detail.caseId === id);
      return found.length === notified.length ? found : undefined;
    }, 50_000);
    expect(dead.map((m) => m.event.id).sort()).toEqual(notified.map((e) => e.id).sort());
    for (const { attributes } of dead) {
      expect(attributes).toMatchObject({
        ERROR_CODE: { StringValue: 'Local.InjectedFault' },
        RETRY_ATTEMPTS: { StringValue: '8' },
        EXHAUSTED_RETRY_CONDITION: { StringValue: 'MaximumRetryAttempts' },
      });
    }
    expect((await inboxOf(citizen)).filter((m) => m.caseId === id)).toEqual([]);

    // And once the target recovers, the case's later events reach it again
    await faults({ eventbridge: null });
    await approveSteps(reviewer, id);
    await statusBecomes(citizen, id, 'concluded');
    await eventually(async () =>
      (await inboxOf(citizen)).some((m) => m.caseId === id && m.template === 'concluded') ? true : undefined,
    );
  });

  it('checks an upload once S3 stops slowing down, the check retried by EventBridge', async () => {
    // Given a case waiting for its materials, and S3 answering every read 503 SlowDown
    const id = await submit(citizen, []);
    await statusBecomes(citizen, id, 'correction-requested');
    await faults({ s3: { slowDown: true, methods: ['GET', 'HEAD'] } });
    const checker = platform().functions.get(
      physicalName(localModel(), 'AWS::Lambda::Function', 'CheckUpload').split(':').pop()!,
    );
    const invocations = checker.stats().invocations;

    // When the applicant uploads a file (a PUT, which S3 still takes)
    const upload = await uploadPdf(citizen, id, 'birth-certificate');

    // Then the check fails while S3 slows down (after the SDK's retries), and is delivered again
    await eventually(async () => (checker.stats().invocations - invocations >= 2 ? true : undefined), 50_000);
    expect((await faults()).injected.s3).toBeGreaterThanOrEqual(3);
    expect((await caseOf(citizen, id)).uploads).toMatchObject([{ status: 'pending' }]);

    // And once S3 recovers, the next delivery checks the file and accepts it; nothing went to the DLQ
    await faults({ s3: null });
    await eventually(async () => {
      const c = await caseOf(citizen, id);
      return c.uploads.some((u: { status: string }) => u.status === 'accepted') ? true : undefined;
    }, 50_000);
    expect(deadLetters('UploadCheckDlq').filter((m) => m.event.detail.object.key.includes(id))).toEqual([]);

    // And the case goes on once supplemented
    const supplied = await persistently(`/api/cases/${id}/supplements`, {
      method: 'POST',
      token: citizen,
      body: JSON.stringify({
        materials: [upload, ...E_LICENCES.filter((m) => m.materialId !== 'birth-certificate')],
      }),
    });
    expect(supplied.status, JSON.stringify(supplied.body)).toBe(200);
    await approveSteps(reviewer, id);
    await statusBecomes(citizen, id, 'concluded');
  });
});
