import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CryptoKey,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { DemoUser } from './demo-users.ts';

/** One Cognito user pool as the API's authorizers see it: its issuer URL and its app clients. */
export interface LocalUserPool {
  id: string;
  issuer: string;
  clientIds: string[];
  audience: 'citizens' | 'staff';
}

const ALG = 'RS256';

/**
 * Signs ID tokens with the claims Cognito would put in them, for the pool a user belongs to. The signing key
 * lives in the data folder so tokens survive a restart; it is never part of a deployment.
 */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly kid: string,
    readonly pools: LocalUserPool[],
    private readonly salt: string,
    private readonly hashId?: (idNumber: string) => string,
  ) {}

  /**
   * `hashId` is what real-name verification does for `custom:idHash`: the keyed hash of the user's ID number
   * or credit code, with the key the functions use (ID hashes).
   */
  static async open(
    dataDir: string,
    pools: LocalUserPool[],
    hashId?: (idNumber: string) => string,
  ): Promise<LocalIssuer> {
    const file = join(dataDir, 'signing-key.json');
    if (!existsSync(file)) {
      const { privateKey } = await generateKeyPair(ALG, { extractable: true });
      mkdirSync(dataDir, { recursive: true });
      const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), salt: randomUUID() };
      writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
    }
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string; salt: string };
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, salt, ...publicJwk } = jwk;
    const privateKey = (await importJWK({ ...jwk, salt: undefined }, ALG)) as CryptoKey;
    const publicKey = (await importJWK(publicJwk, ALG)) as CryptoKey;
    return new LocalIssuer(privateKey, publicKey, jwk.kid, pools, salt, hashId);
  }

  poolFor(user: DemoUser): LocalUserPool {
    const audience = user.role === 'citizen' || user.role === 'enterprise' ? 'citizens' : 'staff';
    const pool = this.pools.find((p) => p.audience === audience);
    if (!pool) throw new Error(`the app has no ${audience} user pool`);
    return pool;
  }

  /** Issues an ID token for a demo user, valid for `expiresInSeconds`. */
  async issue(user: DemoUser, expiresInSeconds = 3600): Promise<string> {
    const pool = this.poolFor(user);
    const staff = pool.audience === 'staff';
    const claims: JWTPayload & Record<string, unknown> = {
      token_use: 'id',
      auth_time: Math.floor(Date.now() / 1000),
      'cognito:username': user.id,
      name: user.name,
      'custom:region': user.region,
      ...(staff
        ? { 'cognito:groups': [user.role], 'custom:department': user.department, email: user.email }
        : {
            'custom:subjectType': user.role === 'enterprise' ? 'enterprise' : 'person',
            'custom:idHash': user.idNumber ? this.hashId?.(user.idNumber) : undefined,
            phone_number: user.phone ? `+86${user.phone}` : undefined,
          }),
    };
    return new SignJWT(JSON.parse(JSON.stringify(claims)))
      .setProtectedHeader({ alg: ALG, kid: this.kid })
      .setSubject(this.subjectOf(user))
      .setIssuer(pool.issuer)
      .setAudience(pool.clientIds[0]!)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
      .sign(this.privateKey);
  }

  /**
   * Verifies a token as an HTTP API JWT authorizer does: signature, expiry, issuer, and an `aud` (ID token) or
   * `client_id` (access token) among the authorizer's audiences. The pools' tokens are this issuer's own; any
   * other issuer's keys are found as API Gateway finds them, through its OpenID Connect discovery document.
   */
  async verify(token: string, issuer: string, audience: string[]): Promise<JWTPayload> {
    const options = { issuer, algorithms: [ALG] };
    const { payload } = this.pools.some((p) => p.issuer === issuer)
      ? await jwtVerify(token, this.publicKey, options)
      : await jwtVerify(token, await this.keysOf(issuer), options);
    const audiences = [payload.aud, payload.client_id]
      .flat()
      .filter((a): a is string => typeof a === 'string');
    if (!audiences.some((a) => audience.includes(a))) throw new Error('audience not allowed');
    return payload;
  }

  private readonly discovered = new Map<string, Promise<ReturnType<typeof createRemoteJWKSet>>>();

  /** The signing keys another OpenID Connect issuer publishes (`jwks_uri` of its discovery document). */
  private keysOf(issuer: string) {
    let keys = this.discovered.get(issuer);
    if (!keys) {
      keys = fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)
        .then((res) => {
          if (!res.ok) throw new Error(`${issuer}: discovery answered ${res.status}`);
          return res.json() as Promise<{ jwks_uri: string }>;
        })
        .then((doc) => createRemoteJWKSet(new URL(doc.jwks_uri)));
      // A failed discovery is tried again with the next token, as the issuer may come up later.
      keys.catch(() => this.discovered.delete(issuer));
      this.discovered.set(issuer, keys);
    }
    return keys;
  }

  /** The JWKS a pool would publish at `/.well-known/jwks.json`. */
  async jwks() {
    return { keys: [{ ...(await exportJWK(this.publicKey)), kid: this.kid, alg: ALG, use: 'sig' }] };
  }

  /** A stable subject per demo user, shaped like a Cognito `sub`. */
  subjectOf(user: DemoUser): string {
    const h = createHmac('sha256', this.salt).update(user.id).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
