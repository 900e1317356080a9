import { requestHash } from '../../shared/adapters/case-store.ts';
import { today } from '../../shared/adapters/clock.ts';
import { idHashOf } from '../../shared/adapters/id-hash.ts';
import { takeInRefusal } from '../../shared/domain/cases/access.ts';
import { type Applicant, checkApplicant } from '../../shared/domain/cases/application.ts';
import { badRequest, forbidden, HttpError } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { WindowApplication } from '../../shared/http/schemas/cases.ts';
import { staffCaseView } from '../cases/store.ts';
import { idempotencyKeyOf, submit } from '../cases/submission.ts';

/**
 * POST /api/window/cases: window staff take in an application for a citizen or enterprise (一窗受理, 帮办代办),
 * under the rules of POST /api/cases. The applicant is known by the keyed hash of the number shown at the
 * counter, so the case is theirs when they sign in; the number itself is neither stored nor logged. A window
 * takes in matters of its own region, and of others as far as the matter's 通办 scope reaches.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'window');
  const region = actor.region;
  if (!region) throw forbidden();
  const key = idempotencyKeyOf(request);
  const application = WindowApplication.parse(request.json);
  const applicant = application.onBehalfOf;
  // A number that fails its check character is refused before it is hashed.
  const invalid = checkApplicant(applicant, today());
  if (invalid.length > 0) throw badRequest(invalid[0]!.code, invalid[0]!.zh, invalid[0]!.en, invalid);
  const { number, rest } = split(applicant);
  const idHash = await idHashOf(number);

  return submit({
    actor,
    key,
    application,
    // The idempotency record keeps a hash of the request: made over the ID hash, not over the number.
    requestHash: requestHash({ ...application, onBehalfOf: { ...rest, idHash } }),
    party: (matter) => {
      const refusal = takeInRefusal(region, matter);
      if (refusal) throw new HttpError(403, refusal.code, refusal.zh, refusal.en);
      return {
        applicant: { kind: rest.kind, name: rest.name, idHash, ...(rest.phone ? { phone: rest.phone } : {}) },
        assisted: true,
        intake: { channel: 'window', staff: actor.subject, region },
      };
    },
    view: (c) => staffCaseView(c),
    location: (id) => `/api/staff/cases/${id}`,
  });
});

/** The number shown at the counter, apart from the rest of what was said about the applicant. */
function split(applicant: Applicant) {
  if (applicant.kind === 'person') {
    const { idNumber, ...rest } = applicant;
    return { number: idNumber, rest };
  }
  const { uscc, ...rest } = applicant;
  return { number: uscc, rest };
}
