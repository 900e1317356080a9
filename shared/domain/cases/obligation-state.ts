import { type Case, DECIDING, type MaterialObligation } from './model.ts';

/**
 * Predicates on a case's obligations, apart from obligations.ts so that the lifecycle can guard on them
 * without depending on the functions that change them.
 */

export const openMaterialObligations = (c: Case): MaterialObligation[] =>
  c.obligations.filter((o): o is MaterialObligation => o.kind === 'material' && o.status === 'open');

/**
 * The deadline day itself is still in time; the day after, the obligation is missed — unless the deadline is
 * provisional (a year whose schedule is not known): such a date is never held against the applicant.
 */
export const isMissed = (o: MaterialObligation, today: string) =>
  o.status === 'open' && o.deadline < today && o.provisionalYears === undefined;

/** Missed deferred materials of a case that is still waiting for them (→ it must be terminated). */
export function overdueObligations(c: Case, today: string): MaterialObligation[] {
  if (!DECIDING.includes(c.status)) return [];
  return openMaterialObligations(c).filter((o) => isMissed(o, today));
}

/** The result (approval) waits until every deferred material is in. */
export const resultBlocked = (c: Case) => openMaterialObligations(c).length > 0;
