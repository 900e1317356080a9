import { Button, Card, Empty, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Adjustment, AdjustmentPage } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { useI18n } from '../i18n/i18n.ts';

type Status = 'pending' | 'approved' | 'rejected';

/** 事项调整审核: the service-management office approves (a new version is published) or rejects requests. */
export default function Adjustments() {
  return (
    <RequireRole roles={['admin']}>
      <Requests />
    </RequireRole>
  );
}

function Requests() {
  const { t } = useI18n();
  usePageTitle(t('nav.adjustments'));
  const [status, setStatus] = useState<Status>('pending');
  const list = useApi<AdjustmentPage>(`/api/catalog/adjustments?status=${status}&limit=50`);
  return (
    <div className="page">
      <Typography.Title level={1}>{t('nav.adjustments')}</Typography.Title>
      <Segmented<Status>
        value={status}
        onChange={setStatus}
        aria-label={t('adjust.filter')}
        options={(['pending', 'approved', 'rejected'] as const).map((s) => ({
          value: s,
          label: t(`adjust.${s}`),
        }))}
      />
      {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data?.items.length === 0 && <Empty description={t('adjust.none')} />}
      <ul className="plain-list">
        {list.data?.items.map((a) => (
          <li key={a.id}>
            <Request a={a} onDecided={list.reload} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function Request({ a, onDecided }: { a: Adjustment; onDecided: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const decide = async (decision: 'approve' | 'reject') => {
    setError(undefined);
    try {
      await api(`/api/catalog/adjustments/${a.id}/decision`, {
        method: 'POST',
        body: { decision, reason: reason.trim() },
      });
      onDecided();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <code>{a.implementationCode}</code>
          <Tag>{t(`adjust.${a.status}`)}</Tag>
        </Space>
      }
    >
      <p>
        {t('adjust.effective', { date: a.effectiveFrom })} · {t('adjust.by', { who: a.proposedBy })}
      </p>
      <p>{a.reason}</p>
      <dl className="changes">
        {Object.entries(a.changes).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
          </div>
        ))}
      </dl>
      {a.status === 'pending' && (
        <>
          <label className="field__label" htmlFor={`reason-${a.id}`}>
            {t('adjust.reason')}
          </label>
          <Input.TextArea
            id={`reason-${a.id}`}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {error !== undefined && <ErrorNotice error={error} />}
          <Space>
            <Button type="primary" disabled={reason.trim().length < 2} onClick={() => decide('approve')}>
              {t('adjust.approve')}
            </Button>
            <Button danger disabled={reason.trim().length < 2} onClick={() => decide('reject')}>
              {t('adjust.reject')}
            </Button>
          </Space>
        </>
      )}
      {a.decisionReason && <p className="muted">{a.decisionReason}</p>}
    </Card>
  );
}
