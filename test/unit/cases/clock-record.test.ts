import { describe, expect, it } from 'vitest';
import {
  caseClock,
  extendClock,
  pauseClock,
  resumeClock,
  warnClock,
} from '../../../shared/domain/cases/clock-record.ts';
import { decide } from '../../../shared/domain/cases/decision.ts';
import type { CaseError } from '../../../shared/domain/cases/errors.ts';
import { detailTypeOf } from '../../../shared/domain/cases/events.ts';
import { transition } from '../../../shared/domain/cases/lifecycle.ts';
import type { Case } from '../../../shared/domain/cases/model.ts';
import { remindersOf } from '../../../shared/domain/cases/reminders.ts';
import { defaultCalendar } from '../../../shared/domain/clock/calendar.ts';
import { APPLICANT, at, caseIn, REVIEWER, SUPERVISOR } from './fixtures.ts';

const calendar = defaultCalendar();
const SYSTEM = { subject: 'system', roles: ['system' as const] };

/** Accepted on Thursday 2025-09-04 with a promised limit of 10 working days: due 2025-09-18. */
function underReview(overrides: Partial<Case> = {}): Case {
  return caseIn('under-review', {
    acceptedAt: at('2025-09-04', '10:00'),
    updatedAt: at('2025-09-04', '10:00'),
    step: 'review',
    clock: { limitDays: 10, pauses: [], extensions: [] },
    ...overrides,
  });
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as CaseError).code;
  }
  return 'no error';
};

describe('the clock kept on the case', () => {
  it('counts the promised limit from the day after acceptance', () => {
    const clock = caseClock(underReview(), calendar, '2025-09-10')!;
    expect(clock).toMatchObject({ deadline: '2025-09-18', usedDays: 4, remainingDays: 6, status: 'green' });
  });

  it('has no clock before acceptance or once decided', () => {
    expect(caseClock(caseIn('submitted'), calendar, '2025-09-10')).toBeUndefined();
    expect(caseClock(underReview({ status: 'approved' }), calendar, '2025-09-10')).toBeUndefined();
  });
});

describe('returning a case for correction during review', () => {
  it('pauses the clock from the return to the supplement, and the deadline moves by those working days', () => {
    const returned = decide(
      underReview(),
      { outcome: 'return', reason: '营业执照复印件不清晰' },
      REVIEWER,
      at('2025-09-08'),
    );
    expect(returned.case.status).toBe('correction-requested');
    expect(returned.record).toMatchObject({
      action: 'return',
      from: 'under-review',
      to: 'correction-requested',
    });
    expect(returned.case.clock!.pauses).toEqual([
      { type: 'correction', start: '2025-09-08', reason: '营业执照复印件不清晰', by: REVIEWER.subject },
    ]);

    const corrected = transition(returned.case, 'corrected', {
      actor: APPLICANT,
      at: at('2025-09-10'),
      action: 'supplement',
    });
    expect(corrected.case.clock!.pauses[0]!.end).toBe('2025-09-10');

    const resumed = transition(corrected.case, 'under-review', {
      actor: SYSTEM,
      at: at('2025-09-10', '10:00'),
      step: 'review',
      action: 'resume-review',
    });
    expect(resumed.case).toMatchObject({
      status: 'under-review',
      step: 'review',
      acceptedAt: at('2025-09-04', '10:00'),
    });
    // 8, 9 and 10 September were spent on the correction.
    expect(caseClock(resumed.case, calendar, '2025-09-11')!.deadline).toBe('2025-09-23');
  });

  it('needs a reason, and sends an accepted case back to its review rather than to a second pre-check', () => {
    expect(codeOf(() => decide(underReview(), { outcome: 'return' }, REVIEWER, at('2025-09-08')))).toBe(
      'REASON_REQUIRED',
    );
    const corrected = caseIn('corrected', { acceptedAt: at('2025-09-04'), updatedAt: at('2025-09-08') });
    expect(
      codeOf(() =>
        transition(corrected, 'submitted', { actor: SYSTEM, at: at('2025-09-09'), action: 'resubmit' }),
      ),
    ).toBe('ALREADY_ACCEPTED');
  });
});

describe('a reviewer decision', () => {
  it('moves an approved step on to the next, and approves the case at the last', () => {
    const moved = decide(underReview(), { outcome: 'approve' }, REVIEWER, at('2025-09-08'));
    expect(moved.case).toMatchObject({ status: 'under-review', step: 'decide' });
    const atLast = { ...moved.case, step: 'issue' };
    const approved = decide(atLast, { outcome: 'approve' }, REVIEWER, at('2025-09-09'));
    expect(approved.case.status).toBe('approved');
  });

  it('refuses to approve while a deferred material is awaited', () => {
    const awaiting = underReview({
      step: 'issue',
      obligations: [
        {
          kind: 'material',
          materialId: 'floor-plan',
          name: '平面图',
          deadline: '2025-09-11',
          status: 'open',
        },
      ],
    });
    expect(codeOf(() => decide(awaiting, { outcome: 'approve' }, REVIEWER, at('2025-09-08')))).toBe(
      'OBLIGATIONS_OPEN',
    );
  });

  it('is not for a supervisor who does not handle the case', () => {
    expect(
      codeOf(() =>
        decide(underReview(), { outcome: 'deny', reason: '不符合条件' }, SUPERVISOR, at('2025-09-08')),
      ),
    ).toBe('NOT_PERMITTED');
  });
});

