import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../shared/domain/catalog/dates.ts';
import { ROUTES } from '../../shared/http/routes.ts';
import { call, eventually, tokenFor } from '../support/local.ts';

const daysFrom = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function firstHit(query: string) {
  const { status, body } = await call(`/api/matters?${query}`);
  expect(status).toBe(200);
  return body.items[0];
}

describe('the catalog API over the seed', () => {
  it("lists the regions of the province, Xi'an among them", async () => {
    const { status, body } = await call('/api/regions');
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThanOrEqual(11);
    expect(body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: '610100', name: '西安市' })]),
    );
  });

  it('finds 食品经营许可 for the colloquial "开饭店", in the region asked for', async () => {
    const hit = await firstHit(`q=${encodeURIComponent('开饭店')}&region=610300`);
    expect(hit.name).toContain('食品经营');
    expect(hit.region).toBe('610300');
  });

  it.each(['开饭店', 'kaifandian', 'kfd'])(
    'suggests for "%s" the business licence and then the food licence, as the published index has them',
    async (q) => {
      const { status, body } = await call(`/api/matters/suggest?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      const need = body.items.filter((s: { matchedOn: string }) => s.matchedOn === 'need').slice(0, 2);
      expect(need.map((s: { name: string; need: { step: number } }) => [s.name, s.need.step])).toEqual([
        ['企业设立登记', 1],
        ['食品经营许可', 2],
      ]);
    },
  );

  it('finds 营业执照 matters by pinyin initials', async () => {
    const hit = await firstHit('q=yyzz&region=610100');
    expect(`${hit.name}`).toMatch(/营业执照|设立登记|个体工商户/);
  });

  it('pages with a cursor and refuses a tampered one', async () => {
    const first = await call('/api/matters?region=610100&limit=5');
    expect(first.body.items).toHaveLength(5);
    const next = await call(`/api/matters?region=610100&limit=5&cursor=${first.body.nextCursor}`);
    const codes = new Set(
      [...first.body.items, ...next.body.items].map(
        (i: { implementationCode: string }) => i.implementationCode,
      ),
    );
    expect(codes.size).toBe(10);
    const tampered = await call(`/api/matters?region=610100&limit=5&cursor=${first.body.nextCursor}x`);
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.code).toBe('INVALID_CURSOR');
  });

  it('answers a bad filter with 400 naming it', async () => {
    const { status, body } = await call('/api/matters?target=alien');
    expect(status).toBe(400);
    expect(body.error.details[0].path).toBe('target');
  });

  it('serves a guide and its base item, which share the province-wide parts', async () => {
    const hit = await firstHit(`q=${encodeURIComponent('食品经营许可')}&region=610100`);
    const guide = await call(`/api/matters/${hit.implementationCode}`);
    expect(guide.status).toBe(200);
    expect(guide.body).toMatchObject({ version: 1, region: '610100' });
    expect(guide.body.promisedLimitDays).toBeLessThanOrEqual(guide.body.legalLimitDays);
    const base = await call(`/api/catalog/base/${guide.body.baseCode}`);
    expect(base.status).toBe(200);
    expect(base.body.materials).toEqual(guide.body.materials);
  });

  it('has no version in force before the catalog took effect', async () => {
    const hit = await firstHit('region=610100&limit=1');
    const { status, body } = await call(`/api/matters/${hit.implementationCode}?at=2020-01-01`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('MATTER_NOT_FOUND');
  });

  it('exports the catalog in force, valid against its published JSON Schema', async () => {
    const [exported, schema] = await Promise.all([
      call('/api/catalog/export'),
      call('/api/catalog/export/schema.json'),
    ]);
    expect(exported.status).toBe(200);
    expect(exported.body.implementationItems.length).toBeGreaterThan(600);
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema.body);
    expect(validate(exported.body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
});

describe('adjusting an implementation item (调整申请)', () => {
  it('publishes a new version on approval: ?at= before shows the old one, after the new one', async () => {
    const today = chinaDate(new Date());
    const hit = await firstHit(`q=${encodeURIComponent('食品经营许可')}&region=610100`);
    const before = (await call(`/api/matters/${hit.implementationCode}`)).body;
    const reviewer = await tokenFor('reviewer', {
      user: 'reviewer-xian-market',
      department: before.department,
    });
    const effectiveFrom = daysFrom(today, 1);

    const proposed = await call('/api/catalog/adjustments', {
      method: 'POST',
      token: reviewer,
      body: JSON.stringify({
        implementationCode: hit.implementationCode,
        changes: {
          promisedLimitDays: Math.max(0, before.promisedLimitDays - 1),
          consultationPhone: '029-12345',
        },
        effectiveFrom,
        reason: '压缩承诺时限，优化营商环境',
      }),
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe('pending');

    const admin = await tokenFor('admin');
    const pending = await call('/api/catalog/adjustments?status=pending', { token: admin });
    expect(pending.body.items.map((a: { id: string }) => a.id)).toContain(proposed.body.id);
    const decided = await call(`/api/catalog/adjustments/${proposed.body.id}/decision`, {
      method: 'POST',
      token: admin,
      body: JSON.stringify({ decision: 'approve', reason: '同意' }),
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'approved', publishedVersion: 2 });

    const now = await call(`/api/matters/${hit.implementationCode}?at=${today}`);
    const later = await call(`/api/matters/${hit.implementationCode}?at=${effectiveFrom}`);
    expect(now.body).toMatchObject({ version: 1, consultationPhone: before.consultationPhone });
    expect(later.body).toMatchObject({ version: 2, consultationPhone: '029-12345' });

    const again = await call(`/api/catalog/adjustments/${proposed.body.id}/decision`, {
      method: 'POST',
      token: admin,
      body: JSON.stringify({ decision: 'reject', reason: '重复' }),
    });
    expect(again.status).toBe(409);

    const published = await eventually(async () => {
      const { body } = await call('/local/events?bus=tongban-dev-hub');
      return body.events.find(
        (e: { detailType: string; detail: { code?: string } }) =>
          e.detailType === 'Matter Version Published' && e.detail.code === hit.implementationCode,
      );
    });
    expect(published.detail).toMatchObject({ version: 2, effectiveFrom });
  });

  it('refuses a change that breaks a catalog rule, with the rule in the answer', async () => {
    const hit = await firstHit(`q=${encodeURIComponent('食品经营许可')}&region=610100`);
    const guide = (await call(`/api/matters/${hit.implementationCode}`)).body;
    const reviewer = await tokenFor('reviewer', {
      user: 'reviewer-xian-market',
      department: guide.department,
    });
    const { status, body } = await call('/api/catalog/adjustments', {
      method: 'POST',
      token: reviewer,
      body: JSON.stringify({
        implementationCode: hit.implementationCode,
        changes: { promisedLimitDays: guide.legalLimitDays + 5 },
        effectiveFrom: chinaDate(new Date()),
        reason: '测试超出法定时限',
      }),
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('CATALOG_RULE_VIOLATED');
    expect(body.error.details[0]).toMatchObject({
      element: 'promisedLimitDays',
      rule: 'promised-within-legal',
    });
  });

  it("refuses a department's proposal for another department's or region's item", async () => {
    const hit = await firstHit(`q=${encodeURIComponent('食品经营许可')}&region=610300`);
    const reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const { status } = await call('/api/catalog/adjustments', {
      method: 'POST',
      token: reviewer,
      body: JSON.stringify({
        implementationCode: hit.implementationCode,
        changes: { visits: 0 },
        effectiveFrom: chinaDate(new Date()),
        reason: '越权调整测试',
      }),
    });
    expect(status).toBe(403);
  });

  it('lets only the service-management office decide', async () => {
    const reviewer = await tokenFor('reviewer');
    const { status } = await call('/api/catalog/adjustments/3b0e2f4e-8a36-4bd4-9c55-1a3c4b1f0a11/decision', {
      method: 'POST',
      token: reviewer,
      body: JSON.stringify({ decision: 'approve', reason: '越权' }),
    });
    expect(status).toBe(403);
  });
});

describe('every request path', () => {
  it('reads DynamoDB with keys and indexes only: no function ever issued a Scan', async () => {
    const guide = (await firstHit('region=610100&limit=1')).implementationCode;
    const staff = await tokenFor('admin');
    for (const route of ROUTES.filter((r) => r.method === 'GET')) {
      const path = route.path
        .replace('{implementationCode}', guide)
        .replace('{baseCode}', guide.slice(0, 12));
      await call(path, {
        token:
          route.auth === 'public' ? undefined : route.auth === 'staff' ? staff : await tokenFor('citizen'),
      });
    }
    const { body: operations } = await call('/local/dynamodb/operations');
    const used = Object.values(operations as Record<string, Record<string, number>>);
    expect(used.length).toBeGreaterThan(0);
    for (const [fn, ops] of Object.entries(operations as Record<string, Record<string, number>>)) {
      expect(ops.Scan ?? 0, fn).toBe(0);
    }
  });
});
