import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

/**
 * A generic OpenID Connect issuer on the loopback, standing in for a province's unified identity (统一身份认证):
 * it publishes its discovery document and keys, as any issuer an HTTP API JWT authorizer trusts must, and
 * signs ID tokens with whatever claims its users have, under its own claim names.
 */
export async function startOidcIssuer(path = '/province') {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  let issuer = '';
  const server: Server = createServer((req, res) => {
    const send = (body: object) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === `${path}/.well-known/openid-configuration`)
      return send({
        issuer,
        jwks_uri: `${issuer}/jwks.json`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    if (req.url === `${path}/jwks.json`) return send(jwks);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return {
    issuer,
    /** An ID token for `audience`, valid for an hour, signed with this issuer's key (or another one). */
    async sign(claims: JWTPayload, audience: string, key = privateKey) {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
