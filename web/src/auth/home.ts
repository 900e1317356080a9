import type { Session } from './session.ts';

/** Where a user lands after signing in when no page asked for it: the work their role does. */
export function homeOf(session: Session): string {
  const [role] = session.roles;
  switch (role) {
    case 'reviewer':
      return '/staff/tasks';
    case 'window':
      return '/staff/window';
    case 'supervisor':
      return '/staff/supervision';
    case 'admin':
      return '/staff/adjustments';
    case 'citizen':
    case 'enterprise':
      return '/cases';
    default:
      return '/';
  }
}

/** Only paths inside the app: a `returnTo` from the address bar must not send anyone elsewhere. */
export const safeReturn = (value: string | null): string | undefined =>
  value?.startsWith('/') && !value.startsWith('//') ? value : undefined;
