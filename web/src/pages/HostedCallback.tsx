import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { authConfig } from '../auth/config.ts';
import { homeOf, safeReturn } from '../auth/home.ts';
import { finishHostedSignIn } from '../auth/oauth.ts';
import { signIn } from '../auth/session.ts';
import { useI18n } from '../i18n/i18n.ts';

/** Back from the provider (Cognito's hosted UI or the province's issuer): trade the code for the ID token, then go where the user was going. */
export default function HostedCallback() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    authConfig()
      .then(async (config) => {
        if (config.mode !== 'hosted') throw new Error('NOT_HOSTED');
        const { idToken, returnTo } = await finishHostedSignIn(config, location.search);
        const session = signIn(idToken);
        navigate(safeReturn(returnTo) ?? homeOf(session), { replace: true });
      })
      .catch(() => setFailed(true));
  }, [location.search, navigate]);

  return failed ? (
    <div role="alert" className="page">
      <h1>{t('auth.failed')}</h1>
      <p>{t('auth.failedHint')}</p>
      <a href="/sign-in">{t('shell.signIn')}</a>
    </div>
  ) : (
    <p className="loading">{t('auth.finishing')}</p>
  );
}
