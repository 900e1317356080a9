import type { ImplementationItem } from '../catalog/model.ts';
import { clockedSteps, ownDays as ownOf, shareOf } from '../catalog/step-shares.ts';
import type { WorkCalendar } from '../clock/calendar.ts';
import { workingDaysBetween } from '../clock/working-days.ts';
import { caseClock } from './clock-record.ts';
import { type Case, dayOf } from './model.ts';

/**
 * One clock (办结时限): what the applicant was promised is what the reviewers work to. A review step's deadline
 * comes from the case's deadline, so no task is ever due after its case:
 *
 * - a step is given its share of the working days left until the case's deadline (catalog/step-shares.ts: in
 *   proportion to its own period among the steps still to come, at least a day while any is left);
 * - never more than its own period (the step's `limitDays`, a day at least), so a matter whose steps fit its
 *   promise gives each step exactly its own period, as the guide lists them;
 * - never after the case's deadline; once that has passed the task is due on it, overdue from the start.
 *
 * Shares are taken afresh when each step opens, from what is actually left (pauses and extensions included),
 * so days an earlier step did not use go to the later ones. The workflow (prepare-review) and the
 * recomputation when a holiday year is loaded (clock/recompute) both call this; nothing else dates a task.
 */

type Step = Pick<ImplementationItem['processSteps'][number], 'id' | 'kind' | 'limitDays'>;

export interface ReviewDeadline {
  /** The last day the step is on time. */
  deadline: string;
  /** Counted from the day the task opened, over this many working days (0: due that day, or overdue). */
  period: { from: string; days: number };
  /** The step's own period in working days: how often an overdue case is escalated again. */
  ownDays: number;
  /** The case's deadline, when it shortened the step's own period. */
  caseDeadline?: string;
  /** The unpublished years the deadline assumed, its own or its case's (clock/provisional.ts). */
  provisionalYears: number[];
}

export function reviewDeadline(input: {
  case: Case;
  steps: readonly Step[];
  step: string;
  /** The day the task opened. */
  from: string;
  /** The day the case's clock is read on (its pauses until then count). */
  today: string;
  calendar: WorkCalendar;
}): ReviewDeadline {
  const { calendar, from } = input;
  const own = (id: string) => ownOf(input.steps.find((s) => s.id === id));
  const ownDays = own(input.step);
  const clock = caseClock(input.case, calendar, input.today);
  const left = clock ? workingDaysBetween(calendar, from, clock.deadline) : ownDays;
  const laterOwn = stepsFrom(input.case, input.steps, input.step).reduce((sum, id) => sum + own(id), 0);
  const share = shareOf(left, ownDays, laterOwn);
  if (!clock || share === ownDays) {
    const deadline = calendar.addWorkingDays(from, ownDays);
    return { deadline, period: { from, days: ownDays }, ownDays, provisionalYears: yearsOf(deadline) };
  }
  const deadline = share === 0 ? clock.deadline : calendar.addWorkingDays(from, share);
  const provisionalYears = [...new Set([...yearsOf(deadline), ...clock.provisionalYears])].sort(
    (a, b) => a - b,
  );
  return { deadline, period: { from, days: share }, ownDays, caseDeadline: clock.deadline, provisionalYears };

  function yearsOf(day: string) {
    return calendar.provisionalYears(from, day);
  }
}

/**
 * When an open review task runs out of time and is escalated (督办): at the end of its deadline (China time).
 * A task opened on an overdue case, whose deadline has passed already, is escalated one step period on
 * instead: supervisors hear of an overdue case again at the step's own pace, and the workflow never loops.
 */
export function escalatesAt(
  review: Pick<ReviewDeadline, 'deadline' | 'ownDays'>,
  now: string,
  calendar: WorkCalendar,
) {
  const endOf = (day: string) => Date.parse(`${day}T23:59:59+08:00`);
  const end = endOf(review.deadline);
  if (end > Date.parse(now)) return new Date(end).toISOString();
  return new Date(endOf(calendar.addWorkingDays(dayOf(now), review.ownDays))).toISOString();
}

/** The review steps from `step` to the last, as the case moves through them. */
function stepsFrom(c: Case, steps: readonly Step[], step: string): string[] {
  const order = c.matter.steps.length ? c.matter.steps : clockedSteps(steps).map((s) => s.id);
  const at = order.indexOf(step);
  return at === -1 ? [step] : order.slice(at);
}
