import { resume } from '../../shared/adapters/workflow.ts';
import { transition } from '../../shared/domain/cases/lifecycle.ts';
import { noSuchCase } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath, SupplementBody } from '../../shared/http/schemas/cases.ts';
import { asConflict, cases, caseView, tasks } from './store.ts';

/**
 * POST /api/cases/{id}/supplements: the applicant answers the one-time notice. The materials are added to the
 * application, the case is corrected, and the waiting workflow is resumed to pre-check it again.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const { materials } = SupplementBody.parse(request.json ?? {});
  const found = await cases.getWithApplication(id);
  if (!found || found.case.applicant.subject !== actor.subject) throw noSuchCase();
  const { case: current, application } = found;
  const replaced = new Set(materials.map((m) => m.materialId));
  const updated = {
    ...application,
    materials: [...application.materials.filter((m) => !replaced.has(m.materialId)), ...materials],
  };
  try {
    const { case: after, record } = transition(current, 'corrected', {
      actor,
      at: new Date().toISOString(),
      action: 'supplement',
    });
    await cases.transition(current, after, record, { application: updated });
    const token = await tasks.takeWait(id, 'supplement');
    if (token) await resume(token, { supplemented: materials.map((m) => m.materialId) });
    return caseView(after);
  } catch (error) {
    throw asConflict(error);
  }
});
