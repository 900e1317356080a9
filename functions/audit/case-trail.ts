import { verifyChain } from '../../shared/adapters/audit-chain.ts';
import { noSuchCase } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath } from '../../shared/http/schemas/cases.ts';
import { cases } from '../cases/store.ts';

/**
 * GET /api/audit/cases/{id}: a case's audit trail for the audit administrator (安全审计员) — every change, staff
 * read and download with who and when — and nothing of the case itself: no applicant, no materials. The
 * audit administrator reads these records and no other route. The trail is a hash chain
 * (shared/adapters/audit-chain.ts): the answer says whether it is intact, or the first record where it breaks.
 */
export const handler = httpHandler(async (request) => {
  requireRole(request, 'audit-admin');
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const found = await cases.get(id);
  if (!found) throw noSuchCase();
  const trail = await cases.trail(id);
  // Oldest first, in the order of the chain: each record's link, and whether the whole trail is intact.
  const items = [...trail.items].sort(
    (a, b) => (a.link?.n ?? 0) - (b.link?.n ?? 0) || a.record.at.localeCompare(b.record.at),
  );
  return {
    caseId: id,
    records: items.map((i) => ({ ...i.record, ...(i.link ? { link: i.link } : {}) })),
    chain: verifyChain(trail.items, trail.head),
  };
});
