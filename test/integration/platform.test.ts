import { describe, expect, it } from 'vitest';
import { call } from '../support/local.ts';

describe('the local platform', () => {
  it('reports every engine up on /api/health', async () => {
    const { status, body } = await call('/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    for (const engine of ['dynamodb', 's3', 'eventbridge', 'stepfunctions']) {
      expect(body.engines[engine].status, engine).toBe('up');
    }
  });

  it('serves the web app at / and falls back to index.html for app routes', async () => {
    for (const path of ['/', '/cases/some-case']) {
      const { status, headers, body } = await call(path);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toContain('text/html');
      expect(body).toContain('通办');
    }
  });

  it('reads a seeded guide from DynamoDB through the catalog function', async () => {
    const { status, body } = await call('/api/matters/000109001000610100');
    expect(status).toBe(200);
    expect(body).toMatchObject({ name: '企业设立登记', region: '610100', version: 1 });
    expect(body.promisedLimitDays).toBeLessThanOrEqual(body.legalLimitDays);
    expect(body.pk).toBeUndefined();
  });

  it('answers an unknown matter with 404 and a bilingual error', async () => {
    const { status, body } = await call('/api/matters/999999999999610100');
    expect(status).toBe(404);
    expect(body.error.code).toBe('MATTER_NOT_FOUND');
    expect(body.error.message['zh-CN']).toBeTruthy();
    expect(body.error.message.en).toBeTruthy();
  });

  it('answers a malformed implementation code with 400, never 500', async () => {
    const { status, body } = await call('/api/matters/not-a-code');
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details[0].path).toBe('implementationCode');
  });

  it("answers a path no route matches with the gateway's 404", async () => {
    const { status, body } = await call('/api/no-such-route');
    expect(status).toBe(404);
    expect(body).toEqual({ message: 'Not Found' });
  });
});

describe('the working-day calendar', () => {
  it("answers DOMAIN.md's example: 2025-09-26 + 20 working days = 2025-10-30, across National Day", async () => {
    const { status, body } = await call('/api/calendar/workdays?from=2025-09-26&add=20');
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2025-09-26', add: 20, date: '2025-10-30' });
  });

  it('refuses a year whose holiday schedule is not published, rather than guess', async () => {
    const { status, body } = await call('/api/calendar/workdays?from=2027-03-01&add=5');
    expect(status).toBe(400);
    expect(body.error.code).toBe('YEAR_NOT_PUBLISHED');
  });
});

describe('the local front server', () => {
  it('answers a malformed path with 400 and never serves a file outside the web app', async () => {
    expect((await call('/%E0%A4%A')).status).toBe(400);
    const { status, body } = await call('/..%2F..%2Fpackage.json');
    expect(status).toBe(200);
    expect(body).toContain('通办');
  });
});
