import { Progress as Bar } from 'antd';
import type { Guide } from '../../api/types.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.ts';
import type { Mode } from './draft.ts';
import type { Progress, Stage } from './submit.ts';

const ONLINE: { stage: Stage; label: MessageKey }[] = [
  { stage: 'draft', label: 'apply.stageDraft' },
  { stage: 'upload', label: 'apply.stageUpload' },
  { stage: 'check', label: 'apply.stageCheck' },
  { stage: 'submit', label: 'apply.stageSubmit' },
  { stage: 'precheck', label: 'apply.stagePrecheck' },
];
// At a window nothing is uploaded: the application is submitted at once.
const AT_WINDOW = ONLINE.filter((s) => s.stage === 'submit');

/** Where the submission is: each stage, and each file's upload in percent. */
export function SubmitProgress({ progress, guide, mode }: { progress: Progress; guide: Guide; mode: Mode }) {
  const { t } = useI18n();
  const STAGES = mode === 'window' ? AT_WINDOW : ONLINE;
  const at = progress.stage === 'done' ? STAGES.length : STAGES.findIndex((s) => s.stage === progress.stage);
  return (
    <div className="submit-progress" aria-live="polite">
      <ol>
        {STAGES.map((s, i) => (
          <li key={s.stage} className={i < at ? 'is-done' : i === at ? 'is-active' : ''}>
            {t(s.label)}
            {i < at && <span className="visually-hidden"> {t('apply.stageDone')}</span>}
          </li>
        ))}
      </ol>
      {Object.entries(progress.percent).map(([id, percent]) => (
        <div key={id} className="upload-row">
          <span id={`up-${id}`}>{guide.materials.find((m) => m.id === id)?.name ?? id}</span>
          <Bar percent={percent} aria-labelledby={`up-${id}`} />
        </div>
      ))}
    </div>
  );
}
