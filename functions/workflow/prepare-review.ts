import { z } from 'zod';
import { chinaDate } from '../../shared/domain/catalog/dates.ts';
import { load, workingDays } from './context.ts';

const Input = z.object({ caseId: z.string().min(1) });

/**
 * Workflow step: what the next review task is and how long it may take: until the end (China time) of the
 * day its step's limit in working days runs out. `done` once the case is decided.
 */
export const handler = async (input: unknown) => {
  const { caseId } = Input.parse(input);
  const { case: c, matter } = await load(caseId);
  if (c.status !== 'under-review' || !c.step) return { done: true, status: c.status };
  const step = matter.processSteps.find((s: { id: string }) => s.id === c.step)!;
  const deadline = workingDays(chinaDate(), Math.max(1, step.limitDays));
  const endOfDeadline = Date.parse(`${deadline}T23:59:59+08:00`);
  return {
    done: false,
    step: step.id,
    stepName: step.name,
    deadline,
    timeoutSeconds: Math.max(60, Math.floor((endOfDeadline - Date.now()) / 1000)),
  };
};
