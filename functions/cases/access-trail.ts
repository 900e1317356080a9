import { nowIso } from '../../shared/adapters/clock.ts';
import type { Case } from '../../shared/domain/cases/model.ts';
import type { Identity } from '../../shared/domain/identity.ts';
import { cases } from './store.ts';

/**
 * Puts a look at a case on its audit trail (等保: who read personal data, and when): a staff member reading it
 * (`staff-read`), anyone downloading one of its files (`material-download`, the material named). The holder
 * sees these records in the case's timeline; the status stays as it is.
 */
export async function recordAccess(
  c: Case,
  actor: Identity,
  action: 'staff-read' | 'material-download',
  materialId?: string,
): Promise<void> {
  await cases.append(c, {
    caseId: c.id,
    at: nowIso(),
    actor: { subject: actor.subject, roles: actor.roles },
    action,
    from: c.status,
    to: c.status,
    ...(materialId ? { reason: `材料 ${materialId} / material ${materialId}` } : {}),
  });
}
