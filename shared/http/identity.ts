import {
  ADMINISTRATORS,
  type ClaimMapping,
  COGNITO_CLAIMS,
  type Identity,
  identityFromClaims,
  type Role,
  readList,
} from '../domain/identity.ts';
import { forbidden, HttpError } from './errors.ts';
import type { HttpRequest } from './handler.ts';

/**
 * The claim mapping of each OpenID Connect issuer the deployment trusts, from the stage's configuration
 * (`IDENTITY_PROVIDERS`, set by the API stack: `[{issuer, audience, claims, roleValues?}]`). One issuer may sign
 * citizens and staff in for two clients with two mappings, so a token is matched by its issuer and audience.
 * Tokens of any other issuer the authorizer accepted (the Cognito user pools, local mode's sign-in) carry
 * Cognito's claims.
 */
const providers = JSON.parse(process.env.IDENTITY_PROVIDERS ?? '[]') as (ClaimMapping & {
  issuer: string;
  audience: string[];
})[];

function mappingOf(claims: Record<string, unknown> | undefined): ClaimMapping {
  // HTTP APIs hand list claims over as `[a b]`; an ID token's `aud` is one client id, an access token's `client_id`.
  const audiences = [...readList(claims?.aud), ...readList(claims?.client_id)];
  return (
    providers.find((p) => p.issuer === claims?.iss && p.audience.some((a) => audiences.includes(a))) ??
    COGNITO_CLAIMS
  );
}

/** The caller, from the claims the API's JWT authorizer verified. */
export function caller(request: HttpRequest): Identity {
  const claims = (request.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } })
    .authorizer?.jwt?.claims;
  const identity = identityFromClaims(claims, mappingOf(claims));
  if (!identity) throw new HttpError(401, 'UNAUTHORIZED', '请先登录', 'Please sign in first');
  // 三员分立: an account holding two of the three administrators' roles is refused rather than trusted with both.
  if (identity.roles.filter((r) => ADMINISTRATORS.includes(r)).length > 1) {
    throw new HttpError(
      403,
      'SEPARATION_OF_DUTIES',
      '系统、安全、审计管理员须由不同账号担任',
      'The system, security and audit administrators must be different accounts',
    );
  }
  return identity;
}

/** The caller, who must hold one of `roles`; 403 otherwise. */
export function requireRole(request: HttpRequest, ...roles: Role[]): Identity {
  const identity = caller(request);
  if (!identity.roles.some((r) => roles.includes(r))) throw forbidden();
  return identity;
}
