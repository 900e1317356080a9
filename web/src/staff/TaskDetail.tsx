import { Button, Descriptions, Input, Radio, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { ReviewTask, StaffCaseView, TaskPage } from '../api/types.ts';
import { type Loaded, useApi } from '../api/useApi.ts';
import { Clock } from '../components/Clock.tsx';
import { ClockHistory } from '../components/ClockHistory.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Field } from '../components/Field.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { matterName, useI18n } from '../i18n/i18n.ts';
import { CaseFiles } from './CaseFiles.tsx';
import { Deadline } from './Inbox.tsx';
import { SupervisionRecords } from './SupervisionRecords.tsx';

type Outcome = 'approve' | 'deny' | 'return';

/** Pages through the inbox (earliest deadline first) for one task; an inbox is a few pages at most. */
async function findTask(id: string): Promise<ReviewTask | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const query = new URLSearchParams({ limit: '50', ...(cursor ? { cursor } : {}) });
    const inbox = await api<TaskPage>(`/api/tasks?${query}`);
    const task = inbox.items.find((x) => x.id === id);
    if (task || !inbox.nextCursor) return task;
    cursor = inbox.nextCursor;
  }
  return undefined;
}

/** One review task: the case's facts, its materials, and the decision. */
export default function TaskDetail() {
  return (
    <RequireRole roles={['reviewer']}>
      <Task />
    </RequireRole>
  );
}

function Task() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const passed = useLocation().state as ReviewTask | null;
  const [found, setFound] = useState<{ task?: ReviewTask; error?: unknown; done: boolean }>({ done: false });
  // There is no single-task route: the task comes along from the inbox's link, or is looked up in the inbox.
  useEffect(() => {
    if (passed && passed.id === id) return setFound({ task: passed, done: true });
    findTask(id ?? '')
      .then((task) => setFound({ task, done: true }))
      .catch((error: unknown) => setFound({ error, done: true }));
  }, [id, passed]);
  const { task } = found;
  const name = task && matterName({ name: task.matterName, nameEn: task.matterNameEn }, lang);
  usePageTitle(name);
  if (found.error !== undefined) return <ErrorNotice error={found.error} />;
  if (!found.done) return <p className="loading">{t('common.loading')}</p>;
  if (!task)
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{t('task.gone')}</h1>}
        extra={<Link to="/staff/tasks">{t('nav.inbox')}</Link>}
      />
    );
  return (
    <div className="page">
      <Typography.Title level={1}>{name}</Typography.Title>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
        <Descriptions.Item label={t('inbox.step')}>{task.stepName}</Descriptions.Item>
        <Descriptions.Item label={t('inbox.deadline')}>
          <Deadline task={task} />
        </Descriptions.Item>
        <Descriptions.Item label={t('inbox.case')}>{task.caseId}</Descriptions.Item>
        <Descriptions.Item label={t('task.opened')}>
          {new Date(task.openedAt).toLocaleString()}
        </Descriptions.Item>
      </Descriptions>
      <CaseFor task={task} />
    </div>
  );
}

/** The case's facts, then the decision, which waits for them: no approving what has not been seen. */
function CaseFor({ task }: { task: ReviewTask }) {
  const found = useApi<StaffCaseView>(`/api/staff/cases/${task.caseId}`);
  return (
    <>
      <CaseFacts found={found} />
      <Decide task={task} ready={found.data !== undefined} />
    </>
  );
}

/**
 * The case behind the task as staff see it: status, clock, the materials supplied and how (each accepted file
 * can be viewed), what moved the clock, and the regulators' records on the applicant.
 */
function CaseFacts({ found }: { found: Loaded<StaffCaseView> }) {
  const { t } = useI18n();
  const c = found.data;
  return (
    <>
      <section aria-labelledby="task-materials">
        <Typography.Title level={2} id="task-materials">
          {t('task.materials')}
        </Typography.Title>
        {found.error !== undefined && <ErrorNotice error={found.error} onRetry={found.reload} />}
        {!c && found.error === undefined && <p className="loading">{t('task.materialsLoading')}</p>}
        {c && (
          <>
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
              <Descriptions.Item label={t('case.applicant')}>{c.applicant.name}</Descriptions.Item>
              <Descriptions.Item label={t('case.status')}>
                <StatusTag c={c} />
              </Descriptions.Item>
              <Descriptions.Item label={t('case.clock')}>
                <Clock clock={c.clock} status={c.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('task.assisted')}>
                {t(c.assisted ? 'task.viaWindow' : 'task.online')}
              </Descriptions.Item>
            </Descriptions>
            <CaseFiles c={c} />
            {c.obligations.map((o) => (
              <p key={o.kind === 'material' ? o.materialId : o.deadline} className="muted">
                {o.kind === 'material'
                  ? o.status === 'open'
                    ? t('task.owed', { name: o.name, date: o.deadline })
                    : `${o.name} · ${t('case.supplied')}`
                  : t('task.verify', { date: o.deadline })}
              </p>
            ))}
          </>
        )}
      </section>
      {c && <ClockHistory clock={c.clock} />}
      {c && <SupervisionRecords records={c.supervision} />}
    </>
  );
}

function Decide({ task, ready }: { task: ReviewTask; ready: boolean }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>('approve');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [decided, setDecided] = useState<Outcome>();

  const send = async () => {
    if (outcome !== 'approve' && reason.trim().length < 2) return setProblem(t('task.reasonNeeded'));
    setProblem(undefined);
    setError(undefined);
    setBusy(true);
    try {
      await api(`/api/tasks/${task.id}/decision`, {
        method: 'POST',
        body: outcome === 'approve' ? { outcome } : { outcome, reason: reason.trim() },
      });
      setDecided(outcome);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (decided) {
    return (
      <Result
        status="success"
        title={<h2 className="result-title">{t('task.decided', { outcome: t(`task.${decided}`) })}</h2>}
        extra={
          <Link className="button button--primary" to="/staff/tasks">
            {t('task.back')}
          </Link>
        }
      />
    );
  }
  return (
    <section aria-labelledby="task-decide" className="decide">
      <Typography.Title level={2} id="task-decide">
        {t('task.decide')}
      </Typography.Title>
      <fieldset className="fieldset">
        <legend>{t('task.outcome')}</legend>
        <Radio.Group
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          options={(['approve', 'deny', 'return'] as const).map((o) => ({ value: o, label: t(`task.${o}`) }))}
        />
      </fieldset>
      {outcome !== 'approve' && (
        <Field
          id="task-reason"
          label={t(outcome === 'deny' ? 'task.denyReason' : 'task.returnReason')}
          required
          error={problem}
        >
          {(p) => (
            <Input.TextArea
              {...p}
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      )}
      {error !== undefined && <ErrorNotice error={error} onRetry={send} />}
      {!ready && (
        <p id="task-not-ready" className="field__hint">
          {t('task.waitForMaterials')}
        </p>
      )}
      <Space>
        <Button
          type="primary"
          size="large"
          danger={outcome === 'deny'}
          loading={busy}
          disabled={!ready}
          aria-describedby={ready ? undefined : 'task-not-ready'}
          onClick={send}
        >
          {t('task.submit', { outcome: t(`task.${outcome}`) })}
        </Button>
      </Space>
    </section>
  );
}
