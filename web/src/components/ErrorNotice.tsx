import { Alert, Button, Space } from 'antd';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../api/client.ts';
import { type MessageKey, useI18n } from '../i18n/i18n.ts';

interface Explained {
  title: MessageKey;
  next: MessageKey;
  signIn?: boolean;
  retry?: boolean;
}

/** What went wrong in plain words, and what the user can do about it. */
function explain(error: unknown): Explained {
  if (!(error instanceof ApiError)) return { title: 'error.unknown', next: 'error.unknownNext', retry: true };
  switch (error.status) {
    case 0:
      return { title: 'error.network', next: 'error.networkNext', retry: true };
    case 400:
      return { title: 'error.invalid', next: 'error.invalidNext' };
    case 401:
      return { title: 'error.signedOut', next: 'error.signedOutNext', signIn: true };
    case 403:
      return { title: 'error.forbidden', next: 'error.forbiddenNext' };
    case 404:
      return { title: 'error.notFound', next: 'error.notFoundNext' };
    case 409:
      return { title: 'error.conflict', next: 'error.conflictNext', retry: true };
    case 413:
      return { title: 'error.tooLarge', next: 'error.tooLargeNext' };
    default:
      return { title: 'error.unavailable', next: 'error.unavailableNext', retry: true };
  }
}

/**
 * An error from the API as the user should read it: the API's own words where it gave some (they name the field
 * or the rule), otherwise a plain explanation; then what to do next. Whatever the user typed stays on the page.
 */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, pick } = useI18n();
  const location = useLocation();
  const e = explain(error);
  const said = error instanceof ApiError && error.text ? pick(error.text) : undefined;
  const fields =
    error instanceof ApiError && Array.isArray(error.details)
      ? (error.details as { zh?: string; en?: string; message?: string }[])
          .map((d) => (d.zh && d.en ? pick({ 'zh-CN': d.zh, en: d.en }) : d.message))
          .filter((m): m is string => !!m && m !== said)
      : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t(e.title)}
      description={
        <Space orientation="vertical">
          {said && <span>{said}</span>}
          {fields.length > 0 && (
            <ul className="error-list">
              {fields.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
          <span>{t(e.next)}</span>
          {e.signIn && (
            // The same tab: the draft is kept in sessionStorage, which belongs to this tab.
            <Link to={`/sign-in?returnTo=${encodeURIComponent(location.pathname + location.search)}`}>
              {t('error.signInAgain')}
            </Link>
          )}
          {e.retry && onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
        </Space>
      }
    />
  );
}
