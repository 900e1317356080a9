import { z } from 'zod';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { SYSTEM_ACTOR } from '../../shared/domain/cases/actors.ts';
import { transition } from '../../shared/domain/cases/lifecycle.ts';
import { cases, load, now, tasks } from './context.ts';

const Input = z.object({ caseId: z.string().min(1) });

/** Workflow step: a review task ran out of time; it expires, and the escalation reaches the supervisor. */
export const handler = eventHandler({ input: Input }, async ({ caseId }) => {
  const { case: c } = await load(caseId);
  const open = await tasks.openTaskOf(caseId);
  if (open) await tasks.expire(open);
  const escalated = transition(c, c.status, {
    actor: SYSTEM_ACTOR,
    at: now(),
    action: 'escalate',
    reason: `审查环节「${c.step}」超过时限，已督办 / review step "${c.step}" ran out of time: escalated`,
  });
  await cases.transition(c, escalated.case, escalated.record);
  return { escalated: true };
});
