import { Alert, Empty, Table, Typography } from 'antd';
import { ApiError } from '../api/client.ts';
import type { ReviewTask, TaskPage } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { deadlineStatus } from '../components/Clock.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Deadline } from './Inbox.tsx';

/** 督办: review tasks that ran out of time or were escalated to the supervisor. */
export default function Supervision() {
  return (
    <RequireRole roles={['supervisor', 'admin']}>
      <Overdue />
    </RequireRole>
  );
}

function Overdue() {
  const { t } = useI18n();
  usePageTitle(t('nav.supervision'));
  const tasks = useApi<TaskPage>('/api/tasks?limit=50', { refreshMs: 15_000 });
  // The task inbox is scoped to a department: a supervisor without one is refused until a supervision route exists.
  const unavailable = tasks.error instanceof ApiError && [403, 404].includes(tasks.error.status);
  const late =
    tasks.data?.items.filter((x) => x.escalated || deadlineStatus(x.deadline, x.openedAt) === 'red') ?? [];
  return (
    <div className="page">
      <Typography.Title level={1}>{t('nav.supervision')}</Typography.Title>
      {unavailable && (
        <Alert
          type="info"
          showIcon
          title={t('supervision.unavailable')}
          description={t('supervision.unavailableHint')}
        />
      )}
      {tasks.error !== undefined && !unavailable && (
        <ErrorNotice error={tasks.error} onRetry={tasks.reload} />
      )}
      {tasks.data && late.length === 0 && <Empty description={t('supervision.none')} />}
      {late.length > 0 && (
        <Table<ReviewTask>
          rowKey="id"
          dataSource={late}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('inbox.matter'), dataIndex: 'matterName' },
            { title: t('inbox.step'), dataIndex: 'stepName' },
            { title: t('inbox.deadline'), key: 'deadline', render: (_, x) => <Deadline task={x} /> },
            { title: t('supervision.department'), dataIndex: 'department' },
          ]}
        />
      )}
    </div>
  );
}
