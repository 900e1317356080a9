import { GetScheduleCommand, ResourceNotFoundException, SchedulerClient } from '@aws-sdk/client-scheduler';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import { calendarWith, defaultCalendar } from '../../shared/domain/clock/calendar.ts';
import { documents, localModel, physicalName } from '../support/assembly.ts';
import { approveToTheEnd, caseOf, decide, statusBecomes, taskFor, underReview } from '../support/cases.ts';
import { call, endpoints, eventually, setPlatformClock, tokenFor } from '../support/local.ts';
import { ownPlatform } from '../support/own-platform.ts';
import { expectNoStuckCases, stuckCases } from '../support/stuck.ts';

// 个体工商户设立登记 in Xi'an: premises by commitment (告知承诺), verified 20 working days after approval.
const SOLE_TRADER = '000109004000610100';
// 食品经营许可 in Xi'an: the food-safety rules may follow (容缺) within the promised 2 working days.
const FOOD_BUSINESS = '000109005000610100';

/** The last year chinese-days publishes, and the one after it, which nobody has published yet. */
const LAST = Math.max(...defaultCalendar().years());
const NEXT = LAST + 1;
/** A made-up notice for NEXT: 1-4 January off (a bridging Monday in 2027), 1 October. */
const NOTICE = {
  holidays: [1, 2, 3, 4].map((d) => `${NEXT}-01-0${d}`).concat(`${NEXT}-10-01`),
  workdays: [],
  source: `test: a hypothetical ${NEXT} notice`,
};
const known = calendarWith([{ year: NEXT, ...NOTICE }]);

const scheduler = () =>
  new SchedulerClient({ ...LOCAL_ACCOUNT, credentials: LOCAL_CREDENTIALS, endpoint: endpoints().aws });
