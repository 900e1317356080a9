import { z } from 'zod';
import { chinaDate } from '../../shared/domain/catalog/dates.ts';
import { UnpublishedYearError } from '../../shared/domain/clock/calendar.ts';
import { addDays as addCalendarDays } from '../../shared/domain/clock/dates.ts';
import { logger } from '../../shared/http/handler.ts';
import { load, workingDaysFn } from './context.ts';

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
  const days = Math.max(1, step.limitDays);
  let deadline: string;
  try {
    deadline = (await workingDaysFn())(chinaDate(), days);
  } catch (error) {
    if (!(error instanceof UnpublishedYearError)) throw error;
    // The deadline falls in a year whose holidays are not published: escalate after a generous calendar
    // estimate rather than stop the case, and say so loudly until an administrator loads the year.
    deadline = addCalendarDays(chinaDate(), Math.ceil((days * 7) / 5) + 7);
    logger.warn('review deadline estimated: holiday schedule not published', {
      year: error.year,
      caseId,
      deadline,
    });
  }
  const endOfDeadline = Date.parse(`${deadline}T23:59:59+08:00`);
  return {
    done: false,
    step: step.id,
    stepName: step.name,
    deadline,
    timeoutSeconds: Math.max(60, Math.floor((endOfDeadline - Date.now()) / 1000)),
  };
};
