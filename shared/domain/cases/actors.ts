import { regionCovers } from '../regions.ts';
import { isOwnCase } from './access.ts';
import type { Actor, Case } from './model.ts';

/**
 * The parts an actor can play on one case. Roles alone are not enough: staff act only on cases of their own
 * department and region, and an applicant is the applicant of this case, not any citizen.
 */
export type ActorKind = 'applicant' | 'handler' | 'supervisor' | 'system';

export const ACTOR_LABELS: Record<ActorKind, { zh: string; en: string }> = {
  applicant: { zh: '申请人', en: 'the applicant' },
  handler: { zh: '承办部门的窗口或审查人员', en: "the handling department's window or reviewers" },
  supervisor: { zh: '监督人员', en: 'a supervisor' },
  system: { zh: '系统', en: 'the system' },
};

/** The actor for timers and automatic rules (lapse, missed deadlines). No token can claim it. */
export const SYSTEM_ACTOR: Actor = { subject: 'system', roles: ['system'] };

export function actorKinds(c: Case, actor: Actor): Set<ActorKind> {
  const kinds = new Set<ActorKind>();
  const has = (role: Actor['roles'][number]) => actor.roles.includes(role);
  // Theirs by account, or by ID hash when a window filed it for them.
  const isApplicant = isOwnCase(c, actor);
  const ofHandlingBody = actor.department === c.handling.department && actor.region === c.handling.region;
  if (isApplicant) kinds.add('applicant');
  // 帮办代办: the window that filed for a walk-in acts for them until the case ends. Window staff serve every
  // department (一窗受理), so the one who took the case in is that window, whatever department it is for.
  const tookIn = c.intake?.channel === 'window' && c.intake.staff === actor.subject;
  if (c.assisted && has('window') && (ofHandlingBody || tookIn)) kinds.add('applicant');
  // Nobody handles or supervises their own application (回避).
  if (!isApplicant && ofHandlingBody && (has('window') || has('reviewer'))) kinds.add('handler');
  if (!isApplicant && has('supervisor') && regionCovers(actor.region, c.handling.region))
    kinds.add('supervisor');
  if (has('system')) kinds.add('system');
  return kinds;
}

/** Names the kinds allowed to act, for messages such as "only the applicant may …". */
export const describeKinds = (kinds: readonly ActorKind[]) => ({
  zh: kinds.map((k) => ACTOR_LABELS[k].zh).join('或'),
  en: kinds.map((k) => ACTOR_LABELS[k].en).join(' or '),
});
