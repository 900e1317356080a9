import { z } from 'zod';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { tasks } from './context.ts';

const Input = z.object({ taskToken: z.string().min(1), caseId: z.string().min(1) });

/** Workflow step (waitForTaskToken): the case waits for the applicant's supplement; the token stays here. */
export const handler = eventHandler({ input: Input }, async ({ taskToken, caseId }) => {
  await tasks.wait(caseId, 'supplement', taskToken);
  return { waiting: 'supplement' };
});
