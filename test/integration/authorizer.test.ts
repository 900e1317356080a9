import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { call, tokenFor } from '../support/local.ts';

describe('the JWT authorizer of the local HTTP API', () => {
  it('rejects a request without a token with 401 and a JSON body', async () => {
    const { status, body } = await call('/api/me');
    expect(status).toBe(401);
    expect(body).toEqual({ message: 'Unauthorized' });
  });

  it('rejects a forged token signed by another key', async () => {
    const genuine = await tokenFor('citizen');
    const claims = JSON.parse(Buffer.from(genuine.split('.')[1]!, 'base64url').toString());
    const { privateKey } = await generateKeyPair('RS256');
    const kid = JSON.parse(Buffer.from(genuine.split('.')[0]!, 'base64url').toString()).kid;
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
    const { status } = await call('/api/me', { token: forged });
    expect(status).toBe(401);
  });

  it('rejects a token whose payload was altered after signing', async () => {
    const [header, payload, signature] = (await tokenFor('citizen')).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admin'] })).toString(
      'base64url',
    );
    const { status } = await call('/api/me', { token: `${header}.${altered}.${signature}` });
    expect(status).toBe(401);
  });

  it('rejects an expired token', async () => {
    const token = await tokenFor('citizen', { expiresInSeconds: -60 });
    const { status } = await call('/api/me', { token });
    expect(status).toBe(401);
  });

  it("rejects a staff token on a citizens' route: another pool, another issuer", async () => {
    const { status } = await call('/api/me', { token: await tokenFor('reviewer') });
    expect(status).toBe(401);
  });

  it('passes the verified claims to the function, which masks personal data', async () => {
    const { status, body } = await call('/api/me', { token: await tokenFor('citizen') });
    expect(status).toBe(200);
    expect(body).toMatchObject({ roles: ['citizen'], name: '张*', region: '610100' });
    expect(body.idHash).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain('610104199003071230');
  });

  it("hands staff groups through as the gateway does ('[reviewer]') and they are read as roles", async () => {
    const token = await tokenFor('reviewer', { user: 'reviewer-baoji-market' });
    const { status, body } = await call('/api/staff/me', { token });
    expect(status).toBe(200);
    expect(body).toMatchObject({ roles: ['reviewer'], region: '610300', department: 'market-regulation' });
  });

  it('takes a token only as `Bearer <token>`, though the gateway would take it bare or in another case', async () => {
    const token = await tokenFor('enterprise');
    for (const authorization of [token, `bearer ${token}`, `Bearer  ${token}`, `Token ${token}`]) {
      const { status } = await call('/api/me', { headers: { authorization } });
      expect(status, authorization.slice(0, 12)).toBe(401);
    }
    const { status, body } = await call('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(status).toBe(200);
    expect(body.roles).toEqual(['enterprise']);
  });
});

describe('local sign-in', () => {
  it('answers malformed JSON with 400 INVALID_JSON', async () => {
    const { status, body } = await call('/local/token', { method: 'POST', body: '{"role": ' });
    expect(status).toBe(400);
    expect(body.error.code).toBe('INVALID_JSON');
  });

  it('answers an unknown role with 400 VALIDATION_FAILED naming the field', async () => {
    const { status, body } = await call('/local/token', { method: 'POST', body: '{"role": "emperor"}' });
    expect(status).toBe(400);
    expect(body.error.details[0].path).toBe('role');
  });

  it('lists the demo users without their ID numbers', async () => {
    const { status, body } = await call('/local/users');
    expect(status).toBe(200);
    const roles = new Set(body.users.map((u: { role: string }) => u.role));
    for (const role of ['citizen', 'enterprise', 'window', 'reviewer', 'supervisor', 'admin'])
      expect(roles).toContain(role);
    expect(JSON.stringify(body)).not.toMatch(/\d{17}[\dX]/);
  });
});
