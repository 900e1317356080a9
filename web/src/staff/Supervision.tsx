import { Button, Empty, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { RegionList, ReviewTask, TaskPage } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Deadline } from './Inbox.tsx';

const PATH = '/api/staff/escalations';

/** 督办: the open review tasks of my region that ran out of time and were escalated to supervisors. */
export default function Supervision() {
  return (
    <RequireRole roles={['supervisor', 'admin']}>
      <Escalations />
    </RequireRole>
  );
}

function Escalations() {
  const { t, lang } = useI18n();
  usePageTitle(t('nav.supervision'));
  const tasks = useApi<TaskPage>(`${PATH}?limit=50`, { refreshMs: 15_000 });
  const regions = useApi<RegionList>('/api/regions', { anonymous: true });
  const [more, setMore] = useState<{ items: ReviewTask[]; cursor?: string }>();
  const [error, setError] = useState<unknown>();
  const cursor = more ? more.cursor : tasks.data?.nextCursor;
  const loadMore = async () => {
    setError(undefined);
    try {
      const page = await api<TaskPage>(
        `${PATH}?${new URLSearchParams({ limit: '50', cursor: cursor ?? '' })}`,
      );
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (e) {
      setError(e);
    }
  };
  const regionName = (code: string) => {
    const r = regions.data?.items.find((x) => x.code === code);
    return r ? (lang === 'en' ? r.nameEn : r.name) : code;
  };
  const first = tasks.data?.items ?? [];
  const rows = [...first, ...(more?.items ?? []).filter((x) => !first.some((y) => y.id === x.id))];
  return (
    <div className="page">
      <Typography.Title level={1}>{t('nav.supervision')}</Typography.Title>
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
