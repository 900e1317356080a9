import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import { approveAll, caseOf, statusBecomes, submit, takeInForZhang } from '../support/cases.ts';
import { call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';

const OTHER_CITIES = ['610200', '610400', '610500', '610600', '610700', '610800', '610900', '611000'];

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

describe('审管协同: results to the regulators, supervision records back', () => {
  const put = (detail: object) =>
    new EventBridgeClient({
      ...LOCAL_ACCOUNT,
      credentials: LOCAL_CREDENTIALS,
      endpoint: inject('endpoints').aws,
    }).send(
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
