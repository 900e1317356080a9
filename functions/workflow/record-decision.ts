import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../shared/domain/cases/actors.ts';
import { transition } from '../../shared/domain/cases/lifecycle.ts';
import { cases, load, now } from './context.ts';

const Input = z.object({
  caseId: z.string().min(1),
  decision: z.object({
    outcome: z.enum(['approve', 'deny']),
    reason: z.string().optional(),
    reviewer: z.object({
      subject: z.string(),
      roles: z.array(z.string()),
      department: z.string().optional(),
      region: z.string().optional(),
    }),
  }),
});

/**
 * Workflow step: applies a reviewer's decision to the case, as that reviewer. Approving a step that is not the
 * last moves the case to the next step; approving the last approves the case; denying denies it.
 */
export const handler = async (input: unknown) => {
  const { caseId, decision } = Input.parse(input);
  const { case: c } = await load(caseId);
  const reviewer = decision.reviewer as Parameters<typeof transition>[2]['actor'];
  const at = now();
  const steps = c.matter.steps;
  const next = steps[steps.indexOf(c.step ?? '') + 1];
  const result =
    decision.outcome === 'deny'
      ? transition(c, 'denied', { actor: reviewer, at, reason: decision.reason ?? '' })
      : next
        ? transition(c, 'under-review', { actor: SYSTEM_ACTOR, at, step: next, action: 'next-step' })
        : transition(c, 'approved', { actor: reviewer, at, reason: decision.reason });
  await cases.transition(c, result.case, result.record);
  return { status: result.case.status, step: result.case.step };
};
