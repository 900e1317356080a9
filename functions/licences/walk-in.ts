import { today } from '../../shared/adapters/clock.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { idHashOf } from '../../shared/adapters/id-hash.ts';
import { LicenceStore } from '../../shared/adapters/licence-store.ts';
import { checkApplicant } from '../../shared/domain/cases/application.ts';
import { badRequest, forbidden } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { WalkInLicencesBody } from '../../shared/http/schemas/licences.ts';

const licences = new LicenceStore(documents, requiredEnv('CASES_TABLE'));

/**
 * POST /api/window/licences: at a window, the e-licences the walk-in holds, found by the number they show
 * (免证办 at the counter, as online). The number is hashed at once and neither stored nor logged; a POST, so that
 * it never sits in an address or an access log.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'window');
  if (!actor.region) throw forbidden();
  const applicant = WalkInLicencesBody.parse(request.json ?? {});
  const invalid = checkApplicant({ ...applicant, name: '-' }, today());
  if (invalid.length > 0) throw badRequest(invalid[0]!.code, invalid[0]!.zh, invalid[0]!.en, invalid);
  const number = applicant.kind === 'person' ? applicant.idNumber : applicant.uscc;
  return { items: await licences.heldBy(await idHashOf(number)) };
});
