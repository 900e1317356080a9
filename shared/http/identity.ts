import { type Identity, identityFromClaims, type Role } from '../domain/identity.ts';
import { forbidden, HttpError } from './errors.ts';
import type { HttpRequest } from './handler.ts';

/** The caller, from the claims the API's JWT authorizer verified. */
export function caller(request: HttpRequest): Identity {
  const claims = (request.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } })
    .authorizer?.jwt?.claims;
  const identity = identityFromClaims(claims);
  if (!identity) throw new HttpError(401, 'UNAUTHORIZED', '请先登录', 'Please sign in first');
  return identity;
}

/** The caller, who must hold one of `roles`; 403 otherwise. */
export function requireRole(request: HttpRequest, ...roles: Role[]): Identity {
  const identity = caller(request);
  if (!identity.roles.some((r) => roles.includes(r))) throw forbidden();
  return identity;
}
