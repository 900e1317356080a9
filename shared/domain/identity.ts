/** Who is acting: read from the claims the API's JWT authorizer verified (never from the request body). */
export type Role = 'citizen' | 'enterprise' | 'window' | 'reviewer' | 'supervisor' | 'admin' | 'regulator';

export interface Identity {
  subject: string;
  roles: Role[];
  name?: string;
  region?: string;
  department?: string;
  /** Keyed hash (HMAC, ID hashes) of the ID number or 统一社会信用代码, for matching cases; never the number. */
  idHash?: string;
}

const STAFF_ROLES: Role[] = ['window', 'reviewer', 'supervisor', 'admin', 'regulator'];

/**
 * API Gateway HTTP APIs hand claims to the integration as strings; a list claim such as `cognito:groups`
 * arrives as `[reviewer admin]`. Both that form and a real array are accepted.
 */
export function readList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  const inner = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  return inner.split(/[\s,]+/).filter(Boolean);
}

export function identityFromClaims(claims: Record<string, unknown> | undefined): Identity | undefined {
  const subject = claims?.sub;
  if (!claims || typeof subject !== 'string' || subject === '') return undefined;
  const text = (key: string) =>
    typeof claims[key] === 'string' && claims[key] !== '' ? (claims[key] as string) : undefined;
  const groups = readList(claims['cognito:groups']).filter((g): g is Role => STAFF_ROLES.includes(g as Role));
  const roles: Role[] =
    groups.length > 0 ? groups : [text('custom:subjectType') === 'enterprise' ? 'enterprise' : 'citizen'];
  return {
    subject,
    roles,
    name: text('name'),
    region: text('custom:region'),
    department: text('custom:department'),
    idHash: text('custom:idHash'),
  };
}

export const isStaff = (identity: Identity) => identity.roles.some((r) => STAFF_ROLES.includes(r));
