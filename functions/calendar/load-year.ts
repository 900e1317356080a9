import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { checkYearData } from '../../shared/domain/clock/year-data.ts';
import { badRequest } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { YearBody, YearPath } from '../../shared/http/schemas/calendar.ts';

const store = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));

/**
 * PUT /api/calendar/years/{year}: the service-management office loads a year's holidays and make-up working
 * days from the State Council's notice, so the legal clock can count into that year. Checked before stored.
 */
export const handler = httpHandler(async (request) => {
  const admin = requireRole(request, 'admin');
  const { year } = YearPath.parse(request.pathParameters ?? {});
  const body = YearBody.parse(request.json ?? {});
  const data = { year, ...body };
  const problems = checkYearData(data);
  if (problems.length > 0) throw badRequest('YEAR_DATA_INVALID', problems[0]!.zh, problems[0]!.en, problems);
  await store.load(data, admin.subject);
  return { statusCode: 200, body: data };
});
