/**
 * Who is acting: read from the claims the API's JWT authorizer verified (never from the request body). The
 * three administrators of 等保 (三员分立) are separate roles: `admin` runs the platform (catalog decisions,
 * calendar, integrations), `security-admin` grants staff their roles in the identity provider, `audit-admin`
 * reads the audit records and nothing else.
 */
export type Role =
  | 'citizen'
  | 'enterprise'
  | 'window'
  | 'reviewer'
  | 'supervisor'
  | 'admin'
  | 'security-admin'
  | 'audit-admin'
  | 'regulator';

export interface Identity {
  subject: string;
  roles: Role[];
  name?: string;
  region?: string;
  department?: string;
  /** Keyed hash (HMAC, ID hashes) of the ID number or 统一社会信用代码, for matching cases; never the number. */
  idHash?: string;
}

const STAFF_ROLES: Role[] = [
  'window',
  'reviewer',
  'supervisor',
  'admin',
  'security-admin',
  'audit-admin',
  'regulator',
];

/** The three administrators of 三员分立: no one may hold two of them. */
export const ADMINISTRATORS: readonly Role[] = ['admin', 'security-admin', 'audit-admin'];

/**
 * Which claims of an issuer's ID token carry the role (a list, or one value), region, department, ID hash,
 * subject type (person or enterprise) and name, and how the issuer's role and subject-type values read as
 * tongban's roles. Without `roleValues` the values are tongban's role names themselves (Cognito's groups).
 */
export interface ClaimMapping {
  claims: {
    roles: string;
    region: string;
    department: string;
    idHash: string;
    subjectType: string;
    name: string;
  };
  roleValues?: Record<string, string>;
}

/** The claims the Cognito user pools (and local mode's sign-in, which plays them) put in ID tokens. */
export const COGNITO_CLAIMS: ClaimMapping = {
  claims: {
    roles: 'cognito:groups',
    region: 'custom:region',
    department: 'custom:department',
    idHash: 'custom:idHash',
    subjectType: 'custom:subjectType',
    name: 'name',
  },
};

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

export function identityFromClaims(
  claims: Record<string, unknown> | undefined,
  mapping: ClaimMapping = COGNITO_CLAIMS,
): Identity | undefined {
  const subject = claims?.sub;
  if (!claims || typeof subject !== 'string' || subject === '') return undefined;
  const names = mapping.claims;
  const text = (key: string) =>
    typeof claims[key] === 'string' && claims[key] !== '' ? (claims[key] as string) : undefined;
  const asRole = (value: string | undefined) =>
    value === undefined ? undefined : mapping.roleValues ? mapping.roleValues[value] : value;
  const groups = readList(claims[names.roles])
    .map(asRole)
    .filter((g): g is Role => STAFF_ROLES.includes(g as Role));
  const roles: Role[] =
    groups.length > 0
      ? groups
      : [asRole(text(names.subjectType)) === 'enterprise' ? 'enterprise' : 'citizen'];
  return {
    subject,
    roles,
    name: text(names.name),
    region: text(names.region),
    department: text(names.department),
    idHash: text(names.idHash),
  };
}

export const isStaff = (identity: Identity) => identity.roles.some((r) => STAFF_ROLES.includes(r));
