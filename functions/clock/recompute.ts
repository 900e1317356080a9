import { z } from 'zod';
import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { CalendarWatch } from '../../shared/adapters/calendar-watch.ts';
import { CaseStore, StaleCaseError } from '../../shared/adapters/case-store.ts';
import { CatalogStore } from '../../shared/adapters/catalog-store.ts';
import { nowIso, today } from '../../shared/adapters/clock.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventHandler, eventOf } from '../../shared/adapters/event-handler.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { TaskStore } from '../../shared/adapters/task-store.ts';
import type { Case } from '../../shared/domain/cases/model.ts';
import { recomputeDates } from '../../shared/domain/cases/recompute.ts';
import { reviewDeadline } from '../../shared/domain/cases/review-deadline.ts';
import { MatterNotFoundError } from '../../shared/domain/catalog/errors.ts';
import type { ImplementationItem } from '../../shared/domain/catalog/model.ts';
import type { WorkCalendar } from '../../shared/domain/clock/calendar.ts';

const cases = new CaseStore(documents, requiredEnv('CASES_TABLE'));
const tasks = new TaskStore(documents, requiredEnv('CASES_TABLE'));
const watch = new CalendarWatch(documents, requiredEnv('CASES_TABLE'));
const calendars = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));
const catalog = new CatalogStore(documents, requiredEnv('MATTERS_TABLE'));

const Detail = z.object({ year: z.number().int(), source: z.string().min(1), loadedBy: z.string().min(1) });
const ATTEMPTS = 5;

/**
 * `Calendar Year Loaded`: a year's schedule is known now. Every case on that year's watch list is computed
 * again, once (shared/domain/cases/recompute.ts), its open review task redated, and it leaves the list; the
 * record's event has its reminders planned anew. A redelivered event finds the list shorter by every case
 * already done, so nothing is done twice and a timeout loses nothing.
 */
export const handler = eventHandler({ input: eventOf(Detail) }, async ({ detail: { year, source } }) => {
  const calendar = await calendars.calendar(true);
  if (!calendar.knows(year)) {
    logger.warn('calendar year announced but not known here', { year });
    return { recomputed: 0 };
  }
  let recomputed = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await watch.waitingFor(year, 100, start);
    for (const caseId of page.caseIds) {
      await recomputeCase(caseId, calendar, { year, source });
      await watch.applied(year, caseId);
      recomputed++;
    }
    start = page.last;
  } while (start);
  logger.info('dates recomputed', { year, recomputed });
  return { recomputed };
});

async function recomputeCase(caseId: string, calendar: WorkCalendar, year: { year: number; source: string }) {
  let recomputed: { case: Case; matter: ImplementationItem } | undefined;
  for (let attempt = 1; ; attempt++) {
    const c = await cases.get(caseId);
    if (!c || !open(c)) return;
    const matter = await catalog.pinned(c);
    if (!matter) throw new MatterNotFoundError(c.matter);
    const changed = recomputeDates(c, matter, calendar, { ...year, at: nowIso() });
    try {
      await cases.transition(c, changed.case, changed.record);
      recomputed = { case: changed.case, matter };
      break;
    } catch (error) {
      // Changed meanwhile (a reviewer acted): read it again and apply the year to what it is now.
      if (!(error instanceof StaleCaseError) || attempt === ATTEMPTS) throw error;
    }
  }
  await redateTask(recomputed.case, recomputed.matter, calendar);
}

/** Still open to anything a date could do: not ended, and not concluded with nothing left to verify. */
const open = (c: Case) => !c.closedAt && (!c.concludedAt || c.obligations.some((o) => o.status === 'open'));

/** The open review task, dated again by the one rule that dated it: its share of the case's time. */
async function redateTask(c: Case, matter: ImplementationItem, calendar: WorkCalendar) {
  const taskId = await tasks.openTaskOf(c.id);
  const found = taskId ? await tasks.get(taskId) : undefined;
  const task = found?.task;
  if (task?.status !== 'open' || !task.provisionalYears || !task.period) return;
  const review = reviewDeadline({
    case: c,
    steps: matter.processSteps,
    step: task.step,
    from: task.period.from,
    today: today(),
    calendar,
  });
  if (review.provisionalYears.length === 0) await tasks.redate(task, review.deadline);
}
