import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { LicenceStore } from '../../shared/adapters/licence-store.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';

const licences = new LicenceStore(documents, requiredEnv('CASES_TABLE'));

/**
 * GET /api/licences: the e-licences I hold (电子证照), found by my ID hash — what I can offer instead of a copy
 * (免证办). Without real-name verification there is no ID hash, and so no licence.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  if (!actor.idHash) return { items: [] };
  return { items: await licences.heldBy(actor.idHash) };
});
