import type { z } from 'zod';
import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { provisionalNote } from '../../shared/domain/clock/provisional.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { type Workdays, WorkdaysQuery } from '../../shared/http/schemas/calendar.ts';

const store = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));

/**
 * GET /api/calendar/workdays?from=YYYY-MM-DD&add=N: the N-th working day after `from`, as the legal clock
 * counts (from itself not counted). Across a year whose holiday schedule is not published the answer is
 * provisional, and says so with the reason.
 */
export const handler = httpHandler(async (request): Promise<z.output<typeof Workdays>> => {
  const { from, add } = WorkdaysQuery.parse(request.queryStringParameters ?? {});
  const calendar = await store.calendar();
  const date = calendar.addWorkingDays(from, add);
  const years = calendar.provisionalYears(from, date);
  const note = years.length > 0 ? provisionalNote(years) : undefined;
  return {
    from,
    add,
    date,
    calendarSource: calendar.sourcesBetween(from, date).join('; '),
    ...(note ? { provisional: { years: note.years, 'zh-CN': note.zh, en: note.en } } : {}),
  };
});
