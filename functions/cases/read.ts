import { decodeCursor, encodeCursor } from '../../shared/http/cursor.ts';
import { notFound } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath, ListCasesQuery } from '../../shared/http/schemas/cases.ts';
import { uploadView } from '../materials/view.ts';
import { cases, caseView, uploads } from './store.ts';

/**
 * GET /api/cases (mine, newest first) and GET /api/cases/{id} (with its timeline and uploads, rejected ones
 * with their reasons). Another person's case is
 * a 404, exactly like a case that does not exist: nothing reveals that it does.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  if (request.routeKey === 'GET /api/cases') {
    const { limit, cursor } = ListCasesQuery.parse(request.queryStringParameters ?? {});
    const scope = `cases:${actor.subject}`;
    const page = await cases.listByApplicant(actor.subject, limit, decodeCursor(cursor, scope));
    return { items: page.cases.map((c) => caseView(c)), nextCursor: encodeCursor(page.last, scope) };
  }
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const found = await cases.get(id);
  if (!found || found.applicant.subject !== actor.subject) throw noSuchCase();
  const [timeline, files] = await Promise.all([cases.timeline(id), uploads.list(id)]);
  return { ...caseView(found, timeline), uploads: files.map(uploadView) };
});

export const noSuchCase = () => notFound('CASE_NOT_FOUND', '未找到该办件', 'No such case');
