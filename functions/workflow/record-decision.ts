import { z } from 'zod';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { decide } from '../../shared/domain/cases/decision.ts';
import { cases, load, now } from './context.ts';

const Input = z.object({
  caseId: z.string().min(1),
  decision: z.object({
    outcome: z.enum(['approve', 'deny', 'return']),
    reason: z.string().optional(),
    reviewer: z.object({
      subject: z.string(),
      roles: z.array(z.string()),
      department: z.string().optional(),
      region: z.string().optional(),
    }),
  }),
  // The step the reviewer decided on, as the workflow prepared it.
  review: z.object({ result: z.object({ step: z.string().optional() }) }).optional(),
});

/**
 * Workflow step: applies a reviewer's decision to the case, as that reviewer (the API tried the same decision
 * before it let the task go). `status` tells the workflow where to go: on to the next step, or, returned for
 * correction, to wait for the applicant. Applying it is idempotent: a retry finds the decision already made.
 */
export const handler = eventHandler({ input: Input }, async ({ caseId, decision, review }) => {
  const { case: c } = await load(caseId);
  // A retry after a write that did land (the Lambda timed out, its answer was lost) finds the case moved on from
  // the decided step: applying the decision again would skip a step, so the workflow just goes on from here.
  const decidedStep = review?.result.step;
  if (decidedStep && (c.status !== 'under-review' || c.step !== decidedStep)) {
    return { status: c.status, step: c.step };
  }
  const reviewer = decision.reviewer as Parameters<typeof decide>[2];
  const result = decide(c, decision, reviewer, now());
  await cases.transition(c, result.case, result.record);
  return { status: result.case.status, step: result.case.step };
});
