import { Button, Card, Empty, Flex, Popconfirm, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import type { CasePage, CaseView } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { Clock } from '../components/Clock.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { matterName, useI18n } from '../i18n/i18n.ts';

/** 我的办件: newest first, each with its status and legal clock. */
export default function MyCases() {
  return (
    <RequireRole roles={['citizen', 'enterprise']}>
      <CaseList />
    </RequireRole>
  );
}

function CaseList() {
  const { t, lang } = useI18n();
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
        {cases.data?.items.map((c) =>
          c.status === 'draft' ? (
            <li key={c.id}>
              <DraftCard c={c} onDiscarded={cases.reload} />
            </li>
          ) : (
            <li key={c.id}>
              <Card size="small">
                <Flex justify="space-between" wrap gap="small" align="center">
                  <Link to={`/cases/${c.id}`} className="case-list__name">
                    {matterName(c.matter, lang)}
                  </Link>
                  <StatusTag c={c} />
                </Flex>
                <Flex justify="space-between" wrap gap="small" className="muted">
                  <span>{t('cases.submittedAt', { date: new Date(c.createdAt).toLocaleString() })}</span>
                  <Clock clock={c.clock} status={c.status} />
                </Flex>
              </Card>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

/** A draft (草稿): not submitted, nobody else has it; the applicant goes on with it, or deletes it. */
function DraftCard({ c, onDiscarded }: { c: CaseView; onDiscarded: () => void }) {
  const { t, lang } = useI18n();
  const discard = () =>
    api(`/api/cases/${c.id}/withdraw`, { method: 'POST', body: { reason: t('cases.discardReason') } }).then(
      onDiscarded,
    );
  return (
    <Card size="small">
      <Flex justify="space-between" wrap gap="small" align="center">
        <Link
          to={`/matters/${c.matter.implementationCode}/apply?draft=${c.id}`}
          className="case-list__name"
          aria-label={`${t('cases.continueDraft')}：${matterName(c.matter, lang)}`}
        >
          {matterName(c.matter, lang)}
        </Link>
        <StatusTag c={c} />
      </Flex>
      <Flex justify="space-between" wrap gap="small" align="center" className="muted">
        <span>{t('cases.draftSavedAt', { date: new Date(c.createdAt).toLocaleString() })}</span>
        <Flex gap="small" wrap>
          <Link className="button" to={`/matters/${c.matter.implementationCode}/apply?draft=${c.id}`}>
            {t('cases.continueDraft')}
          </Link>
          <Popconfirm title={t('cases.discardConfirm')} onConfirm={discard}>
            <Button danger>{t('cases.discardDraft')}</Button>
          </Popconfirm>
        </Flex>
      </Flex>
    </Card>
  );
}
