import { z } from 'zod';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { evidenceSources } from '../../shared/adapters/evidence-sources.ts';
import { acceptFromPrecheck, requestCorrection } from '../../shared/domain/cases/acceptance.ts';
import { SYSTEM_ACTOR } from '../../shared/domain/cases/actors.ts';
import { checkClaims, suppliedFrom } from '../../shared/domain/cases/evidence.ts';
import { transition } from '../../shared/domain/cases/lifecycle.ts';
import { applicableMaterials, precheck } from '../../shared/domain/cases/precheck.ts';
import { calendar, cases, evidence, load, now } from './context.ts';

const Input = z.object({ caseId: z.string().min(1) });

/**
 * Workflow step: the pre-check (智能预审). A complete application — or one missing only deferrable materials,
 * where 容缺 applies — is accepted and sent to its first review step; otherwise ONE notice lists everything
 * missing or wrong (一次性告知) and the case waits for the applicant's supplement. A case a reviewer returned for
 * correction is not pre-checked again: once corrected it resumes its review.
 */
export const handler = eventHandler({ input: Input }, async ({ caseId }) => {
  let { case: c, application, matter } = await load(caseId);
  const acting = { actor: SYSTEM_ACTOR, at: now() };
  // A workflow resumed after a stall (or after a restart) finds the case further on: it goes on from there.
  if (['under-review', 'approved', 'denied'].includes(c.status)) return { outcome: 'resumed', missing: [] };
  if (c.status === 'correction-requested') return { outcome: 'correction', missing: [] };
  if (c.status === 'accepted') {
    // Accepted by lapse (Art. 32) while this step was failing and retrying: nothing left to check.
    const review = transition(c, 'under-review', {
      ...acting,
      step: c.matter.steps[0],
      action: 'start-review',
    });
    await cases.transition(c, review.case, review.record);
    return { outcome: 'accepted', missing: [] };
  }
  if (c.status === 'corrected' && c.acceptedAt) {
    // Returned for correction during review: back to the step that returned it, accepted as it was.
    const resumed = transition(c, 'under-review', { ...acting, step: c.step, action: 'resume-review' });
    await cases.transition(c, resumed.case, resumed.record);
    return { outcome: 'resumed', missing: [] };
  }
  if (c.status === 'corrected') {
    const resubmitted = transition(c, 'submitted', { ...acting, action: 'resubmit' });
    await cases.transition(c, resubmitted.case, resubmitted.record);
    c = resubmitted.case;
  }
  // Each claim counts only with evidence the platform holds; the standing comes from the credit records.
  const sources = await evidenceSources(evidence, c, matter, application);
  const claims = checkClaims(application.materials, sources);
  const result = precheck({
    matter,
    situations: application.situations,
    supplied: suppliedFrom(claims),
    standing: sources.standing,
    toleranceRequested: application.tolerance,
  });
  if (result.outcome === 'correction') {
    const corrected = requestCorrection(c, result, acting);
    await cases.transition(c, corrected.case, corrected.record);
    return { outcome: result.outcome, missing: result.notice.items.map((i) => i.materialId) };
  }
  const decided = acceptFromPrecheck(c, matter, result, acting, await calendar());
  // What the acceptance rested on, for the reviewer: each material's evidence and the applicant's standing.
  const satisfied = new Set(result.satisfied.map((s) => s.materialId));
  const accepted = {
    ...decided,
    case: {
      ...decided.case,
      requiredMaterials: applicableMaterials(matter, application.situations).map((m) => m.id),
      evidence: claims.flatMap((x) =>
        x.evidence && satisfied.has(x.evidence.materialId) ? [x.evidence] : [],
      ),
      standing: sources.standing,
    },
  };
  await cases.transition(c, accepted.case, accepted.record);
  const firstStep = accepted.case.matter.steps[0];
  const review = transition(accepted.case, 'under-review', {
    ...acting,
    step: firstStep,
    action: 'start-review',
  });
  await cases.transition(accepted.case, review.case, review.record);
  return { outcome: result.outcome, missing: [] };
});
