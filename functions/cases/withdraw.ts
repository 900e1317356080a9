import { StaleCaseError } from '../../shared/adapters/case-store.ts';
import { nowIso } from '../../shared/adapters/clock.ts';
import { stopApproval } from '../../shared/adapters/workflow.ts';
import { isOwnCase } from '../../shared/domain/cases/access.ts';
import { transition } from '../../shared/domain/cases/lifecycle.ts';
import { noSuchCase } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath, WithdrawBody } from '../../shared/http/schemas/cases.ts';
import { cases, caseView } from './store.ts';

const ATTEMPTS = 3;

/**
 * POST /api/cases/{id}/withdraw: the applicant withdraws before a decision, and the workflow stops. The write
 * is conditional on the case as read; if the workflow moved it meanwhile, the withdrawal is tried again on
 * the new state (which may by then refuse it).
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const { reason } = WithdrawBody.parse(request.json ?? {});
  for (let attempt = 1; ; attempt++) {
    const current = await cases.get(id);
    if (!current || !isOwnCase(current, actor)) throw noSuchCase();
    try {
      const { case: after, record } = transition(current, 'withdrawn', {
        actor,
        at: nowIso(),
        reason,
      });
      await cases.transition(current, after, record);
      await stopApproval(after, 'withdrawn by the applicant');
      return caseView(after);
    } catch (error) {
      if (error instanceof StaleCaseError && attempt < ATTEMPTS) continue;
      throw error;
    }
  }
});
