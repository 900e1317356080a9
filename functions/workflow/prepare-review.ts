import { z } from 'zod';
import { nowIso, nowMs, today } from '../../shared/adapters/clock.ts';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { escalatesAt, reviewDeadline } from '../../shared/domain/cases/review-deadline.ts';
import { calendar, load, watch } from './context.ts';

const Input = z.object({ caseId: z.string().min(1) });

/**
 * Workflow step: what the next review task is and how long it may take — its share of the case's promised
 * time, never past the case's deadline (shared/domain/cases/review-deadline.ts) — and when it is escalated.
 * A deadline in a year whose holidays are not published is provisional: the task says so, and the case waits
 * for that year to have it computed again. `done` once the case is decided.
 */
export const handler = eventHandler({ input: Input }, async ({ caseId }) => {
  const { case: c, matter } = await load(caseId);
  if (c.status !== 'under-review' || !c.step) return { done: true, status: c.status };
  const step = matter.processSteps.find((s: { id: string }) => s.id === c.step)!;
  const work = await calendar();
  const day = today();
  const review = reviewDeadline({
    case: c,
    steps: matter.processSteps,
    step: step.id,
    from: day,
    today: day,
    calendar: work,
  });
  await watch.watch(caseId, review.provisionalYears);
  const escalation = escalatesAt(review, nowIso(), work);
  return {
    done: false,
    step: step.id,
    stepName: step.name,
    deadline: review.deadline,
    period: review.period,
    ...(review.provisionalYears.length > 0 ? { provisionalYears: review.provisionalYears } : {}),
    escalatesAt: escalation,
    // Step Functions counts whole seconds; a minute at least, as a task opened just before its end of day.
    timeoutSeconds: Math.max(60, Math.floor((Date.parse(escalation) - nowMs()) / 1000)),
  };
});
