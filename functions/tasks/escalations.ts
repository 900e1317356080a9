import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { TaskStore } from '../../shared/adapters/task-store.ts';
import { decodeCursor, encodeCursor } from '../../shared/http/cursor.ts';
import { forbidden } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { ListCasesQuery } from '../../shared/http/schemas/cases.ts';

const tasks = new TaskStore(documents, requiredEnv('CASES_TABLE'));

/**
 * GET /api/staff/escalations (督办): the open review tasks that ran out of time and were escalated, in the
 * supervisor's region (a city, or the whole province for the province's supervisors and administrators), by
 * region and deadline.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'supervisor', 'admin');
  if (!actor.region) throw forbidden();
  const { limit, cursor } = ListCasesQuery.parse(request.queryStringParameters ?? {});
  const scope = `escalations:${actor.region}`;
  const page = await tasks.escalated(actor.region, limit, await decodeCursor(cursor, scope));
  return { items: page.tasks, nextCursor: await encodeCursor(page.last, scope) };
});
