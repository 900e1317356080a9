import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../events/index.ts';
import { approveAll, caseOf, statusBecomes, submit, takeInForZhang } from '../support/cases.ts';
import { call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';

// 出生登记 of Baoji, for a case taken in at a window of Xi'an.
const BAOJI_BIRTH_REGISTRATION = '000707001000610300';
const HUB = 'tongban-dev-hub';
const XIAN = 'tongban-dev-610100';
const BAOJI = 'tongban-dev-610300';

interface BusEvent {
  source: string;
  detailType: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the event carried
  detail: Record<string, any>;
}

const eventsOn = async (bus: string, caseId: string): Promise<BusEvent[]> => {
  const { body } = await call(`/local/events?bus=${bus}`);
  return body.events.filter((e: BusEvent) => e.detail?.caseId === caseId);
};

/** The events of a case on the hub once `done` says they are all there. */
const hubEventsOnce = (caseId: string, done: (events: BusEvent[]) => boolean) =>
  eventually(async () => {
    const found = await eventsOn(HUB, caseId);
    return done(found) ? found : undefined;
  });

const invalidAmong = (events: BusEvent[]) =>
  events
    .map((e) => ({ type: e.detailType, result: validateEvent(e) }))
    .filter(({ result }) => !result.success)
    .map(({ type, result }) => `${type}: ${JSON.stringify(result.error?.issues)}`);

describe('the event contract, on the running platform', () => {
  it('publishes every event of a case from submission to conclusion as the contract says, with the common envelope', async () => {
    // given a complete application, approved at each review step until it is concluded
    const citizen = await tokenFor('citizen');
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const submittedFrom = new Date().toISOString();
    const id = await submit(citizen, { implementationCode: BIRTH_REGISTRATION, materials: E_LICENCES });
    await approveAll(reviewer, id, ['review', 'decision', 'issuance']);
    await statusBecomes(citizen, id, 'concluded');
    const { timeline } = await caseOf(citizen, id);

    // when its events have reached the hub, down to the applicant's notification of the conclusion
    const events = await hubEventsOnce(id, (found) => {
      const concluded = found.find((e) => e.detailType === 'Case Concluded');
      return found.some(
        (e) =>
          e.detailType === 'Notification Requested' &&
          e.detail.idempotencyKey === concluded?.detail.idempotencyKey,
      );
    });

    // then every one of them fits its schema
    expect(invalidAmong(events)).toEqual([]);

    // and the case's own events are one per line of its timeline, plus one per review task opened
    const caseEvents = events.filter((e) => e.source === 'tongban.cases');
    expect(caseEvents.map((e) => e.detailType).sort()).toEqual(
      [
        'Case Submitted',
        'Case Accepted',
        ...Array(3).fill('Case Under Review'),
        ...Array(3).fill('Review Requested'),
        'Case Approved',
        'Case Concluded',
      ].sort(),
    );
    const published = caseEvents
      .filter((e) => e.detailType !== 'Review Requested')
      .map((e) => `${e.detail.action} at ${e.detail.occurredAt}`);
    const written = timeline.map((r: { action: string; at: string }) => `${r.action} at ${r.at}`);
    expect(published.sort()).toEqual(written.sort());

    // and each carries the envelope of this case, a key of its own (a notification: its case event's) and an id
    for (const { detail } of caseEvents) {
      expect(detail).toMatchObject({
        schemaVersion: '1.0',
        caseId: id,
        implementationCode: BIRTH_REGISTRATION,
        baseCode: BIRTH_REGISTRATION.slice(0, 12),
        matterVersion: expect.any(Number),
        department: 'public-security',
        handlingRegion: '610100',
        receivingRegion: '610100',
      });
      expect(detail.occurredAt >= submittedFrom && detail.occurredAt <= new Date().toISOString()).toBe(true);
    }
    const keys = events.map((e) => `${e.source} ${e.detailType} ${e.detail.idempotencyKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    const caseKeys = caseEvents.map((e) => e.detail.idempotencyKey);
    const notifications = events.filter((e) => e.detailType === 'Notification Requested');
    expect(notifications.filter((e) => !caseKeys.includes(e.detail.idempotencyKey))).toEqual([]);
    const ids = events.map((e) => e.detail.eventId);
    expect(new Set(ids).size).toBe(ids.length);

    // and the department subscribed on Xi'an's bus receives each case event, and no notification
    const onXian = await eventually(async () => {
      const found = await eventsOn(XIAN, id);
      return found.length >= caseEvents.length ? found : undefined;
    });
    expect(onXian.map((e) => e.detail.eventId).sort()).toEqual(
      caseEvents.map((e) => e.detail.eventId).sort(),
    );
  });

  it('publishes the hand-offs of a case received in one region and decided in another as the contract says, on both buses', async () => {
    // given 出生登记 of Baoji taken in at a window in Xi'an, and decided in Baoji
    const window = await tokenFor('window', { user: 'window-xian' });
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police', region: '610300' });
    const id = await takeInForZhang(window, BAOJI_BIRTH_REGISTRATION, E_LICENCES);
    await approveAll(reviewer, id, ['review', 'decision', 'issuance']);

    // when the application has gone to Baoji and the result come back, each signed for
    const received = (found: BusEvent[], kind: string) =>
      found.some((e) => e.detailType === 'Hand-off Received' && e.detail.handoff.kind === kind);
    const events = await hubEventsOnce(
      id,
      (found) => received(found, 'application') && received(found, 'result'),
    );

    // then every event fits its schema, and names where the case was received and where it is decided
    expect(invalidAmong(events)).toEqual([]);
    const handoffs = events.filter((e) => e.source === 'tongban.routing');
    expect(
      handoffs
        .map((e) => `${e.detailType}: ${e.detail.handoff.fromRegion} → ${e.detail.handoff.toRegion}`)
        .sort(),
    ).toEqual([
      'Hand-off Received: 610100 → 610300',
      'Hand-off Received: 610300 → 610100',
      'Hand-off Sent: 610100 → 610300',
      'Hand-off Sent: 610300 → 610100',
    ]);
    for (const { detail } of events.filter((e) => e.source !== 'tongban.notifications')) {
      expect(detail).toMatchObject({ caseId: id, handlingRegion: '610300', receivingRegion: '610100' });
    }

    // and both regions' buses carry every event that names them
    const routed = events
      .filter((e) => e.detail.handlingRegion)
      .map((e) => e.detail.eventId)
      .sort();
    for (const bus of [BAOJI, XIAN]) {
      const arrived = await eventually(async () => {
        const found = await eventsOn(bus, id);
        return found.length >= routed.length ? found : undefined;
      });
      expect(arrived.map((e) => e.detail.eventId).sort(), bus).toEqual(routed);
    }
  });
});
