import { CaseError } from './errors.ts';
import { transition } from './lifecycle.ts';
import type { Actor, Case, TransitionResult } from './model.ts';

export type ReviewOutcome = 'approve' | 'deny' | 'return';

/**
 * A reviewer's decision on the case's current step: passing a step that is not the last moves the case to
 * the next; passing the last approves it (refused while deferred materials are awaited); denying denies it;
 * returning it asks the applicant to correct it, with the clock paused. The API tries it before it closes the
 * task, and the workflow applies it: both with this one function.
 */
export function decide(
  c: Case,
  decision: { outcome: ReviewOutcome; reason?: string },
  actor: Actor,
  at: string,
): TransitionResult {
  const { reason } = decision;
  switch (decision.outcome) {
    case 'deny':
      return transition(c, 'denied', { actor, at, reason, action: 'deny' });
    case 'return':
      return transition(c, 'correction-requested', { actor, at, reason, action: 'return' });
    case 'approve': {
      const steps = c.matter.steps;
      const next = steps[steps.indexOf(c.step ?? '') + 1];
      if (next) return transition(c, 'under-review', { actor, at, reason, step: next, action: 'next-step' });
      const approved = transition(c, 'approved', { actor, at, reason, action: 'approve' });
      const unproven = unprovenMaterials(c);
      if (unproven.length > 0) {
        throw new CaseError(
          'EVIDENCE_MISSING',
          `以下材料没有可核验的依据，不能准予许可：${unproven.join('、')}`,
          `no verifiable evidence for: ${unproven.join(', ')}; the case cannot be approved`,
        );
      }
      return approved;
    }
  }
}

/**
 * The materials the case needs (fixed at acceptance) that no evidence stands for: a deferred one not yet
 * supplied is held back by its obligation first; this catches anything else, whatever the case was told.
 */
export function unprovenMaterials(c: Case): string[] {
  const proven = new Set((c.evidence ?? []).map((e) => e.materialId));
  return (c.requiredMaterials ?? []).filter((m) => !proven.has(m));
}
