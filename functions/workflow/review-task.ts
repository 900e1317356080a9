import { z } from 'zod';
import { CASE_SOURCE } from '../../shared/adapters/case-store.ts';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { reviewRequestedDetail } from '../../shared/domain/cases/events.ts';
import { load, tasks } from './context.ts';

const Input = z.object({
  taskToken: z.string().min(1),
  caseId: z.string().min(1),
  review: z.object({
    step: z.string(),
    stepName: z.string(),
    deadline: z.string(),
    period: z.object({ from: z.string(), days: z.number().int() }).optional(),
    provisionalYears: z.array(z.number().int()).optional(),
    escalatesAt: z.string().optional(),
  }),
  escalated: z.boolean().default(false),
});

/**
 * Workflow step (waitForTaskToken): opens a review task in the inbox of the handling department and region.
 * The token stays with the task, server-side; a reviewer's decision through the API, or a department system's
 * answer to the task's `Review Requested` event, resumes the workflow.
 */
export const handler = eventHandler({ input: Input }, async ({ taskToken, caseId, review, escalated }) => {
  const { case: c } = await load(caseId);
  // A retried invocation of this state must not leave an earlier task of the case open with a dead token.
  const earlier = await tasks.openTaskOf(caseId);
  if (earlier) await tasks.expire(earlier);
  const task = await tasks.open(
    {
      caseId,
      step: review.step,
      stepName: review.stepName,
      matterName: c.matter.name,
      ...(c.matter.nameEn ? { matterNameEn: c.matter.nameEn } : {}),
      department: c.handling.department,
      region: c.handling.region,
      deadline: review.deadline,
      ...(review.period ? { period: review.period } : {}),
      ...(review.provisionalYears ? { provisionalYears: review.provisionalYears } : {}),
      ...(review.escalatesAt ? { escalatesAt: review.escalatesAt } : {}),
      escalated,
    },
    taskToken,
    (opened) => ({
      source: CASE_SOURCE,
      detailType: 'Review Requested',
      detail: reviewRequestedDetail(c, opened),
    }),
  );
  await tasks.rememberOpenTask(caseId, task.id);
  return { taskId: task.id };
});
