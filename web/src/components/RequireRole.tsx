import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { hasRole, type Role, useSession } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.ts';

/** Pages for one kind of user: others are told whose page it is and how to sign in as them. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const signIn = `/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`;
  if (!session) {
    return (
      <Result
        status="info"
        title={<h1 className="result-title">{t('auth.required')}</h1>}
        subTitle={t('auth.requiredHint')}
        extra={
          <Link className="button button--primary" to={signIn}>
            {t('shell.signIn')}
          </Link>
        }
      />
    );
  }
  if (!hasRole(session, ...roles)) {
    return (
      <Result
        status="403"
        title={<h1 className="result-title">{t('auth.wrongRole')}</h1>}
        subTitle={t('auth.wrongRoleHint', { roles: roles.map((r) => t(`role.${r}`)).join(t('common.or')) })}
        extra={<Link to={signIn}>{t('auth.switchUser')}</Link>}
      />
    );
  }
  return children;
}
