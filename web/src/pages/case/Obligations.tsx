import { Button, Card, Progress, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { CaseView } from '../../api/types.ts';
import { ACCEPT, uploadMaterial, uploadRejected, waitForCase } from '../../api/uploads.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useI18n } from '../../i18n/i18n.ts';
import { checkFile } from '../apply/draft.ts';
import { formatSize } from '../apply/MaterialsStep.tsx';

type MaterialObligation = Extract<CaseView['obligations'][number], { kind: 'material' }>;

/** Deferred materials are taken after acceptance and before the decision (the API's AWAITING_MATERIALS). */
const AWAITING = ['accepted', 'under-review'];

/** 容缺: the deferred materials still owed, each with its deadline and, while the case waits for it, an upload. */
export function Obligations({ c, onDone }: { c: CaseView; onDone: () => void }) {
  const { t } = useI18n();
  const owed = c.obligations.filter((o): o is MaterialObligation => o.kind === 'material');
  if (owed.length === 0) return null;
  return (
    <Card
      title={t('case.obligations')}
      className="obligations"
      role="region"
      aria-label={t('case.obligations')}
    >
      {owed.some((o) => o.status === 'open') && <p>{t('case.obligationsHint')}</p>}
      <ul className="plain-list">
        {owed.map((o) => (
          <li key={o.materialId} className="obligation">
            <strong>{o.name}</strong>
            {o.status === 'open' ? (
              <>
                <p id={`owed-${o.materialId}`} className="obligation__deadline">
                  {t('case.owedBy', { date: o.deadline })}
                  {o.provisionalYears && <span data-provisional="true">{t('clock.provisional')}</span>}
                </p>
                {AWAITING.includes(c.status) && <SupplyDeferred c={c} o={o} onDone={onDone} />}
              </>
            ) : (
              <p>
                <Tag color="green">{t('case.supplied')}</Tag>
                {o.suppliedAt && (
                  <span className="muted">
                    {t('case.suppliedOn', { date: new Date(o.suppliedAt).toLocaleString() })}
                  </span>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/**
 * One deferred material, supplied: upload the file with progress, wait for the check after upload, then declare
 * it (the supplement closes the obligation). A retry after a failed declaration does not upload the file again;
 * a rejected file is chosen again. The chosen file stays chosen whatever fails.
 */
function SupplyDeferred({ c, o, onDone }: { c: CaseView; o: MaterialObligation; onDone: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File>();
  const [uploaded, setUploaded] = useState<{ file: File; uploadId: string; fileKey: string }>();
  const [percent, setPercent] = useState<number>();
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = `supply-${o.materialId}`;

  const send = async () => {
    const wrong = checkFile(file);
    if (wrong || !file) return setProblem(t(wrong ?? 'apply.fileMissing'));
    setProblem(undefined);
    setError(undefined);
    setBusy(true);
    try {
      let up = uploaded?.file === file ? uploaded : undefined;
      if (!up) {
        up = { file, ...(await uploadMaterial(c.id, o.materialId, file, setPercent)) };
        setUploaded(up);
      }
      const { uploadId, fileKey } = up;
      const checked = await waitForCase(c.id, (v) =>
        (v.uploads ?? []).some((u) => u.uploadId === uploadId && u.status !== 'pending'),
      );
      const rejected = (checked.uploads ?? []).filter(
        (u) => u.uploadId === uploadId && u.status === 'rejected',
      );
      if (rejected.length > 0) {
        setUploaded(undefined);
        throw uploadRejected(rejected);
      }
      await api(`/api/cases/${c.id}/supplements`, {
        method: 'POST',
        body: { materials: [{ materialId: o.materialId, by: 'upload', fileKey }] },
      });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={`file-pick${problem ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {t('apply.chooseFile', { name: o.name })}
      </label>
      <input
        id={id}
        type="file"
        accept={ACCEPT}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`owed-${o.materialId} ${id}-hint${problem ? ` ${id}-error` : ''}`}
        onChange={(e) => {
          setFile(e.target.files?.[0]);
          setPercent(undefined);
        }}
      />
      <p id={`${id}-hint`} className="field__hint">
        {file ? t('apply.fileChosen', { name: file.name, size: formatSize(file.size) }) : t('apply.fileHint')}
      </p>
      {problem && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {problem}
        </p>
      )}
      {percent !== undefined && <Progress percent={percent} />}
      {error !== undefined && <ErrorNotice error={error} onRetry={send} />}
      <Button
        type="primary"
        onClick={send}
        loading={busy}
        aria-label={t('case.supplyName', { name: o.name })}
      >
        {t('case.supply')}
      </Button>
    </div>
  );
}
