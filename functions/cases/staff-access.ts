import type { CaseStore } from '../../shared/adapters/case-store.ts';
import { staffMayRead } from '../../shared/domain/cases/access.ts';
import type { Actor, Case } from '../../shared/domain/cases/model.ts';
import { noSuchCase } from '../../shared/http/errors.ts';

/**
 * The case as a staff member may see it. One they may not read answers exactly like one that does not exist
 * (404 CASE_NOT_FOUND), on every staff route, so that nobody outside learns which case ids exist; 403 is kept
 * for what someone who may read the case may still not do (a window pausing the clock, say).
 */
export async function caseForStaff(store: Pick<CaseStore, 'get'>, id: string, actor: Actor): Promise<Case> {
  const found = await store.get(id);
  if (!found || !staffMayRead(found, actor)) throw noSuchCase();
  return found;
}
