import { lazy, Suspense } from 'react';
import { Link, useLocation } from 'react-router';
import { isHostedCallback } from '../auth/oauth.ts';
import { hasRole, useSession } from '../auth/session.ts';
import { SearchBox } from '../components/SearchBox.tsx';
import { useI18n } from '../i18n/i18n.ts';

const HostedCallback = lazy(() => import('./HostedCallback.tsx'));

/** Words citizens search for most, as shortcuts under the search box. */
const POPULAR = ['营业执照', '开饭店', '出生登记', '社保卡', '公积金提取', '身份证'];

/** The first page: find a service. Light on purpose (no component library), it is what a phone opens first. */
export function Home() {
  const { t } = useI18n();
  const location = useLocation();
  const session = useSession();
  // The Cognito hosted UI sends users back to the site's root with a code.
  if (isHostedCallback(location.search)) {
    return (
      <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
        <HostedCallback />
      </Suspense>
    );
  }
  return (
    <div className="home">
      <section className="home__hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="home__lead">{t('home.lead')}</p>
        <SearchBox region={session?.region} />
        <p className="home__popular">
          <span>{t('home.popular')}</span>
          {POPULAR.map((w) => (
            <Link key={w} to={`/search?q=${encodeURIComponent(w)}`} className="chip">
              {w}
            </Link>
          ))}
        </p>
      </section>
      <section className="home__cards" aria-label={t('home.shortcuts')}>
        {hasRole(session, 'citizen', 'enterprise') && (
          <Link to="/cases" className="card-link">
            <strong>{t('nav.cases')}</strong>
            <span>{t('home.casesHint')}</span>
          </Link>
        )}
        {hasRole(session, 'reviewer') && (
          <Link to="/staff/tasks" className="card-link">
            <strong>{t('nav.inbox')}</strong>
            <span>{t('home.inboxHint')}</span>
          </Link>
        )}
        {hasRole(session, 'window') && (
          <Link to="/staff/window" className="card-link">
            <strong>{t('nav.window')}</strong>
            <span>{t('home.windowHint')}</span>
          </Link>
        )}
        {!session && (
          <Link to="/sign-in" className="card-link">
            <strong>{t('shell.signIn')}</strong>
            <span>{t('home.signInHint')}</span>
          </Link>
        )}
        <div className="card-link card-link--static">
          <strong>{t('home.helpTitle')}</strong>
          <span>{t('home.help')}</span>
        </div>
      </section>
    </div>
  );
}
