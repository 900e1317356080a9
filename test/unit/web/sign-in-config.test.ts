import { describe, expect, it } from 'vitest';
import { IssuerError, resolveProviders } from '../../../web/src/auth/config.ts';

const DISCOVERY = {
  issuer: 'https://id.shaanxi.example/realms/citizens',
  authorization_endpoint: 'https://id.shaanxi.example/realms/citizens/protocol/openid-connect/auth',
  token_endpoint: 'https://id.shaanxi.example/realms/citizens/protocol/openid-connect/token',
  end_session_endpoint: 'https://id.shaanxi.example/realms/citizens/protocol/openid-connect/logout',
};

/** A stand-in for the network: the discovery documents it knows, by URL, and who asked for what. */
function network(documents: Record<string, unknown>) {
  const asked: string[] = [];
  const get = (async (url: string) => {
    asked.push(url);
    const doc = documents[url];
    return doc ? Response.json(doc) : new Response('not found', { status: 404 });
  }) as typeof fetch;
  return { get, asked };
}

describe('how the web app signs in on a deployed stage (/config.json)', () => {
  it("takes Cognito's hosted UI endpoints from each pool's domain", async () => {
    const domain = 'https://tongban-prod-citizens-1.auth.us-east-1.amazoncognito.com';
    const config = await resolveProviders({
      mode: 'cognito',
      citizens: { domain, clientId: 'c1' },
      staff: { domain: 'https://staff.example', clientId: 's1' },
    });
    expect(config).toMatchObject({
      mode: 'hosted',
      citizens: {
        authorize: `${domain}/oauth2/authorize`,
        token: `${domain}/oauth2/token`,
        logout: { url: `${domain}/logout`, returnParam: 'logout_uri' },
        clientId: 'c1',
      },
    });
  });

  it("finds the province's issuer's endpoints in its discovery document, whatever its paths", async () => {
    const staffIssuer = 'https://id.shaanxi.example/realms/staff';
    const { get, asked } = network({
      [`${DISCOVERY.issuer}/.well-known/openid-configuration`]: DISCOVERY,
      [`${staffIssuer}/.well-known/openid-configuration`]: {
        issuer: staffIssuer,
        authorization_endpoint: `${staffIssuer}/authorize`,
        token_endpoint: `${staffIssuer}/token`,
      },
    });
    const config = await resolveProviders(
      {
        mode: 'oidc',
        citizens: { issuer: `${DISCOVERY.issuer}/`, clientId: 'tongban-web' },
        staff: { issuer: staffIssuer, clientId: 'tongban-staff' },
      },
      get,
    );
    expect(asked).toHaveLength(2);
    expect(config).toEqual({
      mode: 'hosted',
      citizens: {
        authorize: DISCOVERY.authorization_endpoint,
        token: DISCOVERY.token_endpoint,
        logout: { url: DISCOVERY.end_session_endpoint, returnParam: 'post_logout_redirect_uri' },
        clientId: 'tongban-web',
      },
      // No end-session endpoint published: nothing to send the user to on sign-out.
      staff: {
        authorize: `${staffIssuer}/authorize`,
        token: `${staffIssuer}/token`,
        clientId: 'tongban-staff',
      },
    });
  });

  it('refuses an issuer that does not answer, or answers without its endpoints, instead of falling back', async () => {
    const { get } = network({
      [`${DISCOVERY.issuer}/.well-known/openid-configuration`]: { issuer: DISCOVERY.issuer },
    });
    const oidc = (issuer: string) => ({
      mode: 'oidc' as const,
      citizens: { issuer, clientId: 'a' },
      staff: { issuer, clientId: 'b' },
    });
    await expect(resolveProviders(oidc('https://gone.example'), get)).rejects.toBeInstanceOf(IssuerError);
    await expect(resolveProviders(oidc(DISCOVERY.issuer), get)).rejects.toBeInstanceOf(IssuerError);
    const unreachable = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(resolveProviders(oidc(DISCOVERY.issuer), unreachable)).rejects.toBeInstanceOf(IssuerError);
  });
});
