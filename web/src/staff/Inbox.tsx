import { Button, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ReviewTask } from '../api/types.ts';
import { usePagedList } from '../api/usePagedList.ts';
import { deadlineStatus } from '../components/Clock.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { matterName, useI18n } from '../i18n/i18n.ts';

const COLOR = { green: 'green', amber: 'orange', red: 'red' } as const;

/** A deadline with its colour and, for those who do not see colour, its words. */
export function Deadline({ task }: { task: ReviewTask }) {
  const { t } = useI18n();
  const status = deadlineStatus(task.deadline, task.openedAt);
  return (
    <Flex gap={4} align="center" wrap data-deadline={status}>
      <Tag color={COLOR[status]}>{t(`clock.${status}`)}</Tag>
      <span>{task.deadline}</span>
      {task.escalated && <Tag color="red">{t('inbox.escalated')}</Tag>}
    </Flex>
  );
}

/** 待审件: the open review tasks of my department and region, earliest deadline first (the API's order). */
export default function Inbox() {
  return (
    <RequireRole roles={['reviewer']}>
      <TaskList />
    </RequireRole>
  );
}

function TaskList() {
  const { t, lang } = useI18n();
  usePageTitle(t('nav.inbox'));
  const { first: tasks, rows, cursor, loadMore, error } = usePagedList<ReviewTask>('/api/tasks', 5_000);
  return (
    <div className="page">
      <Typography.Title level={1}>{t('nav.inbox')}</Typography.Title>
      {tasks.error !== undefined && <ErrorNotice error={tasks.error} onRetry={tasks.reload} />}
      {tasks.data?.items.length === 0 && <Empty description={t('inbox.none')} />}
      {rows.length > 0 && (
        <DataTable<ReviewTask>
          label={t('nav.inbox')}
          rowKey={(task) => task.id}
          rows={rows}
          columns={[
            {
              title: t('inbox.matter'),
              key: 'matter',
              render: (task) => (
                <Link to={`/staff/tasks/${task.id}`} state={task} className="matter-name">
                  {matterName({ name: task.matterName, nameEn: task.matterNameEn }, lang)}
                </Link>
              ),
            },
            { title: t('inbox.step'), key: 'step', render: (task) => task.stepName },
            { title: t('inbox.deadline'), key: 'deadline', render: (task) => <Deadline task={task} /> },
            { title: t('inbox.case'), key: 'case', render: (task) => <code>{task.caseId.slice(0, 8)}</code> },
          ]}
        />
      )}
      {error !== undefined && <ErrorNotice error={error} onRetry={loadMore} />}
      {cursor && <Button onClick={loadMore}>{t('inbox.more')}</Button>}
    </div>
  );
}
