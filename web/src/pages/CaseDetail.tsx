import { Alert, Button, Card, Descriptions, Flex, Input, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/client.ts';
import type { CaseView, Guide, MaterialDownload, Notice } from '../api/types.ts';
import { ACCEPT, uploadMaterial, waitForCase } from '../api/uploads.ts';
import { useApi } from '../api/useApi.ts';
import { Clock } from '../components/Clock.tsx';
import { ClockHistory } from '../components/ClockHistory.tsx';
import { PhoneLink } from '../components/contact.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { RequireRole } from '../components/RequireRole.tsx';
import { StatusTag } from '../components/StatusTag.tsx';
import { UploadList } from '../components/UploadList.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { matterName, oneLanguage, useI18n } from '../i18n/i18n.ts';
import { checkFile } from './apply/draft.ts';
import { CaseTimeline } from './case/CaseTimeline.tsx';
import { Obligations } from './case/Obligations.tsx';

const BEFORE_DECISION = ['submitted', 'correction-requested', 'corrected', 'accepted', 'under-review'];
const DECIDED = ['approved', 'concluded', 'denied', 'revoked'];

/**
 * One case: status, legal clock, the one-time notice to answer, the deferred materials still owed (supplied here),
 * the result, the uploads, what moved the clock, the timeline.
 */
export default function CaseDetail() {
  return (
    <RequireRole roles={['citizen', 'enterprise']}>
      <CaseFor />
    </RequireRole>
  );
}

function CaseFor() {
  const { t, pick, lang } = useI18n();
  const { id } = useParams();
  // While the platform is still working on it (pre-check, review), the page keeps itself up to date.
  const found = useApi<CaseView>(`/api/cases/${id}`, { refreshMs: 5_000 });
  const c = found.data;
  const guide = useApi<Guide>(c ? `/api/matters/${c.matter.implementationCode}` : undefined, {
    anonymous: true,
  });
  usePageTitle(c && matterName(c.matter, lang));
  if (found.error !== undefined && !c) return <ErrorNotice error={found.error} onRetry={found.reload} />;
  if (!c) return <p className="loading">{t('common.loading')}</p>;
  const notice = c.status === 'correction-requested' ? c.notices.at(-1) : undefined;
  return (
    <div className="page case">
      <Typography.Title level={1}>{matterName(c.matter, lang)}</Typography.Title>
      <Flex gap="middle" wrap align="center" className="case__status">
        <StatusTag c={c} />
        <Clock clock={c.clock} status={c.status} />
      </Flex>
      {c.provisional && (
        <Alert
          type="info"
          showIcon
          className="case__provisional"
          title={t('case.provisionalTitle')}
          description={pick(c.provisional)}
        />
      )}
      {DECIDED.includes(c.status) && <Outcome c={c} guide={guide.data} />}
      {notice && <NoticeAnswer c={c} notice={notice} onDone={found.reload} />}
      <Obligations c={c} onDone={found.reload} />
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" className="case__facts">
        <Descriptions.Item label={t('case.id')}>{c.id}</Descriptions.Item>
        <Descriptions.Item label={t('case.applicant')}>{c.applicant.name}</Descriptions.Item>
        <Descriptions.Item label={t('case.submitted')}>
          {new Date(c.createdAt).toLocaleString()}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.handling')}>
          {guide.data?.implementingBody.name ?? c.handling.department}
        </Descriptions.Item>
      </Descriptions>
      <Uploads c={c} />
      <ClockHistory clock={c.clock} />
      <CaseTimeline timeline={c.timeline ?? []} steps={guide.data?.processSteps} />
      {BEFORE_DECISION.includes(c.status) && <Withdraw c={c} onDone={found.reload} />}
      {found.error !== undefined && <ErrorNotice error={found.error} onRetry={found.reload} />}
    </div>
  );
}

/**
 * The decision, and only what is true of it: what the applicant holds now and where the result is collected —
 * no delivery the applicant never chose, no licence page. Results are collected at the places the guide lists.
 */
function Outcome({ c, guide }: { c: CaseView; guide?: Guide }) {
  const { t, lang } = useI18n();
  const result = guide ? matterName({ name: guide.resultName, nameEn: guide.resultNameEn }, lang) : '';
  const reason = c.timeline?.findLast((r) => r.reason && (r.to === 'denied' || r.to === 'revoked'))?.reason;
  if (c.status === 'denied' || c.status === 'revoked') {
    return (
      <Alert
        className="case__outcome"
        type="error"
        showIcon
        title={t(c.status === 'denied' ? 'case.denied' : 'case.revoked')}
        description={
          <>
            {reason && <p>{oneLanguage(reason, lang)}</p>}
            <p>{t('case.rightOfReview')}</p>
          </>
        }
      />
    );
  }
  const concluded = c.status === 'concluded';
  // Only a licence or certificate is a thing to collect; other results are the decision itself.
  const collected = guide === undefined || ['licence', 'certificate'].includes(guide.resultType);
  const says = collected
    ? concluded
      ? 'case.resultReady'
      : 'case.resultInMaking'
    : concluded
      ? 'case.resultDone'
      : 'case.resultPending';
  return (
    <Alert
      className="case__outcome"
      type="success"
      showIcon
      title={t('case.approved', { result })}
      description={
        <>
          <p>{t(says, { result })}</p>
          {collected && concluded && guide && (
            <ul className="case__collect">
              {guide.locations.map((l) => (
                <li key={`${l.name}-${l.address}`}>
                  <strong>{l.name}</strong> {l.address} · {l.hours} · <PhoneLink phone={l.phone} />
                </li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}

/** 一次性告知: everything missing or wrong, answered at once with new files. */
function NoticeAnswer({ c, notice, onDone }: { c: CaseView; notice: Notice; onDone: () => void }) {
  const { t, pick } = useI18n();
  const [files, setFiles] = useState<Record<string, File>>({});
  const [percent, setPercent] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [problem, setProblem] = useState<string>();

  const send = async () => {
    const missing = notice.items.find((i) => checkFile(files[i.materialId]));
    if (missing) return setProblem(t('case.noticeFile', { name: missing.name }));
    setProblem(undefined);
    setBusy(true);
    setError(undefined);
    try {
      const declared = [];
      for (const item of notice.items) {
        const up = await uploadMaterial(c.id, item.materialId, files[item.materialId]!, (p) =>
          setPercent((old) => ({ ...old, [item.materialId]: p })),
        );
        declared.push({
          materialId: item.materialId,
          by: 'upload',
          fileKey: up.fileKey,
          uploadId: up.uploadId,
        });
      }
      const ids = new Set(declared.map((d) => d.uploadId));
      await waitForCase(c.id, (v) =>
        (v.uploads ?? []).filter((u) => ids.has(u.uploadId)).every((u) => u.status !== 'pending'),
      );
      await api(`/api/cases/${c.id}/supplements`, {
        method: 'POST',
        body: {
          materials: declared.map(({ materialId, fileKey }) => ({ materialId, by: 'upload', fileKey })),
        },
      });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="notice" title={t('case.notice')} role="region" aria-label={t('case.notice')}>
      <p>{t('case.noticeHint')}</p>
      <ol>
        {notice.items.map((item) => (
          <li key={item.materialId}>
            <strong>{item.name}</strong>
            <ul>
              {item.problems.map((p) => (
                <li key={p.code}>{pick({ 'zh-CN': p.zh, en: p.en })}</li>
              ))}
            </ul>
            <label className="field__label" htmlFor={`s-${item.materialId}`}>
              {t('apply.chooseFile', { name: item.name })}
            </label>
            <input
              id={`s-${item.materialId}`}
              type="file"
              accept={ACCEPT}
              onChange={(e) => {
                const file = e.target.files?.[0];
                setFiles((old) => {
                  const next = { ...old };
                  if (file) next[item.materialId] = file;
                  else delete next[item.materialId];
                  return next;
                });
              }}
            />
            {percent[item.materialId] !== undefined && <Progress percent={percent[item.materialId]} />}
          </li>
        ))}
      </ol>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      {error !== undefined && <ErrorNotice error={error} onRetry={send} />}
      <Button type="primary" size="large" onClick={send} loading={busy}>
        {t('case.sendSupplement')}
      </Button>
    </Card>
  );
}

function Uploads({ c }: { c: CaseView }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>();
  if (!c.uploads || c.uploads.length === 0) return null;
  const open = async (materialId: string) => {
    setError(undefined);
    try {
      const d = await api<MaterialDownload>(`/api/cases/${c.id}/materials/${materialId}`);
      window.open(d.download.url, '_blank', 'noopener');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="case-uploads">
      <Typography.Title level={2} id="case-uploads">
        {t('case.uploads')}
      </Typography.Title>
      {error !== undefined && <ErrorNotice error={error} />}
      <UploadList
        uploads={c.uploads}
        action={(u) =>
          u.status === 'accepted' && (
            <Button size="small" onClick={() => open(u.materialId)}>
              {t('case.download')}
            </Button>
          )
        }
      />
    </section>
  );
}

function Withdraw({ c, onDone }: { c: CaseView; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const send = async () => {
    setError(undefined);
    try {
      await api(`/api/cases/${c.id}/withdraw`, { method: 'POST', body: { reason } });
      setOpen(false);
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  if (!open) return <Button onClick={() => setOpen(true)}>{t('case.withdraw')}</Button>;
  return (
    <Card title={t('case.withdraw')}>
      <label className="field__label" htmlFor="withdraw-reason">
        {t('case.withdrawReason')}
      </label>
      <Input.TextArea
        id="withdraw-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        maxLength={500}
      />
      {error !== undefined && <ErrorNotice error={error} onRetry={send} />}
      <Space>
        <Button danger onClick={send} disabled={reason.trim().length < 2}>
          {t('case.withdrawConfirm')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Space>
    </Card>
  );
}
