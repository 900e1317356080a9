import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarWith, defaultCalendar } from '../../shared/domain/clock/calendar.ts';
import { approvalExecutionArn } from '../support/assembly.ts';
import { approveToTheEnd, caseOf, decide, fastForward, taskFor, underReview } from '../support/cases.ts';
import { call, endpoints, eventually, setPlatformClock, tokenFor } from '../support/local.ts';
import { ownPlatform } from '../support/own-platform.ts';
import { expectNoStuckCases } from '../support/stuck.ts';

// 食品经营许可 in Xi'an promises 2 working days; its review steps take 6 (审查及现场核查), 2 and 1 on their own.
const FOOD_XIAN = '000109005000610100';
// The same matter in Baoji promises 5.
const FOOD_BAOJI = '000109005000610300';
const REVIEW_OWN_DAYS = 6;

const LAST = Math.max(...defaultCalendar().years());
const NEXT = LAST + 1;
/** A made-up notice for NEXT: 1-4 January off (a bridging day), 1 October. */
const NOTICE = {
  holidays: [1, 2, 3, 4].map((d) => `${NEXT}-01-0${d}`).concat(`${NEXT}-10-01`),
  workdays: [],
  source: `test: a hypothetical ${NEXT} notice`,
};

const at = (day: string, time = '10:00') => setPlatformClock({ now: `${day}T${time}:00+08:00` });
const idle = () => call('/local/idle');

/** The seconds the latest review state of the case's execution was given before it times out (local history). */
async function reviewTimeoutSeconds(caseId: string): Promise<number> {
  const res = await fetch(endpoints().aws!, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'AWSStepFunctions.GetExecutionHistory',
    },
    body: JSON.stringify({ executionArn: approvalExecutionArn(caseId) }),
  });
  const { events } = (await res.json()) as {
    events: {
      type: string;
      stateName?: string;
      input?: { review?: { result?: { timeoutSeconds?: number } } };
    }[];
  };
  const entered = events.filter((e) => e.type === 'StateEntered' && e.stateName === 'Review').at(-1);
  return entered!.input!.review!.result!.timeoutSeconds!;
}

