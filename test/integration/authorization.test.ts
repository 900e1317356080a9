import { randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, ROUTES, type RouteSpec } from '../../shared/http/routes.ts';
import { taskFor, underReview, uploadPdf } from '../support/cases.ts';
import { call, eventually, tokenFor } from '../support/local.ts';

/**
 * The authorization matrix: every route × every caller, against the running platform. Who may call a route is
 * data next to the route (`roles` in shared/http/routes.ts); which object a caller may touch is the domain's
 * (the applicant their own case, staff their department's and region's, supervisors their region's). A route
 * without its row here fails the test.
 *
 * The object is one case of 张伟 (citizen-zhang) for a matter of Xi'an's market regulation, under review. A cell
 * that must be refused sends a VALID body, so that nothing but authorization can stop it; a cell that may pass
 * sends a body that fails validation where the route changes something, so that the matrix changes nothing.
 */

type Who =
  /** Whoever the route's roles let in. */
  | 'role'
  /** The applicant of the case. */
  | 'applicant'
  /** Staff who may read the case: its department's reviewers and its region's windows and supervisors, admins. */
  | 'reader'
  /** The handling department's reviewers. */
  | 'handler'
  /** A supervisor over the case's region. */
  | 'supervisor'
  /** A supervisor over the case's region, or an admin. */
  | 'supervisor-or-admin'
  /** Staff with a department (an inbox): the task's department and region for a task. */
  | 'department'
  | 'task-department';

interface Row {
  path: (f: Fixture) => string;
  who: Who;
  /** A body that passes validation: sent where the call must be refused. */
  valid?: (f: Fixture) => unknown;
  /** A body that fails validation (or changes nothing): sent where the call may pass. */
  harmless?: unknown;
  headers?: Record<string, string>;
}

interface Fixture {
  caseId: string;
  taskId: string;
  messageId: string;
  materialId: string;
}

const key = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;
const fixed = (path: string) => () => path;

