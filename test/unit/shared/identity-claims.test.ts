import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { HttpRequest } from '../../../shared/http/handler.ts';

const PROVINCE = 'https://sso.example.gov.cn/oidc';
const names = {
  region: 'region_code',
  department: 'org_code',
  idHash: 'id_hash',
  subjectType: 'user_type',
  name: 'name',
};

let caller: (request: HttpRequest) => { subject: string; roles: string[]; region?: string; idHash?: string };
beforeAll(async () => {
  // As the API stack configures the functions for a province whose one issuer signs in citizens and staff.
  vi.stubEnv(
    'IDENTITY_PROVIDERS',
    JSON.stringify([
      {
        issuer: PROVINCE,
        audience: ['web'],
        claims: { ...names, roles: 'user_type' },
        roleValues: { PERSON: 'citizen', LEGAL_PERSON: 'enterprise' },
      },
      {
        issuer: PROVINCE,
        audience: ['staff'],
        claims: { ...names, roles: 'roles' },
        roleValues: { REVIEWER: 'reviewer', SYS_ADMIN: 'admin', SEC_ADMIN: 'security-admin' },
      },
    ]),
  );
  vi.resetModules();
  ({ caller } = await import('../../../shared/http/identity.ts'));
});

const request = (claims: Record<string, unknown>) =>
  ({ requestContext: { authorizer: { jwt: { claims } } } }) as unknown as HttpRequest;

describe("reading a caller's identity from the claims of the issuer that signed the token", () => {
  it("maps a province citizen's claims by the issuer and audience of the token", () => {
    const id = caller(
      request({
        iss: PROVINCE,
        aud: 'web',
        sub: 'p1',
        user_type: 'PERSON',
        region_code: '610300',
        id_hash: 'h',
      }),
    );
    expect(id).toMatchObject({ subject: 'p1', roles: ['citizen'], region: '610300', idHash: 'h' });
  });

  it("maps the same issuer's staff token with the staff mapping, keeping only roles it names", () => {
    const id = caller(
      request({
        iss: PROVINCE,
        aud: 'staff',
        sub: 's1',
        roles: '[REVIEWER OTHER]',
        org_code: 'market-regulation',
      }),
    );
    expect(id).toMatchObject({ roles: ['reviewer'] });
  });

  it('reads the Cognito claims of any other issuer, as before', () => {
    const id = caller(
      request({ iss: 'https://cognito-idp.cn/pool', aud: 'c', sub: 'c1', 'cognito:groups': '[supervisor]' }),
    );
    expect(id.roles).toEqual(['supervisor']);
  });

  it('refuses an account holding two of the three administrators (三员分立)', () => {
    const both = request({ iss: PROVINCE, aud: 'staff', sub: 's2', roles: '[SYS_ADMIN SEC_ADMIN]' });
    expect(() => caller(both)).toThrow(
      expect.objectContaining({ status: 403, code: 'SEPARATION_OF_DUTIES' }),
    );
  });
});
