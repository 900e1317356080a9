import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { type AuthConfig, authConfig } from '../auth/config.ts';
import { homeOf, safeReturn } from '../auth/home.ts';
import { startHostedSignIn } from '../auth/oauth.ts';
import { type Role, signIn } from '../auth/session.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/i18n.ts';

interface DemoUser {
  id: string;
  role: Role;
  name: string;
  description: string;
}

/**
 * Sign-in: deployed, the Cognito hosted UI of the citizens' or the staff pool; in local mode, a pick of the demo
 * users, whose tokens the local issuer signs with the claims Cognito would.
 */
export default function SignIn() {
  const { t } = useI18n();
  usePageTitle(t('auth.title'));
  const [config, setConfig] = useState<AuthConfig>();
  const [unreachable, setUnreachable] = useState(false);
  const [params] = useSearchParams();
  const returnTo = safeReturn(params.get('returnTo'));

  useEffect(() => {
    // The province's issuer did not answer: say so, rather than wait for ever.
    authConfig()
      .then(setConfig)
      .catch(() => setUnreachable(true));
  }, []);

  return (
    <div className="page page--narrow">
      <Typography.Title level={1}>{t('auth.title')}</Typography.Title>
      {unreachable ? (
        <p role="alert">{t('auth.unreachable')}</p>
      ) : !config ? (
        <p className="loading">{t('common.loading')}</p>
      ) : config.mode === 'hosted' ? (
        <Flex vertical gap="middle">
          <Button
            type="primary"
            size="large"
            onClick={() => startHostedSignIn(config.citizens, 'citizens', returnTo ?? '/cases')}
          >
            {t('auth.citizens')}
          </Button>
          <Button size="large" onClick={() => startHostedSignIn(config.staff, 'staff', returnTo ?? '/')}>
            {t('auth.staff')}
          </Button>
        </Flex>
      ) : (
        <LocalUsers returnTo={returnTo} />
      )}
    </div>
  );
}

function LocalUsers({ returnTo }: { returnTo?: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [users, setUsers] = useState<DemoUser[]>();
  const [error, setError] = useState<unknown>();

  const load = () => {
    setError(undefined);
    fetch('/local/users')
      .then((r) => (r.ok ? r.json() : Promise.reject(new ApiError(r.status, `HTTP_${r.status}`))))
      .then((b: { users: DemoUser[] }) => setUsers(b.users))
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK')));
  };
  useEffect(load, []);

  const choose = async (user: DemoUser) => {
    setError(undefined);
    try {
      const res = await fetch('/local/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: user.role, user: user.id }),
      });
      if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`);
      const session = signIn(((await res.json()) as { token: string }).token);
      navigate(returnTo ?? homeOf(session), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK'));
    }
  };

  const describe = (u: DemoUser) => {
    const [zh, en] = u.description.split(' / ');
    return lang === 'en' ? (en ?? zh) : zh;
  };
  return (
    <>
      <Typography.Paragraph>{t('auth.localHint')}</Typography.Paragraph>
      {error !== undefined && <ErrorNotice error={error} onRetry={load} />}
      <ul className="user-list">
        {users?.map((u) => (
          <li key={u.id}>
            <Card size="small">
              <Flex justify="space-between" align="center" gap="small" wrap>
                <span>
                  <strong>{u.name}</strong>
                  <br />
                  <Typography.Text type="secondary">
                    {t(`role.${u.role}`)} · {describe(u)}
                  </Typography.Text>
                </span>
                <Button
                  type="primary"
                  onClick={() => choose(u)}
                  data-user={u.id}
                  aria-label={t('auth.as', { name: u.name })}
                >
                  {t('auth.signInButton')}
                </Button>
              </Flex>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
