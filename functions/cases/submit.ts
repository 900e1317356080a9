import { requestHash } from '../../shared/adapters/case-store.ts';
import { HttpError } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { Application } from '../../shared/http/schemas/cases.ts';
import { caseView } from './store.ts';
import { idempotencyKeyOf, submit } from './submission.ts';

/**
 * POST /api/cases: a citizen or enterprise applies. The matter's version in force is pinned to the case; the
 * Idempotency-Key makes a retried request return the same case, and the same key with another body a 409.
 * The approval workflow starts, named after the case.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  const key = idempotencyKeyOf(request);
  const application = Application.parse(request.json);
  return submit({
    actor,
    key,
    application,
    requestHash: requestHash(application),
    party: () => {
      if (!actor.idHash) {
        throw new HttpError(
          403,
          'REAL_NAME_REQUIRED',
          '请先完成实名认证',
          'Complete real-name verification first',
        );
      }
      return {
        applicant: {
          subject: actor.subject,
          kind: actor.roles.includes('enterprise') ? 'enterprise' : 'person',
          name: actor.name ?? '—',
          idHash: actor.idHash,
        },
      };
    },
    view: (c) => caseView(c),
    location: (id) => `/api/cases/${id}`,
  });
});