async function scheduleOf(name: string) {
  try {
    return (await scheduler().send(new GetScheduleCommand({ Name: name }))).ScheduleExpression;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

const idle = () => call('/local/idle');
const at = (day: string, time = '10:00') => setPlatformClock({ now: `${day}T${time}:00+08:00` });

async function commitmentCase(citizen: string, reviewer: string) {
  const { id } = await underReview(citizen, {
    implementationCode: SOLE_TRADER,
    commitment: true,
    materials: [{ materialId: 'premises', by: 'commitment' }],
  });
  const concluded = await approveToTheEnd(reviewer, citizen, id);
  return {
    id,
    concluded,
    verification: concluded.obligations.find((o: { kind: string }) => o.kind === 'verification'),
  };
}

describe('the legal clock on the days that matter, on a platform whose clock the tests set', () => {
  let own: Awaited<ReturnType<typeof ownPlatform>> | undefined;
  let citizen: string;
  let reviewer: string;
  const late: { commitment?: string; tolerance?: string } = {};

  beforeAll(async () => {
    own = await ownPlatform({ name: 'year-boundary', now: '2026-01-02T10:00:00+08:00' });
    citizen = await tokenFor('citizen');
    reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-market' });
  }, 240_000);

  afterAll(async () => {
    if (own) await expectNoStuckCases();
    await own?.stop();
  }, 120_000);

  it('on 2 January, a holiday, dates the verification from the make-up Sunday after it', async () => {
    const { verification } = await commitmentCase(citizen, reviewer);
    // 1-3 January 2026 off, Sunday the 4th worked: 20 working days from 2 January end on the 29th.
    expect(verification).toMatchObject({ deadline: '2026-01-29', status: 'open' });
    expect(verification.provisionalYears).toBeUndefined();
  });

  it('mid-year, concludes with a verification date that is not provisional', async () => {
    await at('2026-06-15');
    const { id, verification, concluded } = await commitmentCase(citizen, reviewer);
    expect(verification).toMatchObject({ deadline: '2026-07-14' });
    expect(concluded.provisional).toBeUndefined();
    await idle();
    expect(await scheduleOf(`case-${id}-verification`)).toBe('at(2026-07-15T00:00:00)');
  });

  it('on the eve of National Day, counts over the break and its make-up Saturday', async () => {
    await at('2026-09-30');
    const { verification } = await commitmentCase(citizen, reviewer);
    // 1-7 October off, Saturday 10 October worked: the 20th working day is 3 November, not the 4th.
    expect(verification).toMatchObject({ deadline: '2026-11-03' });
  });

  it(`on 20 December ${LAST}, with ${NEXT} unpublished, concludes at once with a provisional verification date`, async () => {
    await at(`${LAST}-12-20`);
    const { id, verification, concluded } = await commitmentCase(citizen, reviewer);
    const provisional = defaultCalendar().addWorkingDays(`${LAST}-12-20`, 20);
    expect(verification).toMatchObject({ deadline: provisional, provisionalYears: [NEXT] });
    expect(concluded.provisional.years).toEqual([NEXT]);
    expect(concluded.provisional['zh-CN']).toContain('暂定');
    await idle();
    expect(await scheduleOf(`case-${id}-verification`)).toBe(`at(${dayAfter(provisional)}T00:00:00)`);
    late.commitment = id;
  });

  it(`accepts a 容缺 case on 31 December with a provisional deadline, and does not terminate it on that day`, async () => {
    await at(`${LAST}-12-31`);
    const { id, reviewing } = await underReview(citizen, {
      implementationCode: FOOD_BUSINESS,
      tolerance: true,
      materials: [],
    });
    const provisional = defaultCalendar().addWorkingDays(`${LAST}-12-31`, 2);
    const real = known.addWorkingDays(`${LAST}-12-31`, 2);
    expect(real > provisional, 'the notice of this test must move the deadline later').toBe(true);
    expect(reviewing.obligations).toEqual([
      expect.objectContaining({
        materialId: 'safety-rules',
        deadline: provisional,
        provisionalYears: [NEXT],
      }),
    ]);
    await idle();
    expect(await scheduleOf(`case-${id}-obligations`)).toBeUndefined();

    // The day after the provisional deadline: on the real schedule the material is still in time.
    await at(real);
    await idle();
    expect((await caseOf(citizen, id)).status).toBe('under-review');
    late.tolerance = id;
  });

  it(`computes every waiting case again, once, when ${NEXT} is loaded: dates and reminders move`, async () => {
    const admin = await tokenFor('admin');
    const loaded = await call(`/api/calendar/years/${NEXT}`, {
      method: 'PUT',
      token: admin,
      body: JSON.stringify(NOTICE),
    });
    expect(loaded.status).toBe(200);

    const verification = known.addWorkingDays(`${LAST}-12-20`, 20);
    const committed = await eventually(async () => {
      const c = await caseOf(citizen, late.commitment!);
      const o = c.obligations.find((x: { kind: string }) => x.kind === 'verification');
      return o.provisionalYears ? undefined : c;
    });
    expect(committed.obligations[0]).toMatchObject({ deadline: verification });
    expect(committed.provisional).toBeUndefined();
    await idle();
    expect(await scheduleOf(`case-${late.commitment}-verification`)).toBe(
      `at(${dayAfter(verification)}T00:00:00)`,
    );

    const deferred = await caseOf(citizen, late.tolerance!);
    const real = known.addWorkingDays(`${LAST}-12-31`, 2);
    expect(deferred.obligations[0]).toMatchObject({ deadline: real, status: 'open' });
    expect(deferred.obligations[0].provisionalYears).toBeUndefined();
    expect(deferred.timeline.filter((r: { action: string }) => r.action === 'recompute-dates')).toHaveLength(
      1,
    );
    expect(await scheduleOf(`case-${late.tolerance}-obligations`)).toBe(`at(${dayAfter(real)}T00:00:00)`);
  });

  it('terminates the 容缺 case once its real deadline has passed, and not before', async () => {
    const real = known.addWorkingDays(`${LAST}-12-31`, 2);
    await at(dayAfter(real), '00:30');
    const ended = await statusBecomes(citizen, late.tolerance!, 'terminated');
    expect(ended.timeline.at(-1).reason).toContain(real);
  });

  it('marks a case whose workflow step keeps failing stalled, lists it for its supervisors, and resumes it', async () => {
    const { id } = await underReview(citizen, {
      implementationCode: SOLE_TRADER,
      commitment: true,
      materials: [{ materialId: 'premises', by: 'commitment' }],
    });
    // The matter version the case is judged by goes missing: recording the decision cannot load it.
    const matters = physicalName(localModel(), 'AWS::DynamoDB::Table', 'MattersTable');
    const { Items } = await documents().send(
      new QueryCommand({
        TableName: matters,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': `ITEM#${SOLE_TRADER}`, ':v': 'V#' },
      }),
    );
    const versions = Items ?? [];
    for (const v of versions)
      await documents().send(new DeleteCommand({ TableName: matters, Key: { pk: v.pk, sk: v.sk } }));
    const task = await taskFor(reviewer, id);
    expect((await decide(reviewer, task.id, 'approve')).status).toBe(200);

    const supervisor = await tokenFor('supervisor', { user: 'supervisor-xian' });
    const listed = await eventually(async () => {
      const { body } = await call('/api/staff/stalled', { token: supervisor });
      return body.items.find((s: { caseId: string }) => s.caseId === id);
    }, 60_000);
    expect(listed).toMatchObject({ state: 'RecordDecision', region: '610100', status: 'under-review' });
    expect((await stuckCases()).map((c) => c.caseId)).toContain(id);
    const elsewhere = await tokenFor('supervisor', { region: '610300' });
    const theirs = await call('/api/staff/stalled', { token: elsewhere });
    expect(theirs.body.items.map((s: { caseId: string }) => s.caseId)).not.toContain(id);
    expect(
      (
        await call(`/api/staff/cases/${id}/resume`, {
          method: 'POST',
          token: elsewhere,
          body: '{"reason":"试试"}',
        })
      ).status,
    ).toBe(404);

    for (const v of versions) await documents().send(new PutCommand({ TableName: matters, Item: v }));
    const resumed = await call(`/api/staff/cases/${id}/resume`, {
      method: 'POST',
      token: supervisor,
      body: JSON.stringify({ reason: '事项版本已恢复 / the matter version is restored' }),
    });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    expect(
      (
        await call(`/api/staff/cases/${id}/resume`, {
          method: 'POST',
          token: supervisor,
          body: '{"reason":"再来"}',
        })
      ).status,
    ).toBe(409);
    const concluded = await approveToTheEnd(reviewer, citizen, id);
    expect(concluded.timeline.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['stall', 'resume-workflow']),
    );
    const { body } = await call('/api/staff/stalled', { token: supervisor });
    expect(body.items.map((s: { caseId: string }) => s.caseId)).not.toContain(id);
  });
});

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
