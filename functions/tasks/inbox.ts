import { nowIso } from '../../shared/adapters/clock.ts';
import { resume } from '../../shared/adapters/workflow.ts';
import { decide } from '../../shared/domain/cases/decision.ts';
import { decodeCursor, encodeCursor } from '../../shared/http/cursor.ts';
import { forbidden, notFound } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { ListCasesQuery, TaskDecisionBody, TaskIdPath } from '../../shared/http/schemas/cases.ts';
import { cases, tasks } from '../cases/store.ts';

/**
 * GET /api/tasks (a reviewer's inbox: their department and region, earliest deadline first) and
 * POST /api/tasks/{id}/decision (approve, deny with a reason, return for correction). Task tokens never leave
 * the server; a second decision on a task is a 409.
 */
export const handler = httpHandler(async (request) => {
  const reviewer = requireRole(request, 'reviewer', 'supervisor');
  if (!reviewer.department || !reviewer.region) throw forbidden();
  if (request.routeKey === 'GET /api/tasks') {
    const { limit, cursor } = ListCasesQuery.parse(request.queryStringParameters ?? {});
    const scope = `inbox:${reviewer.department}:${reviewer.region}`;
    const page = await tasks.inbox(
      reviewer.department,
      reviewer.region,
      limit,
      await decodeCursor(cursor, scope),
    );
    return { items: page.tasks, nextCursor: await encodeCursor(page.last, scope) };
  }
  const { id } = TaskIdPath.parse(request.pathParameters ?? {});
  const decision = TaskDecisionBody.parse(request.json ?? {});
  const found = await tasks.get(id);
  // Another department's or region's task answers like none: nobody learns which task ids exist.
  if (!found || found.task.department !== reviewer.department || found.task.region !== reviewer.region)
    throw notFound('TASK_NOT_FOUND', '未找到该审查任务', 'No such review task');
  // The decision is tried on the case first: one the case cannot take (deferred materials still awaited, a
  // supervisor who is not a handler) is refused here and the task stays open, rather than failing the workflow.
  const c = await cases.get(found.task.caseId);
  if (!c) throw notFound('TASK_NOT_FOUND', '未找到该审查任务', 'No such review task');
  decide(c, decision, reviewer, nowIso());
  await tasks.close(id, 'decided', { subject: reviewer.subject, outcome: decision.outcome });
  const { subject, roles, department, region } = reviewer;
  await resume(found.taskToken, { ...decision, reviewer: { subject, roles, department, region } });
  return { ...found.task, status: 'decided', outcome: decision.outcome };
});
