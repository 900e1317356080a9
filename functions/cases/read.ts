import { isOwnCase } from '../../shared/domain/cases/access.ts';
import type { Application } from '../../shared/domain/cases/application.ts';
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
 * is a 404, exactly like a case that does not exist: nothing reveals that it does. A draft also shows what was
 * filled in so far.
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
    // A draft its applicant deleted was never an application: it is not listed (nor anybody else's business).
    const listed = page.cases.filter((c) => !(c.status === 'withdrawn' && !c.receivedAt));
    return { items: listed.map((c) => caseView(c)), nextCursor: await encodeCursor(page.last, scope) };
  }
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const stored = await cases.getWithApplication(id);
  if (!stored || !isOwnCase(stored.case, actor)) throw noSuchCase();
  const found = stored.case;
  const [timeline, files, clock] = await Promise.all([
    cases.timeline(id),
    uploads.list(id),
    clockFields(found),
  ]);
  return {
    ...caseView(found, timeline),
    uploads: files.map(uploadView),
    ...clock,
    ...(found.status === 'draft' ? { draft: draftView(stored.application) } : {}),
  };
});

/**
 * A draft as its applicant left it, to go on with: what they chose and filled in, but no phone number — the
 * response stays free of contact data, and the wizard asks for the number again.
 */
function draftView(application: Application) {
  const { situations, form, materials, commitment, tolerance } = application;
  const { phone: _phone, ...rest } = form;
  return { situations, form: rest, materials, commitment, tolerance };
}
