import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { StalledStore } from '../../shared/adapters/stalled-store.ts';
import { decodeCursor, encodeCursor } from '../../shared/http/cursor.ts';
import { forbidden } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { ListCasesQuery } from '../../shared/http/schemas/cases.ts';

const stalled = new StalledStore(documents, requiredEnv('CASES_TABLE'));

/**
 * GET /api/staff/stalled: cases whose workflow failed for good in the supervisor's region (a city, or the whole
 * province), with the step and the error, until they are resumed.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'supervisor', 'admin');
  if (!actor.region) throw forbidden();
  const { limit, cursor } = ListCasesQuery.parse(request.queryStringParameters ?? {});
  const scope = `stalled:${actor.region}`;
  const page = await stalled.under(actor.region, limit, await decodeCursor(cursor, scope));
  return { items: page.cases, nextCursor: await encodeCursor(page.last, scope) };
});
