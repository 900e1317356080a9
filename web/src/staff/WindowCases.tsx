import { Empty, Typography } from 'antd';
import { ApiError } from '../api/client.ts';
import type { StaffCasePage, StaffCaseView } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { Clock } from '../components/Clock.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { matterName, useI18n } from '../i18n/i18n.ts';

/** The cases this window took in for applicants (帮办代办), with their status and clock. */
export default function WindowCases() {
  return (
    <RequireRole roles={['window']}>
      <Cases />
    </RequireRole>
  );
}

function Cases() {
  const { t, lang } = useI18n();
  usePageTitle(t('nav.windowCases'));
  const cases = useApi<StaffCasePage>('/api/window/cases?limit=50', { refreshMs: 10_000 });
  const notYet = cases.error instanceof ApiError && cases.error.status === 404;
  return (
    <div className="page">
      <Typography.Title level={1}>{t('nav.windowCases')}</Typography.Title>
      {notYet && <Empty description={t('window.notYet')} />}
      {cases.error !== undefined && !notYet && <ErrorNotice error={cases.error} onRetry={cases.reload} />}
      {cases.data && (
        <DataTable<StaffCaseView>
          label={t('nav.windowCases')}
          rowKey={(c) => c.id}
          rows={cases.data.items}
          empty={t('window.none')}
          columns={[
            { title: t('inbox.matter'), key: 'matter', render: (c) => matterName(c.matter, lang) },
            { title: t('case.applicant'), key: 'applicant', render: (c) => c.applicant.name },
            { title: t('case.status'), key: 'status', render: (c) => <StatusTag c={c} /> },
            {
              title: t('case.clock'),
              key: 'clock',
              render: (c) => <Clock clock={c.clock} status={c.status} />,
            },
          ]}
        />
      )}
    </div>
  );
}
