import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEvent } from 'aws-lambda';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The handler's modules read their environment when they load, so it is set before any import.
await vi.hoisted(async () => {
  const { ENV } = await import('../materials/fakes.ts');
  Object.assign(process.env, ENV);
});

import { handler } from '../../../functions/notifications/notify.ts';
import { caseEventDetail, detailTypeOf } from '../../../shared/domain/cases/events.ts';
import type { AuditRecord, Case } from '../../../shared/domain/cases/model.ts';
import { aCase, CASE_ID, caseItem, fakeDynamoDb } from '../materials/fakes.ts';

const ACCEPTED: Case = aCase({
  status: 'accepted',
  acceptedAt: '2026-03-02T10:00:00+08:00',
  updatedAt: '2026-03-02T10:00:00+08:00',
});
const RECORD: AuditRecord = {
  caseId: CASE_ID,
  at: '2026-03-02T02:00:00.000Z',
  actor: { subject: 'system', roles: ['system'] },
  action: 'accept',
  from: 'submitted',
  to: 'accepted',
};
const SK = 'EVENT#2026-03-02T02:00:00.000Z#00000000000000000001#5d0a';

/** The case event as the hub delivers it to the rule's target. */
function delivered(record = RECORD): EventBridgeEvent<string, unknown> {
  return {
    id: 'evt-1',
    version: '0',
    account: '000000000000',
    time: record.at,
    region: 'cn-northwest-1',
    resources: [],
    source: 'tongban.cases',
    'detail-type': detailTypeOf(record),
    detail: { ...caseEventDetail(ACCEPTED, record, SK), eventId: 'stream-1' },
  };
}

let db: ReturnType<typeof fakeDynamoDb>;
beforeEach(() => {
  db = fakeDynamoDb();
  db.put('cases', caseItem(ACCEPTED));
});

const inbox = () => db.items('cases').filter((i) => String(i.pk).startsWith('INBOX#'));

describe('notifying the applicant of a case event', () => {
  it("writes one message to the applicant's inbox, carrying its Notification Requested event", async () => {
    expect(await handler(delivered())).toEqual({ notified: true, template: 'accepted' });

    const [message, ...others] = inbox();
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      pk: 'INBOX#h1',
      sk: `MESSAGE#2026-03-02T02:00:00.000Z#${CASE_ID}/${SK}`,
      caseId: CASE_ID,
      template: 'accepted',
      read: false,
      outbox: {
        source: 'tongban.notifications',
        detailType: 'Notification Requested',
        detail: {
          schemaVersion: '1.0',
          idempotencyKey: `${CASE_ID}/${SK}`,
          recipient: { idHash: 'h1' },
          caseId: CASE_ID,
          template: 'accepted',
          channels: ['in-app'],
          occurredAt: RECORD.at,
        },
      },
    });
    const detail = (message!.outbox as { detail: { message: Record<string, { body: string }> } }).detail;
    expect(detail.message['zh-CN']!.body).toContain('「食品经营许可」');
    expect(detail.message.en!.body).toContain('has been accepted');
  });

  it('writes it conditionally, so a redelivered or replayed event adds no second message', async () => {
    await handler(delivered());
    const first = structuredClone(inbox());

    expect(await handler(delivered())).toEqual({ notified: false, template: 'accepted' });

    expect(inbox()).toEqual(first);
    const puts = db.mock.commandCalls(PutCommand).map((call) => call.args[0].input);
    expect(puts).toHaveLength(2);
    for (const put of puts) expect(put.ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('writes nothing for a case event the applicant need not hear of', async () => {
    const review = {
      ...RECORD,
      action: 'start-review',
      from: 'accepted',
      to: 'under-review',
      step: 's1',
    } as const;
    expect(await handler(delivered(review))).toEqual({ notified: false });
    expect(inbox()).toEqual([]);
  });

  it('writes nothing for a case it cannot find', async () => {
    db = fakeDynamoDb();
    expect(await handler(delivered())).toEqual({ notified: false });
    expect(inbox()).toEqual([]);
  });

  it('fails, to be retried and then dead-lettered, when the event lacks what its template needs', async () => {
    const denied = { ...RECORD, action: 'deny', from: 'under-review', to: 'denied' } as const;
    await expect(handler(delivered(denied))).rejects.toThrow(/\{reason\}/);
    expect(inbox()).toEqual([]);
  });
});
