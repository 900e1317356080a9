import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { OverdueStore } from '../../shared/adapters/overdue-store.ts';
import { decodeCursor, encodeCursor } from '../../shared/http/cursor.ts';
import { forbidden } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { ListCasesQuery } from '../../shared/http/schemas/cases.ts';

const overdue = new OverdueStore(documents, requiredEnv('CASES_TABLE'));

/**
 * GET /api/staff/overdue (红灯): undecided cases past their legal deadline in the supervisor's region (a city,
 * or the whole province), by region and deadline.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'supervisor', 'admin');
  if (!actor.region) throw forbidden();
  const { limit, cursor } = ListCasesQuery.parse(request.queryStringParameters ?? {});
  const scope = `overdue:${actor.region}`;
  const page = await overdue.under(actor.region, limit, await decodeCursor(cursor, scope));
  return { items: page.cases, nextCursor: await encodeCursor(page.last, scope) };
});
