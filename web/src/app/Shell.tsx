import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { hasRole, type Role, useSession } from '../auth/session.ts';
import { signOutEverywhere } from '../auth/sign-out.ts';
import { type MessageKey, setLang, useI18n } from '../i18n/i18n.ts';
import { useElder } from '../prefs/elder.ts';

interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown to these roles; everyone when absent. */
  roles?: Role[];
}

const NAV: NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/search', label: 'nav.search' },
  { to: '/cases', label: 'nav.cases', roles: ['citizen', 'enterprise'] },
  { to: '/messages', label: 'nav.messages', roles: ['citizen', 'enterprise'] },
  { to: '/staff/window', label: 'nav.window', roles: ['window'] },
  { to: '/staff/window/cases', label: 'nav.windowCases', roles: ['window'] },
  { to: '/staff/tasks', label: 'nav.inbox', roles: ['reviewer'] },
  { to: '/staff/supervision', label: 'nav.supervision', roles: ['supervisor', 'admin'] },
  { to: '/staff/adjustments', label: 'nav.adjustments', roles: ['admin'] },
];

/** The frame of every page: skip link, header with navigation, language and elder-mode switches, the page. */
export function Shell() {
  const { t, lang } = useI18n();
  const session = useSession();
  const [elder, setElder] = useElder();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // A new page moves keyboard and screen-reader focus to its content, as a full page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  const items = NAV.filter((i) => !i.roles || hasRole(session, ...i.roles));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              通
            </span>
            <span className="brand__name">{t('shell.brand')}</span>
          </Link>
          <div className="site-header__tools">
            <button
              type="button"
              className="tool-button"
              lang={lang === 'en' ? 'zh-CN' : 'en'}
              onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
            >
              {lang === 'en' ? '中文' : 'English'}
            </button>
            <button
              type="button"
              className="tool-button"
              aria-pressed={elder}
              onClick={() => setElder(!elder)}
              data-testid="elder-toggle"
            >
              {t('shell.elder')}
            </button>
            {session ? (
              <span className="account">
                <span className="account__name">{session.name ?? t(`role.${session.roles[0]!}`)}</span>
                <button type="button" className="tool-button" onClick={signOutEverywhere}>
                  {t('shell.signOut')}
                </button>
              </span>
            ) : (
              <Link
                className="tool-button tool-button--primary"
                to={`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`}
              >
                {t('shell.signIn')}
              </Link>
            )}
          </div>
        </div>
        <nav className="site-nav" aria-label={t('shell.nav')}>
          <ul>
            {items.map((i) => (
              <li key={i.to}>
                <NavLink to={i.to} end>
                  {t(i.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          {t('shell.footer')} <a href="tel:12345">12345</a>
        </p>
      </footer>
    </>
  );
}
