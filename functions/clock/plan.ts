import { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { EventBridgeEvent } from 'aws-lambda';
import { z } from 'zod';
import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { CaseStore } from '../../shared/adapters/case-store.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { OverdueStore } from '../../shared/adapters/overdue-store.ts';
import { ReminderSchedules } from '../../shared/adapters/reminder-schedules.ts';
import { REMINDER_KINDS, remindersOf } from '../../shared/domain/cases/reminders.ts';
import { chinaDate } from '../../shared/domain/catalog/dates.ts';
import { UnpublishedYearError } from '../../shared/domain/clock/calendar.ts';
import { logger } from '../../shared/http/handler.ts';

const cases = new CaseStore(documents, requiredEnv('CASES_TABLE'));
const calendars = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));
const overdue = new OverdueStore(documents, requiredEnv('CASES_TABLE'));
const schedules = new ReminderSchedules(new SchedulerClient({}), {
  hubBusArn: requiredEnv('HUB_BUS_ARN'),
  roleArn: requiredEnv('SCHEDULER_ROLE_ARN'),
});

const Detail = z.object({ caseId: z.string().min(1) });

/**
 * On every case event that can move a deadline (accepted, paused, resumed, extended, a material supplied, the
 * case decided or ended): plans the case's reminders again from the case as stored now, so events arriving
 * late or twice change nothing; a decided or ended case leaves the supervisors' overdue list.
 */
export const handler = async (event: EventBridgeEvent<string, unknown>) => {
  const { caseId } = Detail.parse(event.detail);
  const c = await cases.get(caseId);
  if (!c) return { planned: [] };
  // Decided or ended: no longer overdue, whatever it was.
  if (c.decidedAt || c.closedAt) await overdue.remove(c);
  let reminders: ReturnType<typeof remindersOf>;
  try {
    reminders = await calendars.withCalendar((calendar) => remindersOf(c, calendar, chinaDate()));
  } catch (error) {
    if (!(error instanceof UnpublishedYearError)) throw error;
    // The days cannot be known until the year is loaded; the case's clock says so, and loading plans nothing.
    logger.warn('reminders not planned: holiday schedule not published', { caseId, year: error.year });
    return { planned: [] };
  }
  const planned = new Set(reminders.map((r) => r.kind));
  await Promise.all([
    ...reminders.map((r) => schedules.put(caseId, c.handling.region, r)),
    ...REMINDER_KINDS.filter((k) => !planned.has(k)).map((k) => schedules.remove(caseId, k)),
  ]);
  return { planned: reminders };
};
