import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseClock } from '../../../shared/domain/cases/clock-record.ts';
import type { Case } from '../../../shared/domain/cases/model.ts';
import { escalatesAt, reviewDeadline } from '../../../shared/domain/cases/review-deadline.ts';
import { defaultCalendar } from '../../../shared/domain/clock/calendar.ts';
import { addDays } from '../../../shared/domain/clock/dates.ts';
import { at, caseIn, foodBusinessLicence } from './fixtures.ts';

const calendar = defaultCalendar();
// 受理 1, 审查 5, 决定 3, 制证 1: the review steps take 9 working days on their own.
const STEPS = foodBusinessLicence().processSteps;

/** Accepted on `day` with a promised limit of `limitDays`, at `step`. */
function reviewing(day: string, limitDays: number, step = 'review'): Case {
  return caseIn('under-review', {
    acceptedAt: at(day, '10:00'),
    updatedAt: at(day, '10:00'),
    step,
    clock: { limitDays, pauses: [], extensions: [] },
  });
}

const deadlineOf = (
  c: Case,
  step: string,
  from: string,
  steps: Parameters<typeof reviewDeadline>[0]['steps'] = STEPS,
) => reviewDeadline({ case: c, steps, step, from, today: from, calendar });

describe('the deadline of a review task', () => {
  it('is the step’s own period when the steps fit the promised limit', () => {
    // given a case accepted on Thursday 2025-09-04 with 10 working days promised (due 2025-09-18)
    const c = reviewing('2025-09-04', 10);
    // when its review step opens that day, then it has its own 5 working days
    expect(deadlineOf(c, 'review', '2025-09-04')).toEqual({
      deadline: '2025-09-11',
      period: { from: '2025-09-04', days: 5 },
      ownDays: 5,
      provisionalYears: [],
    });
  });

  it('shares out a promise shorter than the steps, so no step is due after the case', () => {
    // given 2 working days promised from Thursday 2025-09-04: the case is due Monday 2025-09-08
    const c = reviewing('2025-09-04', 2);
    expect(caseClock(c, calendar, '2025-09-04')?.deadline).toBe('2025-09-08');
    // when each step opens the day the one before it was decided
    const review = deadlineOf(c, 'review', '2025-09-04');
    const decision = deadlineOf({ ...c, step: 'decide' }, 'decide', review.deadline);
    const issuance = deadlineOf({ ...c, step: 'issue' }, 'issue', decision.deadline);
    // then each gets a share of what is left, and the last is due with the case
    expect(review).toMatchObject({ deadline: '2025-09-05', period: { days: 1 }, caseDeadline: '2025-09-08' });
    expect(decision).toMatchObject({
      deadline: '2025-09-08',
      period: { days: 1 },
      caseDeadline: '2025-09-08',
    });
    expect(issuance).toMatchObject({
      deadline: '2025-09-08',
      period: { days: 0 },
      caseDeadline: '2025-09-08',
    });
  });

  it('gives the days an earlier step did not use to the steps after it', () => {
    // given 6 working days promised from Monday 2025-09-01 (due 2025-09-09), the review decided the same day
    const c = { ...reviewing('2025-09-01', 6), step: 'decide' };
    // then the decision's share is 6 × 3/4 rounded: 5 days, no more than its own 3
    expect(deadlineOf(c, 'decide', '2025-09-01')).toMatchObject({
      deadline: '2025-09-04',
      period: { days: 3 },
    });
  });

  it('is the case’s deadline, already past, when the case is overdue', () => {
    // given a case due 2025-09-08, its decision step opening on Wednesday 2025-09-10
    const c = { ...reviewing('2025-09-04', 2), step: 'decide' };
    expect(deadlineOf(c, 'decide', '2025-09-10')).toMatchObject({
      deadline: '2025-09-08',
      period: { from: '2025-09-10', days: 0 },
      ownDays: 3,
    });
  });

  it('is the step’s own period when the case has no clock yet', () => {
    const c = caseIn('under-review', { step: 'review' });
    expect(deadlineOf(c, 'review', '2025-09-01')).toMatchObject({
      deadline: '2025-09-08',
      period: { days: 5 },
    });
  });

  it('is provisional when the case’s deadline that shortened it assumed an unpublished year', () => {
    const next = Math.max(...calendar.years()) + 1;
    // given a case accepted on 28 December with 4 working days promised: due in a year nobody has published
    const c = reviewing(`${next - 1}-12-28`, 4);
    const review = deadlineOf(c, 'review', `${next - 1}-12-28`);
    // then the review's share ends in the known year, but was counted from the provisional deadline
    expect(review.deadline < `${next}-01-01`).toBe(true);
    expect(review.provisionalYears).toEqual([next]);
  });

  it('never falls after the case’s deadline nor beyond the step’s own period, whatever the promise and the steps', () => {
    const steps = fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        steps,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 60 }),
        fc.nat(),
        (limits, limitDays, daysLater, pick) => {
          // given a matter with these review steps, a case accepted on 2025-03-03 with this promise
          const own = limits.map((limitDays, i) => ({ id: `s${i}`, kind: 'review' as const, limitDays }));
          const step = own[pick % own.length]!.id;
          const c = caseIn('under-review', {
            acceptedAt: at('2025-03-03', '10:00'),
            step,
            matter: { implementationCode: 'x', name: 'x', steps: own.map((s) => s.id) },
            clock: { limitDays, pauses: [], extensions: [] },
          });
          const from = addDays('2025-03-03', daysLater);
          // when the step opens some day after acceptance
          const review = deadlineOf(c, step, from, own);
          const caseDeadline = caseClock(c, calendar, from)!.deadline;
          // then it is due no later than the case, and no later than its own period allows
          expect(review.deadline <= caseDeadline).toBe(true);
          expect(review.deadline <= calendar.addWorkingDays(from, review.ownDays)).toBe(true);
        },
      ),
    );
  });
});

describe('when a review task is escalated', () => {
  const review = { deadline: '2025-09-08', ownDays: 3 };

  it('is the end of its deadline, China time, while that is to come', () => {
    expect(escalatesAt(review, '2025-09-05T10:00:00+08:00', calendar)).toBe('2025-09-08T15:59:59.000Z');
  });

  it('is one step period on for a case already past its deadline, never at once', () => {
    // given a task opened on an overdue case on Wednesday 2025-09-10
    const when = escalatesAt(review, '2025-09-10T10:00:00+08:00', calendar);
    // then it is escalated at the end of the step's third working day after, not a minute later
    expect(when).toBe('2025-09-15T15:59:59.000Z');
  });
});
