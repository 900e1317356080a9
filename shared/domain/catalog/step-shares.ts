import type { ImplementationItem } from './model.ts';

/**
 * How a promised time limit (承诺办结时限) is shared among the review steps it covers. A region may promise less
 * than the province's process steps take on their own (a promise may only shorten the legal limit, and the
 * steps are the province's), so the promise is shared out rather than broken: each step is given its share of
 * the working days left, in proportion to its own period among the steps still to come, rounded to whole days,
 * at least one while any is left, and never more than its own period. Steps that fit the promise get exactly
 * their own periods. The clock runs from acceptance, so the acceptance step (受理) is not part of it.
 */

type Step = Pick<ImplementationItem['processSteps'][number], 'id' | 'kind' | 'limitDays'>;

/** A step's own period in working days: a step of 0 days still has the day it is opened on. */
export const ownDays = (step: Pick<Step, 'limitDays'> | undefined) => Math.max(1, step?.limitDays ?? 0);

/** The steps the legal clock covers, in order: every process step after acceptance. */
export const clockedSteps = <S extends Step>(steps: readonly S[]) =>
  steps.filter((s) => s.kind !== 'acceptance');

/** A step's share of `left` working days, given its own period and the own periods of it and every later step. */
export function shareOf(left: number, own: number, laterOwn: number): number {
  if (left <= 0) return 0;
  return Math.min(own, left, Math.max(1, Math.round((left * own) / laterOwn)));
}

/**
 * What each review step is given of the promised limit when every step before it takes all of its share: what
 * the guide shows. A case's tasks take their shares again from what is actually left (cases/review-deadline.ts).
 */
export function plannedShares(
  item: Pick<ImplementationItem, 'processSteps' | 'promisedLimitDays'>,
): { step: string; days: number }[] {
  const steps = clockedSteps(item.processSteps);
  let left = item.promisedLimitDays;
  return steps.map((step, i) => {
    const laterOwn = steps.slice(i).reduce((sum, s) => sum + ownDays(s), 0);
    const days = shareOf(left, ownDays(step), laterOwn);
    left -= days;
    return { step: step.id, days };
  });
}

/** The working days the review steps take on their own, against the promise they must fit. */
export function stepsOverPromise(item: Pick<ImplementationItem, 'processSteps' | 'promisedLimitDays'>) {
  const stepDays = clockedSteps(item.processSteps).reduce((sum, s) => sum + s.limitDays, 0);
  return stepDays > item.promisedLimitDays ? { stepDays, promisedDays: item.promisedLimitDays } : undefined;
}
