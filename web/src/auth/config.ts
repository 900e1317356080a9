/**
 * How users sign in. The deployed web stack writes `/config.json` with each pool's Cognito hosted UI; local mode
 * has no such file (its front server answers index.html for it) and signs in through `/local/token`.
 */
export interface HostedUi {
  /** The hosted UI's base URL, e.g. https://tongban-prod-citizens-123.auth.cn-northwest-1.amazoncognito.com */
  domain: string;
  clientId: string;
}

export type AuthConfig = { mode: 'local' } | { mode: 'cognito'; citizens: HostedUi; staff: HostedUi };

let loaded: Promise<AuthConfig> | undefined;

export function authConfig(): Promise<AuthConfig> {
  loaded ??= fetch('/config.json', { headers: { accept: 'application/json' }, cache: 'no-cache' })
    .then(async (res) => {
      const json = res.ok && res.headers.get('content-type')?.includes('json') ? await res.json() : undefined;
      return json?.mode === 'cognito' ? (json as AuthConfig) : { mode: 'local' as const };
    })
    .catch(() => ({ mode: 'local' as const }));
  return loaded;
}
