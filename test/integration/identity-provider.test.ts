import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalPlatform } from '../../infra/local/platform.ts';
import { synthesize } from '../../infra/local/synth.ts';
import { call, usePlatform } from '../support/local.ts';
import { startOidcIssuer } from '../support/oidc-issuer.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// The province's identity platform names its claims its own way; the stage's configuration maps them.
const claims = {
  roles: 'user_type',
  region: 'region_code',
  department: 'org_code',
  idHash: 'id_hash',
  subjectType: 'user_type',
  name: 'name',
};
const identityFor = (issuer: string) => ({
  provider: 'oidc',
  citizens: {
    issuer,
    audience: ['tongban-web'],
    claims,
    roleValues: { PERSON: 'citizen', LEGAL_PERSON: 'enterprise' },
  },
  staff: {
    issuer,
    audience: ['tongban-staff'],
    claims: { ...claims, roles: 'roles' },
    roleValues: { REVIEWER: 'reviewer', SYS_ADMIN: 'admin', AUDIT_ADMIN: 'audit-admin' },
  },
});

let issuer: Awaited<ReturnType<typeof startOidcIssuer>>;
let platform: LocalPlatform;
const runDir = `${ROOT}.local/test/identity-provider-${process.pid}`;

// A platform of this file's own, synthesized for a stage whose identity is a second, generic OIDC issuer.
beforeAll(async () => {
  issuer = await startOidcIssuer();
  mkdirSync(`${runDir}/cdk.out`, { recursive: true });
  synthesize(`${runDir}/cdk.out`, { 'tongban:identity': identityFor(issuer.issuer) });
  platform = await LocalPlatform.start({
    assemblyDir: `${runDir}/cdk.out`,
    dataDir: `${runDir}/data`,
    fresh: true,
    port: 0,
    log: () => {},
  });
  usePlatform({ url: platform.url, endpoints: platform.endpoints });
}, 300_000);

afterAll(async () => {
  usePlatform(undefined);
  await platform?.stop();
  await issuer?.stop();
  rmSync(runDir, { recursive: true, force: true });
}, 60_000);

describe("a token of the province's own identity provider (a second, generic OIDC issuer)", () => {
  it("is accepted for a citizen, with the provider's claims read as the citizen's identity", async () => {
    const token = await issuer.sign(
      { sub: 'p-1001', user_type: 'PERSON', region_code: '610300', name: '王芳', id_hash: 'aGFzaA' },
      'tongban-web',
    );
    const { status, body } = await call('/api/me', { token });
    expect(status).toBe(200);
    expect(body).toMatchObject({ subject: 'p-1001', roles: ['citizen'], region: '610300', name: '王*' });
  });

  it("reads an enterprise's account type through the configured role values", async () => {
    const token = await issuer.sign(
      { sub: 'e-2002', user_type: 'LEGAL_PERSON', region_code: '610100' },
      'tongban-web',
    );
    const { body } = await call('/api/me', { token });
    expect(body.roles).toEqual(['enterprise']);
  });

  it("is accepted for staff, the provider's role values mapped to tongban's roles", async () => {
    const token = await issuer.sign(
      {
        sub: 's-3003',
        roles: ['REVIEWER', 'UNRELATED'],
        region_code: '610100',
        org_code: 'market-regulation',
      },
      'tongban-staff',
    );
    const { status, body } = await call('/api/staff/me', { token });
    expect(status).toBe(200);
    expect(body).toMatchObject({ roles: ['reviewer'], region: '610100', department: 'market-regulation' });
  });

  it('refuses an account that is both system and audit administrator (三员分立)', async () => {
    const token = await issuer.sign({ sub: 's-4004', roles: ['SYS_ADMIN', 'AUDIT_ADMIN'] }, 'tongban-staff');
    const { status, body } = await call('/api/staff/me', { token });
    expect(status).toBe(403);
    expect(body.error.code).toBe('SEPARATION_OF_DUTIES');
  });

  it('refuses a token issued to another audience, or signed with a key the provider does not publish', async () => {
    const staffToken = await issuer.sign({ sub: 's-5005', roles: ['REVIEWER'] }, 'tongban-staff');
    expect((await call('/api/me', { token: staffToken })).status).toBe(401);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await issuer.sign({ sub: 'p-6006', user_type: 'PERSON' }, 'tongban-web', privateKey);
    expect((await call('/api/me', { token: forged })).status).toBe(401);
  });
});
