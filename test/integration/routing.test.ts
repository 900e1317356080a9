import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import { approveAll, caseOf, statusBecomes, submit, takeInForZhang } from '../support/cases.ts';
import { call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';

const OTHER_CITIES = ['610200', '610400', '610500', '610600', '610700', '610800', '610900', '611000'];
/** Every region bus of the seed's regions: the province, the ten cities and the two special zones. */
const ALL_REGIONS = ['610000', '610100', '610300', '610403', '611100', ...OTHER_CITIES];

/** 出生登记 as implemented in another region: the same base item, that region's code. */
const birthRegistrationOf = (region: string) => `${BIRTH_REGISTRATION.slice(0, 12)}${region}`;

const eventsOn = async (bus: string, caseId: string) =>
  (await call(`/local/events?bus=tongban-dev-${bus}`)).body.events.filter(
    (e: { detail: { caseId?: string } }) => e.detail?.caseId === caseId,
  ) as { detailType: string; detail: Record<string, unknown> }[];

interface TimelineRecord {
  action: string;
  actor: { subject: string };
  handoff?: { kind: string; fromRegion: string; toRegion: string; receipt: { signature: string } };
}

describe('全省通办: received in Baoji, decided in Xi’an (异地代收代办)', () => {
  it('routes the case to both regions’ buses only, hands it off with signed receipts both ways, and shows it all in one timeline', async () => {
    // A window of Baoji (610300) takes in Xi'an's 出生登记 for 张伟 (citizen-zhang).
    const baojiWindow = await tokenFor('window', { user: 'window-xian', region: '610300' });
    const id = await takeInForZhang(baojiWindow, BIRTH_REGISTRATION, E_LICENCES);

    const submittedOn = (bus: string) =>
      eventsOn(bus, id).then((es) => es.filter((e) => e.detailType === 'Case Submitted'));
    expect(await eventually(async () => ((await submittedOn('610100')).length ? true : undefined))).toBe(
      true,
    );
    expect(await eventually(async () => ((await submittedOn('610300')).length ? true : undefined))).toBe(
      true,
    );

    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    await approveAll(reviewer, id, ['review', 'decision', 'issuance']);
    const citizen = await tokenFor('citizen');
    await statusBecomes(citizen, id, 'concluded');
    // The decision flows back to where the case was received.
    const backInBaoji = await eventually(async () => {
      const types = (await eventsOn('610300', id)).map((e) => e.detailType);
      return types.includes('Case Concluded') ? types : undefined;
    });
    expect(backInBaoji).toEqual(expect.arrayContaining(['Case Approved', 'Case Concluded']));

    const timeline = await eventually(async () => {
      const c = await caseOf(citizen, id);
      const handoffs = (c.timeline as TimelineRecord[]).filter((r) => r.handoff);
      return handoffs.length === 4 ? handoffs : undefined;
    });
    expect(
      timeline.map((r) => [
        r.action,
        r.handoff!.kind,
        r.handoff!.fromRegion,
        r.handoff!.toRegion,
        r.actor.subject,
      ]),
    ).toEqual([
      ['hand-off-sent', 'application', '610300', '610100', 'region:610300'],
      ['hand-off-received', 'application', '610300', '610100', 'region:610100'],
      ['hand-off-sent', 'result', '610100', '610300', 'region:610100'],
      ['hand-off-received', 'result', '610100', '610300', 'region:610300'],
    ]);
    for (const record of timeline) expect(record.handoff!.receipt.signature).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await call('/local/idle');
    for (const other of OTHER_CITIES) expect(await eventsOn(other, id), other).toEqual([]);
  });
});

const eventBridge = () =>
  new EventBridgeClient({
    ...LOCAL_ACCOUNT,
    credentials: LOCAL_CREDENTIALS,
    endpoint: inject('endpoints').aws,
  });

/** The event of a case on a bus once it arrived there. */
const arrivedOn = (bus: string, caseId: string, detailType: string, step?: string) =>
  eventually(async () =>
    (await eventsOn(bus, caseId)).find(
      (e) => e.detailType === detailType && (!step || e.detail.step === step),
    ),
  );

describe('every region handles its cases: the special zones and the province have their own buses', () => {
  it('routes a case for a matter of 杨凌示范区 to its bus only, where its department answers the review', async () => {
    const citizen = await tokenFor('citizen');
    const id = await submit(citizen, {
      implementationCode: birthRegistrationOf('610403'),
      materials: E_LICENCES,
    });

    expect((await arrivedOn('610403', id, 'Case Submitted')).detail).toMatchObject({
      handlingRegion: '610403',
      receivingRegion: '610403',
    });
    const request = await arrivedOn('610403', id, 'Review Requested', 'review');
    expect(request.detail).toMatchObject({ department: 'public-security', handlingRegion: '610403' });

    // 杨凌's public security answers on 杨凌's bus, as a city's department answers on its own.
    const { FailedEntryCount } = await eventBridge().send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'tongban-dev-610403',
            Source: 'tongban.departments',
            DetailType: 'Review Decision Submitted',
            Detail: JSON.stringify({
              schemaVersion: '1.0',
              idempotencyKey: `yangling-ps-${request.detail.taskId}`,
              taskId: request.detail.taskId,
              caseId: id,
              department: 'public-security',
              region: '610403',
              outcome: 'approve',
              reviewer: { id: 'yl-ps-01', name: '审查员乙' },
              decidedAt: new Date().toISOString(),
            }),
          },
        ],
      }),
    );
    expect(FailedEntryCount).toBe(0);
    await arrivedOn('610403', id, 'Review Requested', 'decision');

    await call('/local/idle');
    // Not 咸阳's bus either, although 杨凌's code (610403) lies under 咸阳's (610400) in GB/T 2260.
    for (const other of ALL_REGIONS.filter((r) => r !== '610403'))
      expect(await eventsOn(other, id), other).toEqual([]);
  });

  it("routes a provincial-level case taken in at a Xi'an window to the province's bus, and the province signs for the hand-off", async () => {
    const xianWindow = await tokenFor('window', { user: 'window-xian' });
    const id = await takeInForZhang(xianWindow, birthRegistrationOf('610000'), E_LICENCES);

    expect((await arrivedOn('610000', id, 'Case Submitted')).detail).toMatchObject({
      handlingRegion: '610000',
      receivingRegion: '610100',
    });
    await arrivedOn('610000', id, 'Review Requested', 'review');
    // Where it was received follows it too (异地代收代办).
    await arrivedOn('610100', id, 'Case Submitted');

    const citizen = await tokenFor('citizen');
    const handoffs = await eventually(async () => {
      const c = await caseOf(citizen, id);
      const records = (c.timeline as TimelineRecord[]).filter((r) => r.handoff);
      return records.length === 2 ? records : undefined;
    });
    expect(
      handoffs.map((r) => [r.action, r.handoff!.fromRegion, r.handoff!.toRegion, r.actor.subject]),
    ).toEqual([
      ['hand-off-sent', '610100', '610000', 'region:610100'],
      ['hand-off-received', '610100', '610000', 'region:610000'],
    ]);

    await call('/local/idle');
    for (const other of ALL_REGIONS.filter((r) => r !== '610000' && r !== '610100'))
      expect(await eventsOn(other, id), other).toEqual([]);
  });
});

