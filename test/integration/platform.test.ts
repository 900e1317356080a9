import { describe, expect, it } from 'vitest';
import { call, tokenFor } from '../support/local.ts';

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

  it('answers a provisional date for a year whose holiday schedule is not published, saying why', async () => {
    const { status, body } = await call('/api/calendar/workdays?from=2090-03-01&add=5');
    expect(status).toBe(200);
    expect(body).toMatchObject({ date: '2090-03-08', provisional: { years: [2090] } });
    expect(body.provisional['zh-CN']).toContain('2090 年');
  });
});

describe('the local front server', () => {
  it('serves the web app and the API with the security headers of the CDN policy, as CloudFront would', async () => {
    for (const path of ['/', '/api/health']) {
      const { headers } = await call(path);
      expect(headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/);
      expect(headers.get('content-security-policy'), path).toMatch(/script-src 'self'(;|$)/);
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('answers a malformed path with 400 and never serves a file outside the web app', async () => {
    expect((await call('/%E0%A4%A')).status).toBe(400);
    const { status, body } = await call('/..%2F..%2Fpackage.json');
    expect(status).toBe(200);
    expect(body).toContain('通办');
  });
});

describe('loading a new holiday year', () => {
  // A made-up schedule for 2028 (not yet announced): New Year, Spring Festival, National Day, one make-up day.
  const year2028 = {
    holidays: [
      '2028-01-01',
      '2028-01-25',
      '2028-01-26',
      '2028-01-27',
      '2028-01-28',
      '2028-10-01',
      '2028-10-02',
    ],
    workdays: ['2028-01-22'],
    source: '测试用 2028 年节假日安排 / a test schedule for 2028',
  };

  it('lets the service-management office load it, after which the clock counts into it', async () => {
    const before = await call('/api/calendar/workdays?from=2028-01-20&add=3');
    // Provisionally: the projected Spring Festival (除夕 25th to 初三 28th) off, the make-up Saturday not known.
    expect(before.body).toMatchObject({ date: '2028-01-31', provisional: { years: [2028] } });
    const reviewer = await tokenFor('reviewer');
    const refused = await call('/api/calendar/years/2028', {
      method: 'PUT',
      token: reviewer,
      body: JSON.stringify(year2028),
    });
    expect(refused.status).toBe(403);

    const admin = await tokenFor('admin');
    const loaded = await call('/api/calendar/years/2028', {
      method: 'PUT',
      token: admin,
      body: JSON.stringify(year2028),
    });
    expect(loaded.status).toBe(200);
    // 2028-01-20 (Thu) + 3: Fri 21, the make-up Saturday 22, Mon 24.
    const { status, body } = await call('/api/calendar/workdays?from=2028-01-20&add=3');
    expect(status).toBe(200);
    expect(body).toMatchObject({ date: '2028-01-24' });
    expect(body.provisional).toBeUndefined();
    expect(body.calendarSource).toContain('2028');
  });

  it('refuses a schedule that breaks the rules, naming the problem', async () => {
    const admin = await tokenFor('admin');
    const bad = { ...year2028, workdays: ['2028-01-24'] };
    const { status, body } = await call('/api/calendar/years/2028', {
      method: 'PUT',
      token: admin,
      body: JSON.stringify(bad),
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('YEAR_DATA_INVALID');
  });
});
