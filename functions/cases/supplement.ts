import { nowIso } from '../../shared/adapters/clock.ts';
import { evidenceSources } from '../../shared/adapters/evidence-sources.ts';
import { resume } from '../../shared/adapters/workflow.ts';
import { isOwnCase } from '../../shared/domain/cases/access.ts';
import { CaseError } from '../../shared/domain/cases/errors.ts';
import { checkClaims } from '../../shared/domain/cases/evidence.ts';
import { transition } from '../../shared/domain/cases/lifecycle.ts';
import type { AuditRecord, Case } from '../../shared/domain/cases/model.ts';
import { openMaterialObligations, supplyObligation } from '../../shared/domain/cases/obligations.ts';
import { badRequest, noSuchCase } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath, SupplementBody } from '../../shared/http/schemas/cases.ts';
import { cases, caseView, catalog, evidence, tasks } from './store.ts';

/**
 * POST /api/cases/{id}/supplements: the applicant answers the one-time notice (补正) — the materials join the
 * application, the case is corrected and the waiting workflow resumes — or, after a tolerant acceptance
 * (容缺), supplies deferred materials, each closing its obligation before its deadline. Either way only what is
 * proven counts (shared/domain/cases/evidence.ts); a claim of anything else is a 400 with the reasons.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const { materials } = SupplementBody.parse(request.json ?? {});
  const found = await cases.getWithApplication(id);
  if (!found || !isOwnCase(found.case, actor)) throw noSuchCase();
  const { case: current, application } = found;
  // Every material named must be proven now: a checked file of this case for it, a licence held, an allowed
  // commitment. A claim that proves nothing changes nothing, and the applicant is told why.
  const matter = await catalog.pinned(current);
  if (!matter) throw noSuchCase();
  const checks = checkClaims(materials, await evidenceSources(evidence, current, matter, application));
  const refused = checks.filter((x) => !x.evidence);
  if (refused.length > 0) {
    const first = refused[0]!.problems[0]!;
    throw badRequest('EVIDENCE_REFUSED', first.zh, first.en, {
      materials: refused.map((x) => ({ materialId: x.claim.materialId, problems: x.problems })),
    });
  }
  const proven = checks.map((x) => x.evidence!);
  const replaced = new Set(materials.map((m) => m.materialId));
  const updated = {
    ...application,
    materials: [...application.materials.filter((m) => !replaced.has(m.materialId)), ...materials],
  };
  const at = nowIso();
  if (openMaterialObligations(current).length > 0 && current.status !== 'correction-requested') {
    const supplied = supplyAll(current, [...replaced], { actor, at });
    const after = { ...supplied.case, evidence: [...(current.evidence ?? []), ...proven] };
    await cases.transition(current, after, supplied.records, { application: updated });
    return caseView(after);
  }
  const { case: after, record } = transition(current, 'corrected', { actor, at, action: 'supplement' });
  await cases.transition(current, after, record, { application: updated });
  const token = await tasks.takeWait(id, 'supplement');
  if (token) await resume(token, { supplemented: materials.map((m) => m.materialId) });
  return caseView(after);
});

/** Closes the obligation of every deferred material supplied; a material nobody is waiting for is refused. */
function supplyAll(c: Case, materialIds: string[], acting: Parameters<typeof supplyObligation>[2]) {
  const awaited = new Set(openMaterialObligations(c).map((o) => o.materialId));
  const unexpected = materialIds.filter((m) => !awaited.has(m));
  if (unexpected.length > 0) {
    throw new CaseError(
      'NO_SUCH_OBLIGATION',
      `办件不等待这些材料：${unexpected.join('、')}`,
      `the case is not waiting for: ${unexpected.join(', ')}`,
    );
  }
  const records: AuditRecord[] = [];
  let after = c;
  for (const materialId of materialIds) {
    const supplied = supplyObligation(after, materialId, acting);
    after = supplied.case;
    records.push(supplied.record);
  }
  return { case: after, records };
}
