import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { z } from 'zod';
import { CALENDAR_SOURCE, CalendarStore, YEAR_LOADED } from '../../shared/adapters/calendar-store.ts';
import { CalendarWatch } from '../../shared/adapters/calendar-watch.ts';
import { today } from '../../shared/adapters/clock.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { eventbridge } from '../../shared/adapters/eventbridge.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { yearOutlook } from '../../shared/domain/clock/outlook.ts';

const calendars = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));
const watch = new CalendarWatch(documents, requiredEnv('CASES_TABLE'));
const metrics = new Metrics({ namespace: 'tongban', serviceName: 'calendar' });
const hub = requiredEnv('HUB_BUS_NAME');

/**
 * Daily: (1) a year some case waits for that is known now without anyone loading it — a newer chinese-days
 * came with a deployment, or a case was put on the list after its year was applied — is announced, so the
 * recomputation runs; (2) the next year's schedule, when it is missing within 60 days of 1 January, is
 * reported as a metric (alarmed) and in the log.
 */
export const handler = eventHandler({ input: z.unknown(), metrics }, async () => {
  const calendar = await calendars.calendar(true);
  const announce: number[] = [];
  for (const year of await watch.pendingYears()) {
    if (calendar.knows(year) && (await watch.waitingFor(year, 1)).caseIds.length > 0) announce.push(year);
  }
  if (announce.length > 0) {
    const { FailedEntryCount } = await eventbridge.send(
      new PutEventsCommand({
        Entries: announce.map((year) => ({
          EventBusName: hub,
          Source: CALENDAR_SOURCE,
          DetailType: YEAR_LOADED,
          Detail: JSON.stringify({ year, source: calendar.sourceOf(year), loadedBy: 'calendar-check' }),
        })),
      }),
    );
    // Thrown, so that the scheduled invocation is retried rather than a year silently left unapplied.
    if (FailedEntryCount) throw new Error(`${FailedEntryCount} Calendar Year Loaded events not accepted`);
  }
  const outlook = yearOutlook(calendar, today());
  metrics.addMetric('NextYearScheduleMissing', MetricUnit.Count, outlook.warning ? 1 : 0);
  if (outlook.warning) logger.warn(outlook.warning.en, { nextYear: outlook.nextYear });
  return { announced: announce, outlook };
});
