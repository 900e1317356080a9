/**
 * How users sign in. The deployed web stack writes `/config.json`: with Cognito, each pool's hosted UI; with the
 * province's own identity platform (the only choice in the China regions), each OpenID Connect issuer and the
 * client the app signs in as. Local mode has no such file (its front server answers index.html for it) and signs
 * in through `/local/token`. Either deployed kind comes down to the same three endpoints of an OAuth 2.0
 * authorization-code flow with PKCE (oauth.ts).
 */
export interface Provider {
  authorize: string;
  token: string;
  /**
   * Where the provider's own session ends, and the name it gives the way back (Cognito's `logout_uri`, OpenID
   * Connect RP-initiated logout's `post_logout_redirect_uri`); an issuer that publishes none keeps its session.
   */
  logout?: { url: string; returnParam: 'logout_uri' | 'post_logout_redirect_uri' };
  clientId: string;
}

export type Pool = 'citizens' | 'staff';
export type AuthConfig = { mode: 'local' } | { mode: 'hosted'; citizens: Provider; staff: Provider };

/** What `/config.json` holds. */
type Written =
  | {
      mode: 'cognito';
      citizens: { domain: string; clientId: string };
      staff: { domain: string; clientId: string };
    }
  | {
      mode: 'oidc';
      citizens: { issuer: string; clientId: string };
      staff: { issuer: string; clientId: string };
    };

let loaded: Promise<AuthConfig> | undefined;

export function authConfig(): Promise<AuthConfig> {
  loaded ??= fetch('/config.json', { headers: { accept: 'application/json' }, cache: 'no-cache' })
    .then(async (res) => {
      const json: { mode?: string } | undefined =
        res.ok && res.headers.get('content-type')?.includes('json')
          ? ((await res.json()) as { mode?: string })
          : undefined;
      return json?.mode === 'cognito' || json?.mode === 'oidc' ? resolveProviders(json as Written) : LOCAL;
    })
    .catch((error: unknown) => {
      // A deployed stage whose issuer cannot be reached must not fall back to the local sign-in, which is not there.
      loaded = undefined;
      if (error instanceof IssuerError) throw error;
      return LOCAL;
    });
  return loaded;
}

const LOCAL: AuthConfig = { mode: 'local' };

export class IssuerError extends Error {
  constructor(issuer: string) {
    super(`the sign-in issuer ${issuer} did not answer its discovery document`);
    this.name = 'IssuerError';
  }
}

/** The endpoints of each pool: Cognito's are fixed paths of its domain, an issuer's are in its discovery document. */
export async function resolveProviders(written: Written, get: typeof fetch = fetch): Promise<AuthConfig> {
  if (written.mode === 'cognito') {
    const hosted = ({ domain, clientId }: { domain: string; clientId: string }): Provider => ({
      authorize: `${domain}/oauth2/authorize`,
      token: `${domain}/oauth2/token`,
      logout: { url: `${domain}/logout`, returnParam: 'logout_uri' },
      clientId,
    });
    return { mode: 'hosted', citizens: hosted(written.citizens), staff: hosted(written.staff) };
  }
  const discover = async ({ issuer, clientId }: { issuer: string; clientId: string }): Promise<Provider> => {
    const res = await get(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
      headers: { accept: 'application/json' },
    }).catch(() => undefined);
    if (!res?.ok) throw new IssuerError(issuer);
    const doc = (await res.json()) as {
      authorization_endpoint?: string;
      token_endpoint?: string;
      end_session_endpoint?: string;
    };
    if (!doc.authorization_endpoint || !doc.token_endpoint) throw new IssuerError(issuer);
    return {
      authorize: doc.authorization_endpoint,
      token: doc.token_endpoint,
      ...(doc.end_session_endpoint
        ? { logout: { url: doc.end_session_endpoint, returnParam: 'post_logout_redirect_uri' as const } }
        : {}),
      clientId,
    };
  };
  const [citizens, staff] = await Promise.all([discover(written.citizens), discover(written.staff)]);
  return { mode: 'hosted', citizens, staff };
}
