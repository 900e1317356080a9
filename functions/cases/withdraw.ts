import { StaleCase } from '../../shared/adapters/case-store.ts';
import { IllegalTransitionError } from '../../shared/domain/cases/errors.ts';
import { transition } from '../../shared/domain/cases/lifecycle.ts';
import { conflict } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath, WithdrawBody } from '../../shared/http/schemas/cases.ts';
import { noSuchCase } from './read.ts';
import { cases, caseView } from './store.ts';

/** POST /api/cases/{id}/withdraw: the applicant withdraws before a decision; the write is conditional. */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const { reason } = WithdrawBody.parse(request.json ?? {});
  const current = await cases.get(id);
  if (!current || current.applicant.subject !== actor.subject) throw noSuchCase();
  try {
    const { case: after, record } = transition(current, 'withdrawn', {
      actor,
      at: new Date().toISOString(),
      reason,
    });
    await cases.transition(current, after, record);
    return caseView(after);
  } catch (error) {
    if (error instanceof IllegalTransitionError) throw conflict('CASE_STATE', error.zh, error.en);
    if (error instanceof StaleCase)
      throw conflict('CASE_CHANGED', '办件已被更新，请刷新后重试', 'The case changed; reload and try again');
    throw error;
  }
});
