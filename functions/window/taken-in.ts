import { decodeCursor, encodeCursor } from '../../shared/http/cursor.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { ListCasesQuery } from '../../shared/http/schemas/cases.ts';
import { cases, staffCaseView } from '../cases/store.ts';

/** GET /api/window/cases: the cases this window staff member took in, newest first, personal data masked. */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'window');
  const { limit, cursor } = ListCasesQuery.parse(request.queryStringParameters ?? {});
  const scope = `window:${actor.subject}`;
  const page = await cases.listTakenIn(actor.subject, limit, await decodeCursor(cursor, scope));
  return { items: page.cases.map((c) => staffCaseView(c)), nextCursor: await encodeCursor(page.last, scope) };
});
