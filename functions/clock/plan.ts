import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { z } from 'zod';
import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { CalendarWatch } from '../../shared/adapters/calendar-watch.ts';
import { CaseStore } from '../../shared/adapters/case-store.ts';
import { today } from '../../shared/adapters/clock.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventHandler, eventOf } from '../../shared/adapters/event-handler.ts';
import { OverdueStore } from '../../shared/adapters/overdue-store.ts';
import { ReminderSchedules } from '../../shared/adapters/reminder-schedules.ts';
import { planReminders, REMINDER_KINDS } from '../../shared/domain/cases/reminders.ts';

const cases = new CaseStore(documents, requiredEnv('CASES_TABLE'));
const calendars = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));
const watch = new CalendarWatch(documents, requiredEnv('CASES_TABLE'));
const overdue = new OverdueStore(documents, requiredEnv('CASES_TABLE'));
const schedules = new ReminderSchedules(new SchedulerClient({}), {
  hubBusArn: requiredEnv('HUB_BUS_ARN'),
  roleArn: requiredEnv('SCHEDULER_ROLE_ARN'),
  deadLetterArn: requiredEnv('SCHEDULES_DLQ_ARN'),
});

const Detail = z.object({ caseId: z.string().min(1) });

/**
 * On every case event that can move a deadline (accepted, paused, resumed, extended, a material supplied, the
 * case decided, concluded or ended, its dates recomputed with a newly known year): plans the case's reminders
 * again from the case as stored now, so events arriving late or twice change nothing; a decided or ended case
 * leaves the supervisors' overdue list. What waits for an unpublished year is not planned, and the case is
 * put on that year's watch list instead, to be computed again when the year is known.
 */
export const handler = eventHandler({ input: eventOf(Detail) }, async ({ detail: { caseId } }) => {
  const c = await cases.get(caseId);
  if (!c) return { planned: [] };
  // Decided or ended: no longer overdue, whatever it was.
  if (c.decidedAt || c.closedAt) await overdue.remove(c);
  const plan = planReminders(c, await calendars.calendar(), today());
  const planned = new Set(plan.reminders.map((r) => r.kind));
  await Promise.all([
    watch.watch(caseId, plan.waitingFor),
    ...plan.reminders.map((r) => schedules.put(caseId, c.handling.region, r)),
    ...REMINDER_KINDS.filter((k) => !planned.has(k)).map((k) => schedules.remove(caseId, k)),
  ]);
  return { planned: plan.reminders, waitingFor: plan.waitingFor };
});
