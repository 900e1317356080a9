import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { describe, expect, inject, it } from 'vitest';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import { localModel, physicalName } from '../support/assembly.ts';
import { approveAll, statusBecomes, submit, supplement, uploadPdf } from '../support/cases.ts';
import { call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';

// 食品经营许可 in Xi'an: its food-safety rules may follow after acceptance (容缺).
const FOOD_BUSINESS = '000109005000610100';

interface Message {
  id: string;
  caseId: string;
  template: string;
  title: { 'zh-CN': string; en: string };
  body: { 'zh-CN': string; en: string };
  createdAt: string;
  read: boolean;
}

/** Every message of an inbox, newest first, through every page (other tests fill the same inboxes). */
async function inbox(token: string): Promise<Message[]> {
  const all: Message[] = [];
  let cursor: string | undefined;
  do {
    const { status, body } = await call(`/api/messages?limit=50${cursor ? `&cursor=${cursor}` : ''}`, {
      token,
    });
    expect(status, JSON.stringify(body)).toBe(200);
    all.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return all;
}

const messagesOf = async (token: string, caseId: string) =>
  (await inbox(token)).filter((m) => m.caseId === caseId);

/** Waits for the message of one template about a case. */
const messageAbout = (token: string, caseId: string, template: string) =>
  eventually(async () => (await messagesOf(token, caseId)).find((m) => m.template === template));

interface HubEvent {
  source: string;
  detailType: string;
  detail: Record<string, unknown> & { caseId?: string; template?: string };
}
const hubEvents = async (): Promise<HubEvent[]> =>
  (await call('/local/events?bus=tongban-dev-hub')).body.events;

/** Waits for the `Notification Requested` event of one template about a case, on the hub. */
const notificationEvent = (caseId: string, template: string) =>
  eventually(async () =>
    (await hubEvents()).find(
      (e) =>
        e.source === 'tongban.notifications' &&
        e.detailType === 'Notification Requested' &&
        e.detail.caseId === caseId &&
        e.detail.template === template,
    ),
  );

const notifier = () =>
  new LambdaClient({
    region: LOCAL_ACCOUNT.region,
    credentials: LOCAL_CREDENTIALS,
    endpoint: inject('endpoints').aws,
  });

describe('notifications: the in-app inbox and the Notification Requested events', () => {
  it('tells the applicant of acceptance and conclusion in both languages, and no one else; each also as an event', async () => {
    const zhang = await tokenFor('citizen', { user: 'citizen-zhang' });
    const li = await tokenFor('citizen', { user: 'citizen-li' });
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const id = await submit(zhang, { implementationCode: BIRTH_REGISTRATION, materials: E_LICENCES });

    const accepted = await messageAbout(zhang, id, 'accepted');
    expect(accepted.title).toEqual({ 'zh-CN': '申请已受理', en: 'Application accepted' });
    expect(accepted.body['zh-CN']).toContain(`（办件 ${id.slice(0, 8)}）已受理`);
    expect(accepted.body.en).toContain(`(case ${id.slice(0, 8)}) has been accepted`);
    expect(accepted.read).toBe(false);
    // Checked as soon as it is there: the hub's local log keeps only the latest events.
    const acceptedEvent = await notificationEvent(id, 'accepted');
    expect(acceptedEvent.detail).toMatchObject({
      schemaVersion: '1.0',
      caseId: id,
      channels: ['in-app'],
      message: { 'zh-CN': { title: '申请已受理' }, en: { title: 'Application accepted' } },
    });
    expect(acceptedEvent.detail.recipient).toEqual({ idHash: expect.any(String) });
    expect(acceptedEvent.detail).not.toHaveProperty('handlingRegion');

    await approveAll(reviewer, id, ['review', 'decision', 'issuance']);
    await statusBecomes(zhang, id, 'concluded');
    const concluded = await messageAbout(zhang, id, 'concluded');
    expect(concluded.title).toEqual({ 'zh-CN': '办件已办结', en: 'Case concluded' });
    expect(concluded.body['zh-CN']).toContain('结果：准予许可');
    expect(concluded.body.en).toContain('is concluded: approved');
    expect((await notificationEvent(id, 'concluded')).detail.channels).toContain('sms');

    await messageAbout(zhang, id, 'approved');
    const mine = await messagesOf(zhang, id);
    // Newest first, one message per change.
    expect(mine.map((m) => m.template)).toEqual(['concluded', 'approved', 'accepted']);
    expect(JSON.stringify(mine)).not.toMatch(/张伟|610104199003071230|13812345678/);
    expect(await messagesOf(li, id)).toEqual([]);
  });

  it('writes no second message when the same case event is delivered again', async () => {
    const zhang = await tokenFor('citizen', { user: 'citizen-zhang' });
    const id = await submit(zhang, { implementationCode: BIRTH_REGISTRATION, materials: E_LICENCES });
    await messageAbout(zhang, id, 'accepted');
    const caseEvent = await eventually(async () =>
      (await hubEvents()).find((e) => e.detailType === 'Case Accepted' && e.detail.caseId === id),
    );

    // A replay from the archive, or a retried delivery: the notifier gets the same event again.
    const { Payload, FunctionError } = await notifier().send(
      new InvokeCommand({
        FunctionName: physicalName(localModel(), 'AWS::Lambda::Function', 'NotificationsNotify'),
        Payload: JSON.stringify({
          version: '0',
          id: 'replayed',
          source: caseEvent.source,
          'detail-type': caseEvent.detailType,
          detail: caseEvent.detail,
        }),
      }),
    );
    expect(FunctionError).toBeUndefined();
    expect(JSON.parse(Buffer.from(Payload!).toString('utf8'))).toEqual({
      notified: false,
      template: 'accepted',
    });
    expect((await messagesOf(zhang, id)).filter((m) => m.template === 'accepted')).toHaveLength(1);
  });

  it('tells what is due by when after an acceptance under 容缺', async () => {
    const zhang = await tokenFor('citizen', { user: 'citizen-zhang' });
    const id = await submit(zhang, {
      implementationCode: FOOD_BUSINESS,
      tolerance: true,
      materials: [],
    });
    const notice = await messageAbout(zhang, id, 'correction-requested');
    expect(notice.body.en).toContain('Please supply all of this at once');

    const files = ['application-form', 'business-licence', 'layout'];
    const uploads = [];
    for (const material of files) uploads.push(await uploadPdf(zhang, id, material));
    await eventually(async () => {
      const checked = await Promise.all(
        files.map(async (m) => (await call(`/api/cases/${id}/materials/${m}`, { token: zhang })).status),
      );
      return checked.every((s) => s === 200) ? true : undefined;
    });
    expect((await supplement(zhang, id, uploads)).status).toBe(200);
    const [obligation] = (await statusBecomes(zhang, id, 'under-review')).obligations;

    const due = await messageAbout(zhang, id, 'accepted-with-obligations');
    expect(due.body['zh-CN']).toContain(`请于 ${obligation.deadline}（含当日）前补交：${obligation.name}`);
    expect(due.body.en).toContain(`by ${obligation.deadline} (inclusive): ${obligation.name}`);
    expect((await notificationEvent(id, 'accepted-with-obligations')).detail.channels).toContain('sms');
  });

  it("marks a message read for its recipient only: someone else's is a 404", async () => {
    const zhang = await tokenFor('citizen', { user: 'citizen-zhang' });
    const li = await tokenFor('citizen', { user: 'citizen-li' });
    const id = await submit(zhang, { implementationCode: BIRTH_REGISTRATION, materials: E_LICENCES });
    const message = await messageAbout(zhang, id, 'accepted');

    const bySomeoneElse = await call(`/api/messages/${message.id}/read`, { method: 'POST', token: li });
    expect(bySomeoneElse.status).toBe(404);
    expect(bySomeoneElse.body.error.code).toBe('MESSAGE_NOT_FOUND');
    expect((await messageAbout(zhang, id, 'accepted')).read).toBe(false);

    const read = await call(`/api/messages/${message.id}/read`, { method: 'POST', token: zhang });
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toMatchObject({ id: message.id, template: 'accepted', read: true });
    expect((await messageAbout(zhang, id, 'accepted')).read).toBe(true);

    const again = await call(`/api/messages/${message.id}/read`, { method: 'POST', token: zhang });
    expect(again.body.readAt).toBe(read.body.readAt);
    expect(
      (await call('/api/messages/bm8tc3VjaC1tZXNzYWdl/read', { method: 'POST', token: zhang })).status,
    ).toBe(404);
  });
});