const MATRIX: Record<string, Row> = {
  'GET /api/health': { path: fixed('/api/health'), who: 'role' },
  'GET /api/openapi.json': { path: fixed('/api/openapi.json'), who: 'role' },
  'GET /api/me': { path: fixed('/api/me'), who: 'role' },
  'GET /api/staff/me': { path: fixed('/api/staff/me'), who: 'role' },
  'GET /api/calendar/workdays': { path: fixed('/api/calendar/workdays?from=2026-03-02&add=3'), who: 'role' },
  'PUT /api/calendar/years/{year}': { path: fixed('/api/calendar/years/2099'), who: 'role', harmless: {} },
  'POST /api/cases': { path: fixed('/api/cases'), who: 'role', harmless: {} },
  'GET /api/cases': { path: fixed('/api/cases'), who: 'role' },
  'GET /api/cases/{id}': { path: (f) => `/api/cases/${f.caseId}`, who: 'applicant' },
  'POST /api/cases/{id}/withdraw': {
    path: (f) => `/api/cases/${f.caseId}/withdraw`,
    who: 'applicant',
    valid: () => ({ reason: '不想办了 / no longer needed' }),
    harmless: {},
  },
  // The fixture case is submitted already: its applicant gets through (a 400 or 409), anyone else a 404.
  'PUT /api/cases/{id}/draft': {
    path: (f) => `/api/cases/${f.caseId}/draft`,
    who: 'applicant',
    valid: () => ({ implementationCode: '000109004000610100' }),
    harmless: {},
  },
  'POST /api/cases/{id}/submission': {
    path: (f) => `/api/cases/${f.caseId}/submission`,
    who: 'applicant',
    valid: () => ({ implementationCode: '000109004000610100' }),
    harmless: {},
  },
  'POST /api/cases/{id}/supplements': {
    path: (f) => `/api/cases/${f.caseId}/supplements`,
    who: 'applicant',
    valid: () => ({ materials: [{ materialId: 'application-form', by: 'commitment' }] }),
    harmless: {},
  },
  'POST /api/cases/{id}/materials': {
    path: (f) => `/api/cases/${f.caseId}/materials`,
    who: 'applicant',
    valid: () => ({ materialId: 'id-card', fileName: 'x.pdf', contentType: 'application/pdf', size: 100 }),
    harmless: {},
  },
  'GET /api/cases/{id}/materials/{materialId}': {
    path: (f) => `/api/cases/${f.caseId}/materials/${f.materialId}`,
    who: 'applicant',
  },
  'GET /api/staff/cases/{id}/materials/{materialId}': {
    path: (f) => `/api/staff/cases/${f.caseId}/materials/${f.materialId}`,
    who: 'reader',
  },
  'POST /api/cases/{id}/verification': {
    path: (f) => `/api/cases/${f.caseId}/verification`,
    who: 'handler',
    valid: () => ({ truthful: true }),
    harmless: {},
  },
  'POST /api/staff/cases/{id}/pauses': {
    path: (f) => `/api/staff/cases/${f.caseId}/pauses`,
    who: 'handler',
    valid: () => ({ type: 'hearing', reason: '听证 / hearing' }),
    harmless: {},
  },
  'POST /api/staff/cases/{id}/pauses/end': {
    path: (f) => `/api/staff/cases/${f.caseId}/pauses/end`,
    who: 'handler',
    valid: () => ({}),
    harmless: { reason: 'x' },
  },
  'POST /api/staff/cases/{id}/extensions': {
    path: (f) => `/api/staff/cases/${f.caseId}/extensions`,
    who: 'supervisor',
    valid: () => ({ days: 1, reason: '延期 / extended' }),
    harmless: {},
  },
  'GET /api/messages': { path: fixed('/api/messages'), who: 'role' },
  'GET /api/licences': { path: fixed('/api/licences'), who: 'role' },
  'POST /api/window/licences': { path: fixed('/api/window/licences'), who: 'role', harmless: {} },
  'POST /api/messages/{id}/read': { path: (f) => `/api/messages/${f.messageId}/read`, who: 'applicant' },
  'GET /api/tasks': { path: fixed('/api/tasks'), who: 'department' },
  'POST /api/tasks/{id}/decision': {
    path: (f) => `/api/tasks/${f.taskId}/decision`,
    who: 'task-department',
    valid: () => ({ outcome: 'approve' }),
    harmless: { outcome: 'deny' },
  },
  'POST /api/window/cases': { path: fixed('/api/window/cases'), who: 'role', harmless: {} },
  'GET /api/window/cases': { path: fixed('/api/window/cases'), who: 'role' },
  'GET /api/staff/cases/{id}': { path: (f) => `/api/staff/cases/${f.caseId}`, who: 'reader' },
  'GET /api/staff/escalations': { path: fixed('/api/staff/escalations'), who: 'role' },
  'GET /api/staff/stalled': { path: fixed('/api/staff/stalled'), who: 'role' },
  'POST /api/staff/cases/{id}/resume': {
    path: (f) => `/api/staff/cases/${f.caseId}/resume`,
    who: 'supervisor-or-admin',
    valid: () => ({ reason: '恢复 / resumed' }),
    harmless: {},
  },
  'GET /api/staff/overdue': { path: fixed('/api/staff/overdue'), who: 'role' },
  'GET /api/integrations/failures': { path: fixed('/api/integrations/failures'), who: 'role' },
  'GET /api/audit/cases/{id}': { path: (f) => `/api/audit/cases/${f.caseId}`, who: 'role' },
  'GET /api/regions': { path: fixed('/api/regions'), who: 'role' },
  'GET /api/matters': { path: fixed('/api/matters?q=营业执照'), who: 'role' },
  'GET /api/matters/suggest': { path: fixed('/api/matters/suggest?q=yyzz'), who: 'role' },
  'GET /api/matters/{implementationCode}': { path: fixed('/api/matters/000109004000610100'), who: 'role' },
  'GET /api/catalog/base/{baseCode}': { path: fixed('/api/catalog/base/000109004000'), who: 'role' },
  'POST /api/catalog/adjustments': { path: fixed('/api/catalog/adjustments'), who: 'role', harmless: {} },
  'GET /api/catalog/adjustments': { path: fixed('/api/catalog/adjustments'), who: 'role' },
  'POST /api/catalog/adjustments/{id}/decision': {
    path: () => `/api/catalog/adjustments/${randomUUID()}/decision`,
    who: 'role',
    harmless: {},
  },
  'GET /api/catalog/export': { path: fixed('/api/catalog/export'), who: 'role' },
  'GET /api/catalog/export/schema.json': { path: fixed('/api/catalog/export/schema.json'), who: 'role' },
};

/** The callers: every role, and for each object rule someone inside and someone outside. */
interface Profile {
  name: string;
  role: Caller;
  user?: string;
  region?: string;
  department?: string;
}
const CALLERS: Profile[] = [
  { name: 'nobody', role: 'anonymous' },
  { name: 'the applicant 张伟', role: 'citizen', user: 'citizen-zhang', region: '610100' },
  { name: 'another citizen 李娜', role: 'citizen', user: 'citizen-li', region: '610300' },
  { name: 'an enterprise', role: 'enterprise', user: 'enterprise-qinchuan', region: '610100' },
  { name: "Xi'an's window", role: 'window', user: 'window-xian', region: '610100' },
  {
    name: "Xi'an's market reviewer",
    role: 'reviewer',
    user: 'reviewer-xian-market',
    region: '610100',
    department: 'market-regulation',
  },
  {
    name: "Xi'an's police reviewer",
    role: 'reviewer',
    user: 'reviewer-xian-police',
    region: '610100',
    department: 'public-security',
  },
  {
    name: "Baoji's market reviewer",
    role: 'reviewer',
    user: 'reviewer-baoji-market',
    region: '610300',
    department: 'market-regulation',
  },
  { name: "Xi'an's supervisor", role: 'supervisor', user: 'supervisor-xian', region: '610100' },
  { name: "Baoji's supervisor", role: 'supervisor', region: '610300' },
  { name: 'the province admin', role: 'admin', user: 'admin-province', region: '610000' },
  {
    name: 'the security administrator',
    role: 'security-admin',
    user: 'security-admin-province',
    region: '610000',
  },
  { name: 'the audit administrator', role: 'audit-admin', user: 'audit-admin-province', region: '610000' },
];

