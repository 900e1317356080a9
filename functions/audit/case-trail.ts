import { noSuchCase } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath } from '../../shared/http/schemas/cases.ts';
import { cases } from '../cases/store.ts';

/**
 * GET /api/audit/cases/{id}: a case's audit trail for the audit administrator (安全审计员) — every change, staff
 * read and download with who and when — and nothing of the case itself: no applicant, no materials. The
 * audit administrator reads these records and no other route.
 */
export const handler = httpHandler(async (request) => {
  requireRole(request, 'audit-admin');
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const found = await cases.get(id);
  if (!found) throw noSuchCase();
  return { caseId: id, records: await cases.timeline(id) };
});
