import { Alert, Button, Card, Empty, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type {
  Health,
  OverdueCase,
  OverdueCasePage,
  RegionList,
  ReviewTask,
  StalledCase,
  StalledCasePage,
} from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { usePagedList } from '../api/usePagedList.ts';
import { DataTable } from '../components/DataTable.tsx';
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
      <CalendarOutlook />
      <Overdue />
      <Stalled />
      <Escalations />
    </RequireRole>
  );
}

/** The yearly step: the next year's holiday schedule, when it is missing within 60 days of 1 January. */
function CalendarOutlook() {
  const { t, pick } = useI18n();
  const health = useApi<Health>('/api/health', { anonymous: true });
  const warning = health.data?.calendar?.warning;
  if (!warning) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="calendar-outlook"
      title={t('supervision.calendarMissing', { year: health.data?.calendar?.nextYear ?? '' })}
      description={pick(warning)}
    />
  );
}

/** Cases whose workflow failed for good: each waits for a supervisor to resume it once the cause is fixed. */
function Stalled() {
  const { t } = useI18n();
  const cases = useApi<StalledCasePage>('/api/staff/stalled?limit=50', { refreshMs: 15_000 });
  const regionName = useRegionName();
  const [error, setError] = useState<unknown>();
  const [resuming, setResuming] = useState<string>();
  const [reason, setReason] = useState('');
  const resume = async () => {
    setError(undefined);
    try {
      await api(`/api/staff/cases/${resuming}/resume`, { method: 'POST', body: { reason } });
      setResuming(undefined);
      setReason('');
      cases.reload();
    } catch (e) {
      setError(e);
    }
  };
  if (cases.data?.items.length === 0) return null;
  return (
    <div className="page">
      <Typography.Title level={2}>{t('supervision.stalled')}</Typography.Title>
      <p className="muted">{t('supervision.stalledHint')}</p>
      {cases.error !== undefined && <ErrorNotice error={cases.error} onRetry={cases.reload} />}
      {error !== undefined && <ErrorNotice error={error} />}
      {(cases.data?.items.length ?? 0) > 0 && (
        <DataTable<StalledCase>
          label={t('supervision.stalled')}
          rowKey={(x) => x.caseId}
          rows={cases.data?.items ?? []}
          columns={[
            { title: t('inbox.matter'), key: 'matter', render: (x) => x.matterName },
            { title: t('supervision.step'), key: 'state', render: (x) => x.state },
            { title: t('supervision.error'), key: 'error', render: (x) => x.error },
            {
              title: t('supervision.since'),
              key: 'since',
              render: (x) => new Date(x.since).toLocaleString(),
            },
            { title: t('supervision.region'), key: 'region', render: (x) => regionName(x.region) },
            {
              title: t('inbox.case'),
              key: 'resume',
              render: (x) => (
                <Button
                  onClick={() => setResuming(x.caseId)}
                  aria-label={t('supervision.resumeCase', { id: x.caseId.slice(0, 8) })}
                >
                  {t('supervision.resume')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {resuming && (
        <Card title={t('supervision.resumeCase', { id: resuming.slice(0, 8) })} className="resume">
          <label htmlFor="resume-reason">{t('supervision.resumeReason')}</label>
          <Input.TextArea
            id="resume-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoSize={{ minRows: 2 }}
          />
          <Space className="resume__actions">
            <Button type="primary" disabled={reason.trim().length < 2} onClick={resume}>
              {t('supervision.resume')}
            </Button>
            <Button onClick={() => setResuming(undefined)}>{t('common.cancel')}</Button>
          </Space>
        </Card>
      )}
    </div>
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
        <DataTable<OverdueCase>
          label={t('supervision.overdue')}
          rowKey={(x) => x.caseId}
          rows={cases.data?.items ?? []}
          columns={[
            { title: t('inbox.matter'), key: 'matter', render: (x) => x.matterName },
            { title: t('inbox.deadline'), key: 'deadline', render: (x) => x.deadline },
            { title: t('supervision.department'), key: 'department', render: (x) => x.department },
            { title: t('supervision.region'), key: 'region', render: (x) => regionName(x.region) },
            {
              title: t('inbox.case'),
              key: 'case',
              render: (x) => <code title={x.caseId}>{x.caseId.slice(0, 8)}</code>,
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
        <DataTable<ReviewTask>
          label={t('supervision.escalated')}
          rowKey={(x) => x.id}
          rows={rows}
          columns={[
            { title: t('inbox.matter'), key: 'matter', render: (x) => x.matterName },
            { title: t('inbox.step'), key: 'step', render: (x) => x.stepName },
            { title: t('inbox.deadline'), key: 'deadline', render: (x) => <Deadline task={x} /> },
            { title: t('supervision.department'), key: 'department', render: (x) => x.department },
            { title: t('supervision.region'), key: 'region', render: (x) => regionName(x.region) },
            {
              title: t('inbox.case'),
              key: 'case',
              // No staff page shows a case on its own yet (the reviewer's task page is for its reviewers).
              render: (x) => <code title={x.caseId}>{x.caseId.slice(0, 8)}</code>,
            },
          ]}
        />
      )}
      {error !== undefined && <ErrorNotice error={error} onRetry={loadMore} />}
      {cursor && <Button onClick={loadMore}>{t('inbox.more')}</Button>}
    </div>
  );
}
