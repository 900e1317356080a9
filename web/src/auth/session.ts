import { useSyncExternalStore } from 'react';

/** The roles a token can carry: citizens and enterprises from their pool, staff from their groups. */
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
export const STAFF_ROLES: readonly Role[] = [
  'window',
  'reviewer',
  'supervisor',
  'admin',
  'security-admin',
  'audit-admin',
  'regulator',
];

export interface Session {
  token: string;
  pool: 'citizens' | 'staff';
  subject: string;
  roles: Role[];
  name?: string;
  region?: string;
  department?: string;
  /** Seconds since the epoch, from the token. */
  expiresAt: number;
}

// sessionStorage: a token dies with the tab, and a shared family computer keeps no one signed in.
const KEY = 'tongban.session';
const listeners = new Set<() => void>();
let cached: Session | undefined = read();
let expired = false;

function read(): Session | undefined {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return s && s.expiresAt * 1000 > Date.now() ? s : undefined;
  } catch {
    return undefined;
  }
}

const notify = () => {
  for (const l of listeners) l();
};

/**
 * The claims of an ID token, decoded for display and navigation only: the API verifies every token it is sent,
 * so nothing here is trusted for access.
 */
export function sessionFromToken(token: string): Session {
  const payload = token.split('.')[1] ?? '';
  const json = new TextDecoder().decode(
    Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  );
  const claims = JSON.parse(json) as Record<string, unknown>;
  const text = (k: string) => (typeof claims[k] === 'string' ? (claims[k] as string) : undefined);
  const groups = (Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : []) as string[];
  const staff = groups.filter((g): g is Role => STAFF_ROLES.includes(g as Role));
  return {
    token,
    pool: staff.length > 0 ? 'staff' : 'citizens',
    subject: text('sub') ?? '',
    roles:
      staff.length > 0 ? staff : [text('custom:subjectType') === 'enterprise' ? 'enterprise' : 'citizen'],
    name: text('name'),
    region: text('custom:region'),
    department: text('custom:department'),
    expiresAt: Number(claims.exp ?? 0),
  };
}

export function signIn(token: string): Session {
  cached = sessionFromToken(token);
  expired = false;
  sessionStorage.setItem(KEY, JSON.stringify(cached));
  notify();
  return cached;
}

export function signOut(): void {
  cached = undefined;
  sessionStorage.removeItem(KEY);
  notify();
}

/** The API answered 401: the token ran out. The page keeps what the user typed and offers to sign in again. */
export function expireSession(): void {
  expired = true;
  signOut();
}

export const currentSession = (): Session | undefined =>
  cached && cached.expiresAt * 1000 > Date.now() ? cached : undefined;

export const sessionExpired = (): boolean => expired;

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useSession(): Session | undefined {
  return useSyncExternalStore(subscribe, () => cached);
}

export const hasRole = (session: Session | undefined, ...roles: Role[]): boolean =>
  !!session && session.roles.some((r) => roles.includes(r));

export const isApplicant = (session: Session | undefined) => hasRole(session, 'citizen', 'enterprise');
