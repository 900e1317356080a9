import type { z } from 'zod';
import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { UnpublishedYearError } from '../../shared/domain/clock/calendar.ts';
import { addWorkingDays } from '../../shared/domain/clock/working-days.ts';
import { badRequest } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { type Workdays, WorkdaysQuery } from '../../shared/http/schemas/calendar.ts';

const store = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));

/**
 * GET /api/calendar/workdays?from=YYYY-MM-DD&add=N: the N-th working day after `from`, as the legal clock
 * counts (from itself not counted). A year without a holiday schedule is the caller's 400, never a guess.
 */
export const handler = httpHandler(async (request) => {
  const { from, add } = WorkdaysQuery.parse(request.queryStringParameters ?? {});
  try {
    return await store.withCalendar((calendar): z.output<typeof Workdays> => {
      const date = addWorkingDays(calendar, from, add);
      return { from, add, date, calendarSource: calendar.sourcesBetween(from, date).join('; ') };
    });
  } catch (error) {
    if (error instanceof UnpublishedYearError) {
      throw badRequest('YEAR_NOT_PUBLISHED', error.zh, error.en, { year: error.year });
    }
    throw error;
  }
});