describe('pauses for special procedures and extensions', () => {
  it('lets a handler pause the clock for an inspection and resume it, one pause at a time', () => {
    const paused = pauseClock(underReview(), {
      actor: REVIEWER,
      at: at('2025-09-08'),
      type: 'inspection',
      reason: '现场核查',
    });
    expect(paused.record).toMatchObject({ action: 'pause', from: 'under-review', to: 'under-review' });
    expect(caseClock(paused.case, calendar, '2025-09-09')!.status).toBe('paused');
    expect(
      codeOf(() =>
        pauseClock(paused.case, { actor: REVIEWER, at: at('2025-09-09'), type: 'testing', reason: '检测' }),
      ),
    ).toBe('PAUSE_RUNNING');
    const resumed = resumeClock(paused.case, { actor: REVIEWER, at: at('2025-09-09') });
    expect(resumed.case.clock!.pauses[0]).toMatchObject({ start: '2025-09-08', end: '2025-09-09' });
    expect(caseClock(resumed.case, calendar, '2025-09-10')!.deadline).toBe('2025-09-22');
  });

  it('lets only a handler pause the clock', () => {
    expect(
      codeOf(() =>
        pauseClock(underReview(), {
          actor: APPLICANT,
          at: at('2025-09-08'),
          type: 'hearing',
          reason: '听证',
        }),
      ),
    ).toBe('NOT_PERMITTED');
  });

  it('extends the period on a supervisor’s approval, within the statute and before the deadline', () => {
    const input = { actor: SUPERVISOR, at: at('2025-09-15'), days: 10, reason: '情况复杂', calendar };
    const extended = extendClock(underReview(), input);
    expect(caseClock(extended.case, calendar, '2025-09-15')).toMatchObject({
      limitDays: 20,
      deadline: '2025-10-09',
    });
    expect(codeOf(() => extendClock(extended.case, { ...input, days: 1 }))).toBe('EXTENSION_BEYOND_STATUTE');
    expect(codeOf(() => extendClock(underReview(), { ...input, at: at('2025-09-19') }))).toBe(
      'DEADLINE_PASSED',
    );
    expect(codeOf(() => extendClock(underReview(), { ...input, actor: REVIEWER }))).toBe('NOT_PERMITTED');
  });
});

describe('reminders', () => {
  it('plans the 容缺 check for the day after the deadline, and amber and red', () => {
    const c = underReview({
      obligations: [
        {
          kind: 'material',
          materialId: 'floor-plan',
          name: '平面图',
          deadline: '2025-09-11',
          status: 'open',
        },
      ],
    });
    expect(remindersOf(c, calendar, '2025-09-05')).toEqual([
      { kind: 'obligations', day: '2025-09-12' },
      { kind: 'amber', day: '2025-09-16' },
      { kind: 'red', day: '2025-09-19' },
    ]);
  });

  it('plans the end of the 5 working days to check a submitted application (Art. 32), and nothing once checked', () => {
    // Received on Monday 2025-09-01: the fifth working day is Monday 2025-09-08; from the 9th it is accepted.
    const submitted = caseIn('submitted');
    expect(remindersOf(submitted, calendar, '2025-09-02')).toEqual([{ kind: 'lapse', day: '2025-09-09' }]);
    expect(remindersOf(underReview(), calendar, '2025-09-05').map((r) => r.kind)).not.toContain('lapse');
  });

  it('plans no amber or red while the clock is paused, and nothing once the case is decided', () => {
    const paused = pauseClock(underReview(), {
      actor: REVIEWER,
      at: at('2025-09-08'),
      type: 'hearing',
      reason: '听证',
    });
    expect(remindersOf(paused.case, calendar, '2025-09-08')).toEqual([]);
    expect(remindersOf(underReview({ status: 'approved' }), calendar, '2025-09-08')).toEqual([]);
  });

  it('warns amber once per deadline, and again after an extension moves it', () => {
    const input = { calendar, today: '2025-09-16', at: at('2025-09-16', '00:00') };
    expect(warnClock(underReview(), 'amber', { ...input, today: '2025-09-15' })).toBeUndefined();
    const warned = warnClock(underReview(), 'amber', input)!;
    expect(warned.record).toMatchObject({ action: 'clock-amber', from: 'under-review', to: 'under-review' });
    expect(detailTypeOf(warned.record)).toBe('Case Clock Amber');
    expect(warnClock(warned.case, 'amber', input)).toBeUndefined();
    expect(remindersOf(warned.case, calendar, '2025-09-16').map((r) => r.kind)).toEqual(['red']);
  });
});

describe('event names', () => {
  it('names a change of status after the new status, and a record that keeps it after what happened', () => {
    expect(detailTypeOf({ action: 'accept', from: 'submitted', to: 'accepted' })).toBe('Case Accepted');
    expect(detailTypeOf({ action: 'return', from: 'under-review', to: 'correction-requested' })).toBe(
      'Case Correction Requested',
    );
    expect(detailTypeOf({ action: 'escalate', from: 'under-review', to: 'under-review' })).toBe(
      'Case Escalated',
    );
    expect(detailTypeOf({ action: 'supply-material', from: 'accepted', to: 'accepted' })).toBe(
      'Case Material Supplied',
    );
  });
});
