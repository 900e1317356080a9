import { requestHash } from '../../shared/adapters/case-store.ts';
import { HttpError } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { Application, ApplyRequest, CaseIdPath } from '../../shared/http/schemas/cases.ts';
import { caseView } from './store.ts';
import { idempotencyKeyOf, saveDraft, submit, submitDraft } from './submission.ts';

/**
 * POST /api/cases: a citizen or enterprise applies, or starts a draft (`draft: true`) to upload files to first.
 * PUT /api/cases/{id}/draft keeps the draft as filled in so far; POST /api/cases/{id}/submission submits it.
 * The matter's version in force is pinned to the case when it is submitted; the Idempotency-Key makes a retried
 * request return the same case, and the same key with another body a 409. The approval workflow starts, named
 * after the case, once it is submitted.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  const view = (c: Parameters<typeof caseView>[0]) => caseView(c);
  const location = (id: string) => `/api/cases/${id}`;
  if (request.routeKey === 'PUT /api/cases/{id}/draft') {
    const { id } = CaseIdPath.parse(request.pathParameters ?? {});
    return caseView(await saveDraft(actor, id, Application.parse(request.json)));
  }
  if (request.routeKey === 'POST /api/cases/{id}/submission') {
    const { id } = CaseIdPath.parse(request.pathParameters ?? {});
    const application = Application.parse(request.json);
    const hash = requestHash({ submission: id, application });
    const keyOf = () => idempotencyKeyOf(request);
    return submitDraft({ actor, keyOf, application, requestHash: hash, caseId: id, view, location });
  }
  const key = idempotencyKeyOf(request);
  const { draft, ...application } = ApplyRequest.parse(request.json);
  return submit({
    actor,
    key,
    application,
    draft,
    requestHash: requestHash(draft ? { draft, ...application } : application),
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
    view,
    location,
  });
});
