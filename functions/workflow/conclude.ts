import { z } from 'zod';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { SYSTEM_ACTOR } from '../../shared/domain/cases/actors.ts';
import { scheduleVerification } from '../../shared/domain/cases/commitment.ts';
import { transition } from '../../shared/domain/cases/lifecycle.ts';
import { calendar, cases, load, now } from './context.ts';

const Input = z.object({ caseId: z.string().min(1) });

/** Workflow step: the decision is issued and the case concluded (办结); a commitment's verification is due. */
export const handler = eventHandler({ input: Input }, async ({ caseId }) => {
  const { case: c, matter } = await load(caseId);
  const concluded = transition(c, 'concluded', { actor: SYSTEM_ACTOR, at: now(), action: 'conclude' });
  // A decision made on a commitment (告知承诺) is verified afterwards (事中事后核查), by a due date.
  const after =
    concluded.case.commitment && c.status === 'approved'
      ? scheduleVerification(concluded.case, matter, await calendar())
      : concluded.case;
  await cases.transition(c, after, concluded.record);
  return {
    status: after.status,
    verificationDue: after.obligations.find((o) => o.kind === 'verification')?.deadline,
  };
});
