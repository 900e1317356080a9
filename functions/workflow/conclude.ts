import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../shared/domain/cases/actors.ts';
import { transition } from '../../shared/domain/cases/lifecycle.ts';
import { cases, load, now } from './context.ts';

const Input = z.object({ caseId: z.string().min(1) });

/** Workflow step: the decision is issued and the case concluded (办结). */
export const handler = async (input: unknown) => {
  const { caseId } = Input.parse(input);
  const { case: c } = await load(caseId);
  const concluded = transition(c, 'concluded', { actor: SYSTEM_ACTOR, at: now(), action: 'conclude' });
  await cases.transition(c, concluded.case, concluded.record);
  return { status: concluded.case.status };
};
