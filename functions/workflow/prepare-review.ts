import { z } from 'zod';
import { nowMs, today } from '../../shared/adapters/clock.ts';
import { calendar, load, watch } from './context.ts';

const Input = z.object({ caseId: z.string().min(1) });

/**
 * Workflow step: what the next review task is and how long it may take: until the end (China time) of the
 * day its step's limit in working days runs out. A deadline in a year whose holidays are not published is
 * provisional: the task says so, and the case waits for that year to have it computed again. `done` once the
 * case is decided.
 */
export const handler = async (input: unknown) => {
  const { caseId } = Input.parse(input);
  const { case: c, matter } = await load(caseId);
  if (c.status !== 'under-review' || !c.step) return { done: true, status: c.status };
  const step = matter.processSteps.find((s: { id: string }) => s.id === c.step)!;
  const days = Math.max(1, step.limitDays);
  const work = await calendar();
  const from = today();
  const deadline = work.addWorkingDays(from, days);
  const provisionalYears = work.provisionalYears(from, deadline);
  await watch.watch(caseId, provisionalYears);
  const endOfDeadline = Date.parse(`${deadline}T23:59:59+08:00`);
  return {
    done: false,
    step: step.id,
    stepName: step.name,
    deadline,
    period: { from, days },
    ...(provisionalYears.length > 0 ? { provisionalYears } : {}),
    timeoutSeconds: Math.max(60, Math.floor((endOfDeadline - nowMs()) / 1000)),
  };
};