const CASE = { region: '610100', department: 'market-regulation' };

/** Whether the caller may get through to the case's resource on this route: the data's expectation. */
function mayPass(route: RouteSpec, row: Row, caller: Profile): boolean {
  if (!route.roles.includes(caller.role)) return false;
  const inRegion = caller.region === CASE.region || caller.region?.endsWith('0000') === true;
  switch (row.who) {
    case 'role':
      return true;
    case 'applicant':
      return caller.user === 'citizen-zhang';
    case 'reader':
      return (
        caller.role === 'admin' ||
        (caller.role === 'supervisor' && inRegion) ||
        (caller.role === 'window' && caller.region === CASE.region) ||
        (caller.role === 'reviewer' && caller.region === CASE.region && caller.department === CASE.department)
      );
    case 'handler':
      return caller.region === CASE.region && caller.department === CASE.department;
    case 'supervisor':
      return caller.role === 'supervisor' && inRegion;
    case 'supervisor-or-admin':
      return caller.role === 'admin' || (caller.role === 'supervisor' && inRegion);
    case 'department':
      return caller.department !== undefined;
    case 'task-department':
      return caller.region === CASE.region && caller.department === CASE.department;
  }
}

describe('the authorization matrix: every route, every caller', () => {
  const tokens = new Map<string, string | undefined>();
  let fixture: Fixture;

  beforeAll(async () => {
    for (const c of CALLERS) {
      if (c.role === 'anonymous') continue;
      const options = c.user ? { user: c.user } : { region: c.region! };
      tokens.set(c.name, await tokenFor(c.role, options));
    }
    const zhang = tokens.get('the applicant 张伟')!;
    const reviewer = tokens.get("Xi'an's market reviewer")!;
    const { id } = await underReview(zhang, {
      implementationCode: '000109004000610100',
      commitment: true,
      materials: [{ materialId: 'premises', by: 'commitment' }],
    });
    await uploadPdf(zhang, id, 'application-form');
    const task = await taskFor(reviewer, id);
    const message = await eventually(async () => {
      const { body } = await call('/api/messages?limit=50', { token: zhang });
      return body.items.find((m: { caseId: string }) => m.caseId === id);
    });
    fixture = { caseId: id, taskId: task.id, messageId: message.id, materialId: 'application-form' };
  }, 120_000);

  it('has a row for every route, and no row for a route that is gone', () => {
    expect(ROUTES.map(key).filter((k) => !MATRIX[k])).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !ROUTES.some((r) => key(r) === k))).toEqual([]);
  });

  it.each(ROUTES.map((r) => ({ route: r, name: key(r) })))('$name', async ({ route }) => {
    const row = MATRIX[key(route)];
    if (!row) throw new Error(`no row for ${key(route)}`);
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      const pass = mayPass(route, row, caller);
      const body =
        route.method === 'GET' ? undefined : pass ? row.harmless : (row.valid?.(fixture) ?? row.harmless);
      const { status } = await call(row.path(fixture), {
        method: route.method,
        token: tokens.get(caller.name),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const refused = status === 401 || status === 403 || status === 404;
      if (pass === refused || status >= 500) {
        wrong.push(`${caller.name}: ${status}, expected ${pass ? 'to get through' : 'a refusal'}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('tokens that must not be trusted', () => {
  const PROTECTED = ROUTES.filter((r) => r.auth !== 'public');
  const bad = new Map<string, string>();

  beforeAll(async () => {
    for (const pool of ['citizen', 'reviewer'] as const) {
      const genuine = await tokenFor(pool);
      const [header, payload, signature] = genuine.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString());
      const { privateKey } = await generateKeyPair('RS256');
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      bad.set(
        `${pool}: signed by another key`,
        await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey),
      );
      bad.set(`${pool}: alg none`, `${enc({ alg: 'none', typ: 'JWT' })}.${payload}.`);
      bad.set(
        `${pool}: a claim changed after signing`,
        `${header}.${enc({ ...claims, 'custom:region': '610000', 'cognito:groups': ['admin'] })}.${signature}`,
      );
      bad.set(`${pool}: expired`, `${header}.${enc({ ...claims, exp: 1_000_000 })}.${signature}`);
      bad.set(`${pool}: expired a minute ago`, await tokenFor(pool, { expiresInSeconds: -60 }));
      bad.set(`${pool}: garbage`, 'not.a.token');
    }
  });

  it.each(PROTECTED.map((r) => ({ route: r, name: key(r) })))('are refused on $name', async ({ route }) => {
    const path = route.path.replace(/\{[^}]+\}/g, randomUUID());
    const accepted: string[] = [];
    for (const [name, token] of bad) {
      const { status } = await call(path, {
        method: route.method,
        token,
        ...(route.method === 'GET' ? {} : { body: '{}' }),
      });
      if (status !== 401) accepted.push(`${name}: ${status}`);
    }
    expect(accepted).toEqual([]);
  });
});