describe('审管协同: results to the regulators, supervision records back', () => {
  const put = (detail: object) =>
    eventBridge().send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'tongban-dev-610100',
            Source: 'tongban.regulators',
            DetailType: 'Supervision Recorded',
            Detail: JSON.stringify(detail),
          },
        ],
      }),
    );

  it('names the holder of an approval by ID hash, and shows a supervision record on the holder’s later cases, once', async () => {
    const citizen = await tokenFor('citizen');
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const first = await submit(citizen, { implementationCode: BIRTH_REGISTRATION, materials: E_LICENCES });
    await approveAll(reviewer, first, ['review', 'decision', 'issuance']);
    const approval = await eventually(async () =>
      (await eventsOn('610100', first)).find((e) => e.detailType === 'Case Approved'),
    );
    const holder = approval.detail.holder as { idHash: string };
    expect(holder.idHash).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const record = {
      schemaVersion: '1.0',
      idempotencyKey: `inspection-${first}`,
      recordId: `JC-${first.slice(0, 8)}`,
      holder,
      caseId: first,
      kind: 'inspection',
      result: '合格',
      summary: '现场核查户籍信息，未发现问题',
      regulator: { department: 'public-security', region: '610100' },
      recordedAt: new Date().toISOString(),
    };
    await put(record);
    await put(record);

    const later = await submit(citizen, { implementationCode: BIRTH_REGISTRATION, materials: E_LICENCES });
    const seen = await eventually(async () => {
      const { body } = await call(`/api/staff/cases/${later}`, { token: reviewer });
      return body.supervision?.length ? body.supervision : undefined;
    });
    expect(seen.filter((r: { recordId: string }) => r.recordId === record.recordId)).toEqual([
      expect.objectContaining({ kind: 'inspection', result: '合格', caseId: first }),
    ]);
    expect(JSON.stringify(seen)).not.toContain(holder.idHash);
  });
});
