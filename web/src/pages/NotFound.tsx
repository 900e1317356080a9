import { Result } from 'antd';
import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/i18n.ts';

export default function NotFound() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.hint')}
      extra={<Link to="/">{t('nav.home')}</Link>}
    />
  );
}
