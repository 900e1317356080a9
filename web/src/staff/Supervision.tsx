import { Button, Empty, Table, Typography } from 'antd';
import type { OverdueCase, OverdueCasePage, RegionList, ReviewTask } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { usePagedList } from '../api/usePagedList.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Deadline } from './Inbox.tsx';

const PATH = '/api/staff/escalations';

/**
 * 督办: the undecided cases of my region past their legal deadline (红灯), and the open review tasks that ran out
 * of time and were escalated to supervisors.
 */
export default function Supervision() {
  return (
    <RequireRole roles={['supervisor', 'admin']}>
      <Overdue />
      <Escalations />
    </RequireRole>
  );
}

function useRegionName() {
  const { lang } = useI18n();
  const regions = useApi<RegionList>('/api/regions', { anonymous: true });
  return (code: string) => {
    const r = regions.data?.items.find((x) => x.code === code);
    return r ? (lang === 'en' ? r.nameEn : r.name) : code;
  };
}

/** 红灯: cases past their deadline; one page is enough, they are few and each leaves once decided. */
function Overdue() {
  const { t } = useI18n();
  usePageTitle(t('nav.supervision'));
  const cases = useApi<OverdueCasePage>('/api/staff/overdue?limit=50', { refreshMs: 15_000 });
  const regionName = useRegionName();
  return (
    <div className="page">
      <Typography.Title level={1}>{t('nav.supervision')}</Typography.Title>
      <Typography.Title level={2}>{t('supervision.overdue')}</Typography.Title>
      <p className="muted">{t('supervision.overdueHint')}</p>
      {cases.error !== undefined && <ErrorNotice error={cases.error} onRetry={cases.reload} />}
      {cases.data?.items.length === 0 && <Empty description={t('supervision.overdueNone')} />}
      {(cases.data?.items.length ?? 0) > 0 && (
        <Table<OverdueCase>
          rowKey="caseId"
          dataSource={cases.data?.items}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('inbox.matter'), dataIndex: 'matterName' },
            { title: t('inbox.deadline'), dataIndex: 'deadline' },
            { title: t('supervision.department'), dataIndex: 'department' },
            { title: t('supervision.region'), key: 'region', render: (_, x) => regionName(x.region) },
            {
              title: t('inbox.case'),
              dataIndex: 'caseId',
              render: (id: string) => <code title={id}>{id.slice(0, 8)}</code>,
            },
          ]}
        />
      )}
    </div>
  );
}

function Escalations() {
  const { t } = useI18n();
  const { first: tasks, rows, cursor, loadMore, error } = usePagedList<ReviewTask>(PATH, 15_000);
  const regionName = useRegionName();
  return (
    <div className="page">
      <Typography.Title level={2}>{t('supervision.escalated')}</Typography.Title>
      <p className="muted">{t('supervision.hint')}</p>
      {tasks.error !== undefined && <ErrorNotice error={tasks.error} onRetry={tasks.reload} />}
      {tasks.data?.items.length === 0 && <Empty description={t('supervision.none')} />}
      {rows.length > 0 && (
        <Table<ReviewTask>
          rowKey="id"
          dataSource={rows}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('inbox.matter'), dataIndex: 'matterName' },
            { title: t('inbox.step'), dataIndex: 'stepName' },
            { title: t('inbox.deadline'), key: 'deadline', render: (_, x) => <Deadline task={x} /> },
            { title: t('supervision.department'), dataIndex: 'department' },
            { title: t('supervision.region'), key: 'region', render: (_, x) => regionName(x.region) },
            {
              title: t('inbox.case'),
              dataIndex: 'caseId',
              // No staff page shows a case on its own yet (the reviewer's task page is for its reviewers).
              render: (id: string) => <code title={id}>{id.slice(0, 8)}</code>,
            },
          ]}
        />
      )}
      {error !== undefined && <ErrorNotice error={error} onRetry={loadMore} />}
      {cursor && <Button onClick={loadMore}>{t('inbox.more')}</Button>}
    </div>
  );
}