describe('one clock: a review task is never due after its case, on a platform whose clock the test sets', () => {
  let own: Awaited<ReturnType<typeof ownPlatform>> | undefined;
  let citizen: string;
  let reviewer: string;

  beforeAll(async () => {
    // Monday 7 September 2026: no holiday for the next two weeks.
    own = await ownPlatform({ name: 'one-clock', now: '2026-09-07T10:00:00+08:00' });
    citizen = await tokenFor('citizen');
    reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-market' });
  }, 240_000);

  afterAll(async () => {
    if (own) await expectNoStuckCases();
    await own?.stop();
  }, 120_000);

  it('shows in the guide the 容缺 period and the step shares a case gets', async () => {
    const xian = (await call(`/api/matters/${FOOD_XIAN}`)).body;
    // 5 working days by default, never beyond the promised 2
    expect(xian).toMatchObject({ promisedLimitDays: 2, toleranceDays: 2 });
    expect(xian.stepShares).toEqual([
      { step: 'review', days: 1 },
      { step: 'decision', days: 1 },
      { step: 'issuance', days: 0 },
    ]);
    const baoji = (await call(`/api/matters/${FOOD_BAOJI}`)).body;
    expect(baoji).toMatchObject({ promisedLimitDays: 5, toleranceDays: 5 });
  });

  it('dates every review step of a matter whose steps exceed its promise on or before the case’s deadline', async () => {
    // given a case accepted on Monday 7 September, promised 2 working days: due Wednesday the 9th
    await at('2026-09-07');
    const { id, reviewing } = await underReview(citizen, { implementationCode: FOOD_XIAN, materials: [] });
    expect(reviewing.clock.deadline).toBe('2026-09-09');
    const due = reviewing.clock.deadline;
    // when the reviewers decide the review that day, and the decision the next
    const review = await taskFor(reviewer, id, 'review');
    expect((await decide(reviewer, review.id, 'approve')).status).toBe(200);
    const decision = await taskFor(reviewer, id, 'decision');
    await at('2026-09-08');
    expect((await decide(reviewer, decision.id, 'approve')).status).toBe(200);
    const issuance = await taskFor(reviewer, id, 'issuance');
    // then no step is due after the deadline the citizen was given
    for (const task of [review, decision, issuance]) {
      expect(task.deadline <= due, `${task.step} due ${task.deadline}, the case ${due}`).toBe(true);
      expect(task.provisionalYears).toBeUndefined();
    }
    // and each had its share of what was left when it opened: a day each, the last step the case's last day
    expect([review.deadline, decision.deadline, issuance.deadline]).toEqual([
      '2026-09-08',
      '2026-09-08',
      '2026-09-09',
    ]);
    expect((await decide(reviewer, issuance.id, 'approve')).status).toBe(200);
    await eventually(async () => ((await caseOf(citizen, id)).status === 'concluded' ? true : undefined));
  });

  it('escalates a task of an overdue case once, and again only after the step’s own period', async () => {
    // given a case accepted on Thursday 10 September, due Monday the 14th, its review open
    await at('2026-09-10');
    const { id, reviewing } = await underReview(citizen, { implementationCode: FOOD_XIAN, materials: [] });
    const first = await taskFor(reviewer, id, 'review');
    expect(first.deadline).toBe('2026-09-11');
    expect(first.escalatesAt).toBe('2026-09-11T15:59:59.000Z');
    // when on Wednesday the 16th, the case overdue, the review runs out of time
    await at('2026-09-16');
    expect((await fastForward({ timeOut: { executionArn: approvalExecutionArn(id) } })).timedOut).toBe(1);
    const escalated = await eventually(async () => {
      const t = await taskFor(reviewer, id, 'review');
      return t.id !== first.id ? t : undefined;
    });
    // then the new task is due with the case, overdue, and is escalated again six working days on, not at once
    const again = defaultCalendar().addWorkingDays('2026-09-16', REVIEW_OWN_DAYS);
    expect(escalated).toMatchObject({ escalated: true, deadline: reviewing.clock.deadline });
    expect(escalated.escalatesAt).toBe(`${again}T15:59:59.000Z`);
    expect(await reviewTimeoutSeconds(id)).toBeGreaterThanOrEqual(REVIEW_OWN_DAYS * 86_400);
    await idle();
    const c = await caseOf(citizen, id);
    expect(c.timeline.filter((r: { action: string }) => r.action === 'escalate')).toHaveLength(1);
    await approveToTheEnd(reviewer, citizen, id);
  });

  it(`marks a share counted from a deadline in unpublished ${NEXT} provisional, and dates it again when ${NEXT} is loaded`, async () => {
    // given a case accepted on 30 December with 2 working days promised: due in a year nobody has published
    await at(`${LAST}-12-30`);
    const { id, reviewing } = await underReview(citizen, { implementationCode: FOOD_XIAN, materials: [] });
    expect(reviewing.clock.provisionalYears).toEqual([NEXT]);
    const review = await taskFor(reviewer, id, 'review');
    expect(review.provisionalYears).toEqual([NEXT]);
    expect(review.deadline <= reviewing.clock.deadline).toBe(true);
    // when the review is decided on the 31st, the decision step opens with the provisional day that is left
    await at(`${LAST}-12-31`);
    expect((await decide(reviewer, review.id, 'approve')).status).toBe(200);
    const decision = await taskFor(reviewer, id, 'decision');
    expect(decision).toMatchObject({ deadline: reviewing.clock.deadline, provisionalYears: [NEXT] });

    // and when an administrator loads NEXT, whose notice takes 4 January off
    const admin = await tokenFor('admin');
    const loaded = await call(`/api/calendar/years/${NEXT}`, {
      method: 'PUT',
      token: admin,
      body: JSON.stringify(NOTICE),
    });
    expect(loaded.status).toBe(200);
    // then the case's deadline moves to the real day, and the task with it, no longer provisional
    const real = calendarWith([{ year: NEXT, ...NOTICE }]).addWorkingDays(`${LAST}-12-30`, 2);
    const redated = await eventually(async () => {
      const t = await taskFor(reviewer, id, 'decision');
      return t.provisionalYears ? undefined : t;
    });
    expect((await caseOf(citizen, id)).clock.deadline).toBe(real);
    expect(redated.deadline).toBe(real);
    await approveToTheEnd(reviewer, citizen, id);
  });
});
