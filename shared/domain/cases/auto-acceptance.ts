import { SYSTEM_ACTOR } from './actors.ts';
import { CaseError } from './errors.ts';
import { transition } from './lifecycle.ts';
import { type Case, dayOf, type TransitionResult, type WorkingDays } from './model.ts';

/**
 * 行政许可法 Art. 32: an application that gets no correction notice within 5 working days of receipt counts
 * as accepted from the day of receipt. The period is the law's, not configurable.
 */
export const LAPSE_WORKING_DAYS = 5;

export type Lapse =
  | { lapsed: false; deadline?: string; provisionalYears?: number[] }
  | { lapsed: true; deadline: string; acceptedFrom: string };

/**
 * Whether a submitted, unchecked case counts as accepted on `today` (YYYY-MM-DD). The fifth working day is
 * still in time for a notice; from the day after, the case is accepted from receipt — but not on a
 * provisional deadline (clock/provisional.ts): the lapse waits for the year's schedule.
 */
export function acceptedByLapse(c: Case, today: string, days: WorkingDays): Lapse {
  if (c.status !== 'submitted' || !c.receivedAt) return { lapsed: false };
  const receivedOn = dayOf(c.receivedAt);
  const deadline = days.addWorkingDays(receivedOn, LAPSE_WORKING_DAYS);
  const provisionalYears = days.provisionalYears(receivedOn, deadline);
  if (provisionalYears.length > 0) return { lapsed: false, deadline, provisionalYears };
  return today > deadline
    ? { lapsed: true, deadline, acceptedFrom: c.receivedAt }
    : { lapsed: false, deadline };
}

/**
 * The timer's action: records the acceptance by lapse, dated from receipt. `today` is the day the timer was
 * due (never earlier than the day after the period), `at` when it ran.
 */
export function acceptByLapse(c: Case, at: string, days: WorkingDays, today = dayOf(at)): TransitionResult {
  const lapse = acceptedByLapse(c, today, days);
  if (!lapse.lapsed) {
    throw new CaseError(
      'NOT_LAPSED',
      '受理审查期限（5个工作日）尚未届满',
      'the 5 working days to check the application have not passed',
    );
  }
  return transition(c, 'accepted', {
    actor: SYSTEM_ACTOR,
    at,
    reason: `逾期未告知补正，自收到申请之日起即为受理（截止${lapse.deadline}） / no notice within 5 working days: accepted from receipt`,
    action: 'auto-accept',
  });
}
