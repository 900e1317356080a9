import type { Pool, Provider } from './config.ts';

/**
 * Sign-in at the provider (Cognito's hosted UI or the province's OpenID Connect issuer): OAuth 2.0 authorization
 * code with PKCE, no client secret (a browser cannot keep one). The verifier, the state and where to return are kept in sessionStorage for the round trip.
 */
const PENDING = 'tongban.oauth';

interface Pending {
  state: string;
  verifier: string;
  pool: Pool;
  returnTo: string;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const random = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

// The clients allow the site's root as their only callback URL (the web stack derives it from the domain).
const redirectUri = () => `${location.origin}/`;

export async function startHostedSignIn(
  ui: Provider,
  pool: Pending['pool'],
  returnTo: string,
): Promise<void> {
  const pending: Pending = { state: random(), verifier: random(), pool, returnTo };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: ui.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid profile',
    state: pending.state,
    code_challenge: base64url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  });
  location.assign(`${ui.authorize}?${query}`);
}

/** Whether this page load is the provider sending the user back with a code. */
export function isHostedCallback(search: string): boolean {
  const q = new URLSearchParams(search);
  return q.has('code') && q.has('state') && sessionStorage.getItem(PENDING) !== null;
}

/** Exchanges the code for tokens; answers the ID token (what the API's JWT authorizers take) and where to go. */
export async function finishHostedSignIn(
  uis: Record<Pool, Provider>,
  search: string,
): Promise<{ idToken: string; returnTo: string }> {
  const q = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING);
  if (!pending || pending.state !== q.get('state')) throw new Error('OAUTH_STATE_MISMATCH');
  const ui = uis[pending.pool];
  const res = await fetch(ui.token, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: ui.clientId,
      code: q.get('code') ?? '',
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!res.ok) throw new Error('OAUTH_TOKEN_REFUSED');
  const tokens = (await res.json()) as { id_token: string };
  return { idToken: tokens.id_token, returnTo: pending.returnTo };
}

/** Where to end the provider's own session, coming back to the site; none when the issuer publishes no such end. */
export function hostedSignOutUrl(ui: Provider): string | undefined {
  if (!ui.logout) return undefined;
  const query = new URLSearchParams({ client_id: ui.clientId, [ui.logout.returnParam]: redirectUri() });
  return `${ui.logout.url}?${query}`;
}
