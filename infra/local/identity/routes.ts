import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { DEMO_USERS } from './demo-users.ts';
import type { LocalIssuer } from './issuer.ts';
import { signInPage } from './sign-in-page.ts';

const TokenRequest = z.object({
  role: z.enum([
    'citizen',
    'enterprise',
    'window',
    'reviewer',
    'supervisor',
    'admin',
    'security-admin',
    'audit-admin',
  ]),
  user: z.string().optional(),
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  department: z.string().min(1).optional(),
  // Negative: a token that expired that long ago, so that tests need not wait for one to run out.
  expiresInSeconds: z
    .number()
    .int()
    .min(-24 * 3600)
    .max(12 * 3600)
    .refine((s) => s !== 0, 'not 0')
    .optional(),
});

/**
 * Local sign-in, never deployed: `POST /local/token` issues an ID token for a demo user of a role (optionally
 * a named user, or a staff member placed in another region or department), `GET /local/users` lists them.
 */
export async function handleIdentity(
  issuer: LocalIssuer,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method === 'GET' && path === '/local/sign-in') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(signInPage(DEMO_USERS));
    return true;
  }
  if (req.method === 'GET' && path === '/local/users') {
    json(res, 200, { users: DEMO_USERS.map(({ idNumber: _id, phone: _p, ...u }) => u) });
    return true;
  }
  const jwks = path.match(/^\/local\/([^/]+)\/\.well-known\/jwks\.json$/);
  if (req.method === 'GET' && jwks && issuer.pools.some((p) => p.id === jwks[1])) {
    json(res, 200, await issuer.jwks());
    return true;
  }
  if (path !== '/local/token') return false;
  if (req.method !== 'POST') {
    error(res, 405, 'METHOD_NOT_ALLOWED', '请使用 POST', 'Use POST');
    return true;
  }

  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8') || 'null');
  } catch {
    error(res, 400, 'INVALID_JSON', '请求体不是合法的 JSON', 'The request body is not valid JSON');
    return true;
  }
  const parsed = TokenRequest.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    error(res, 400, 'VALIDATION_FAILED', '请求内容不符合要求', 'The request is not valid', details);
    return true;
  }
  const { role, user: userId, region, department, expiresInSeconds } = parsed.data;
  const base = DEMO_USERS.find((u) => u.role === role && (!userId || u.id === userId));
  if (!base) {
    error(res, 404, 'NO_SUCH_USER', '没有这样的演示用户', 'No such demo user');
    return true;
  }
  const user = { ...base, region: region ?? base.region, department: department ?? base.department };
  const token = await issuer.issue(user, expiresInSeconds);
  json(res, 200, {
    token,
    user: { id: user.id, role, name: user.name, region: user.region, department: user.department },
  });
  return true;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function error(
  res: ServerResponse,
  status: number,
  code: string,
  zh: string,
  en: string,
  details?: unknown,
): void {
  json(res, status, { error: { code, message: { 'zh-CN': zh, en }, ...(details ? { details } : {}) } });
}
