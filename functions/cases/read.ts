import { isOwnCase } from '../../shared/domain/cases/access.ts';
import { decodeCursor, encodeCursor } from '../../shared/http/cursor.ts';
import { noSuchCase } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath, ListCasesQuery } from '../../shared/http/schemas/cases.ts';
import { uploadView } from '../materials/view.ts';
import { clockFields } from './clock-view.ts';
import { cases, caseView, uploads } from './store.ts';

/**
 * GET /api/cases (mine, newest first) and GET /api/cases/{id} (with its timeline and uploads, rejected ones
 * with their reasons). Mine are those I filed and those a window filed for my ID hash. Another person's case
 * is a 404, exactly like a case that does not exist: nothing reveals that it does.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  if (request.routeKey === 'GET /api/cases') {
    const { limit, cursor } = ListCasesQuery.parse(request.queryStringParameters ?? {});
    const scope = `cases:${actor.subject}`;
    const start = await decodeCursor(cursor, scope);
    // Without real-name verification there is no ID hash, and so no case: submitting needs it.
    if (!actor.idHash) return { items: [] };
    const page = await cases.listByApplicant(actor.idHash, limit, start);
    return { items: page.cases.map((c) => caseView(c)), nextCursor: await encodeCursor(page.last, scope) };
  }
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const found = await cases.get(id);
  if (!found || !isOwnCase(found, actor)) throw noSuchCase();
  const [timeline, files, clock] = await Promise.all([
    cases.timeline(id),
    uploads.list(id),
    clockFields(found),
  ]);
  return { ...caseView(found, timeline), uploads: files.map(uploadView), ...clock };
});
