import { Card, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import type { CasePage } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { Clock } from '../components/Clock.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/i18n.ts';

/** 我的办件: newest first, each with its status and legal clock. */
export default function MyCases() {
  return (
    <RequireRole roles={['citizen', 'enterprise']}>
      <CaseList />
    </RequireRole>
  );
}

function CaseList() {
  const { t } = useI18n();
  usePageTitle(t('nav.cases'));
  const cases = useApi<CasePage>('/api/cases?limit=50', { refreshMs: 15_000 });
  return (
    <div className="page">
      <Typography.Title level={1}>{t('nav.cases')}</Typography.Title>
      {cases.error !== undefined && <ErrorNotice error={cases.error} onRetry={cases.reload} />}
      {cases.data?.items.length === 0 && (
        <Empty description={t('cases.none')}>
          <Link to="/search">{t('cases.findService')}</Link>
        </Empty>
      )}
      <ul className="case-list">
        {cases.data?.items.map((c) => (
          <li key={c.id}>
            <Card size="small">
              <Flex justify="space-between" wrap gap="small" align="center">
                <Link to={`/cases/${c.id}`} className="case-list__name">
                  {c.matter.name}
                </Link>
                <StatusTag c={c} />
              </Flex>
              <Flex justify="space-between" wrap gap="small" className="muted">
                <span>{t('cases.submittedAt', { date: new Date(c.createdAt).toLocaleString() })}</span>
                <Clock clock={c.clock} status={c.status} />
              </Flex>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
