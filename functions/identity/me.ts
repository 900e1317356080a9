import { identityFromClaims } from '../../shared/domain/identity.ts';
import { maskName } from '../../shared/domain/masking.ts';
import { HttpError } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';

/** GET /api/me and /api/staff/me: who the verified token says the caller is, with personal data masked. */
export const handler = httpHandler(async (request) => {
  const claims = (request.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } })
    .authorizer?.jwt?.claims;
  const identity = identityFromClaims(claims);
  if (!identity) throw new HttpError(401, 'UNAUTHORIZED', '请先登录', 'Please sign in first');
  const { idHash: _idHash, name, ...rest } = identity;
  return { ...rest, name: name ? maskName(name) : undefined };
});
