import type { CrossRegionScope } from '../catalog/model.ts';
import { regionCovers } from '../regions.ts';
import type { Actor, Case, Message } from './model.ts';

/**
 * Who may take a case in at a window, and who may read one. Acting on a case (the lifecycle's transitions) is
 * decided by `actorKinds`; these rules only open or close the door.
 */

const SCOPE_WORDS: Record<CrossRegionScope, { zh: string; en: string }> = {
  none: { zh: '不实行跨域通办，只在办理地受理', en: 'is received only in its own region' },
  city: { zh: '实行市域通办，只在本市范围内受理', en: 'is received anywhere in its city (市域通办)' },
  province: { zh: '实行全省通办，只在本省范围内受理', en: 'is received anywhere in the province (全省通办)' },
  national: { zh: '实行跨省通办', en: 'is received anywhere (跨省通办)' },
};

/** How far a scope reaches, as the length of the region-code prefix window and handling region must share. */
const SHARED_PREFIX: Record<CrossRegionScope, number> = { none: 6, city: 4, province: 2, national: 0 };

/**
 * Why window staff of `windowRegion` may not take in a matter handled in `matter.region`, or undefined when
 * they may: always in the handling region itself; elsewhere as far as the matter's 通办 scope reaches.
 */
export function takeInRefusal(
  windowRegion: string,
  matter: { region: string; crossRegionScope: CrossRegionScope },
): Message | undefined {
  const shared = SHARED_PREFIX[matter.crossRegionScope];
  if (windowRegion.slice(0, shared) === matter.region.slice(0, shared)) return undefined;
  const words = SCOPE_WORDS[matter.crossRegionScope];
  return {
    code: 'OUTSIDE_CROSS_REGION_SCOPE',
    zh: `本事项${words.zh}（办理地 ${matter.region}），本窗口（${windowRegion}）不能受理`,
    en: `This matter ${words.en} (handled in ${matter.region}); a window of ${windowRegion} cannot take it in`,
  };
}

/** The window staff member who took the case in (一窗受理). */
export const tookIn = (c: Case, actor: Pick<Actor, 'subject' | 'roles'>): boolean =>
  c.intake?.channel === 'window' && c.intake.staff === actor.subject && actor.roles.includes('window');

/**
 * Staff who may read a case: reviewers of its handling department in its region; window staff of its
 * handling region, and the one who took it in wherever they sit; supervisors over its region; admins.
 */
export function staffMayRead(c: Case, actor: Actor): boolean {
  // A draft is its applicant's alone until it is submitted: no department has received it.
  if (c.status === 'draft') return false;
  const has = (role: Actor['roles'][number]) => actor.roles.includes(role);
  const { department, region } = c.handling;
  if (has('admin')) return true;
  if (has('supervisor') && regionCovers(actor.region, region)) return true;
  if (has('reviewer') && actor.department === department && actor.region === region) return true;
  return has('window') && (actor.region === region || tookIn(c, actor));
}

/**
 * The applicant's own case: theirs by account, or filed for their ID hash (a window took it in by the ID
 * number, and real-name verification put the same hash in their token).
 */
export const isOwnCase = (c: Case, who: { subject: string; idHash?: string }): boolean =>
  c.applicant.subject === who.subject || (who.idHash !== undefined && c.applicant.idHash === who.idHash);
