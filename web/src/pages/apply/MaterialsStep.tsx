import { Checkbox, Radio, Typography } from 'antd';
import type { Guide, MaterialChoice } from '../../api/types.ts';
import { ACCEPT } from '../../api/uploads.ts';
import { applicable, MaterialTags } from '../../components/materials.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.ts';
import { choiceOf, choicesFor, type Draft, type Mode, type Problems } from './draft.ts';

export const CHOICE_LABEL: Record<MaterialChoice, MessageKey> = {
  upload: 'apply.byUpload',
  'e-licence': 'apply.byLicence',
  commitment: 'apply.byCommitment',
  defer: 'apply.byDefer',
};

export const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** How each material will be supplied; the commitment and the 容缺 undertaking are signed here when chosen. */
export function MaterialsStep({
  guide,
  draft,
  mode,
  files,
  onChange,
  onFile,
  problems,
}: {
  guide: Guide;
  draft: Draft;
  mode: Mode;
  files: Record<string, File>;
  onChange: (d: Draft) => void;
  onFile: (materialId: string, file: File | undefined) => void;
  problems: Problems;
}) {
  const { t } = useI18n();
  const materials = applicable(guide, draft.situations);
  const choices = materials.map((m) => choiceOf(draft, guide, m, mode));
  return (
    <>
      {mode === 'window' && <p className="field__hint">{t('apply.windowNoUpload')}</p>}
      <ol className="material-steps">
        {materials.map((m, i) => {
          const choice = choices[i];
          const error = problems[`material.${m.id}`];
          return (
            <li key={m.id}>
              <fieldset className="fieldset" aria-describedby={error ? `m-${m.id}-error` : undefined}>
                <legend>
                  {m.name} <MaterialTags guide={guide} material={m} t={t} />
                </legend>
                <Radio.Group
                  name={`choice-${m.id}`}
                  value={choice}
                  onChange={(e) =>
                    onChange({ ...draft, choices: { ...draft.choices, [m.id]: e.target.value } })
                  }
                  options={choicesFor(guide, m, mode, draft).map((c) => ({
                    value: c,
                    label: t(CHOICE_LABEL[c]),
                  }))}
                />
                {choice === 'upload' && (
                  <div className="file-pick">
                    <label htmlFor={`file-${m.id}`} className="field__label">
                      {t('apply.chooseFile', { name: m.name })}
                    </label>
                    <input
                      id={`file-${m.id}`}
                      type="file"
                      accept={ACCEPT}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={`file-${m.id}-hint${error ? ` m-${m.id}-error` : ''}`}
                      onChange={(e) => onFile(m.id, e.target.files?.[0])}
                    />
                    <p id={`file-${m.id}-hint`} className="field__hint">
                      {files[m.id]
                        ? t('apply.fileChosen', {
                            name: files[m.id]!.name,
                            size: formatSize(files[m.id]!.size),
                          })
                        : draft.uploaded?.[m.id]
                          ? t('apply.fileUploaded', { name: draft.uploaded[m.id]!.fileName })
                          : t('apply.fileHint')}
                    </p>
                  </div>
                )}
                {choice === 'defer' && <p className="field__hint">{t('apply.deferHint')}</p>}
                {!choice && mode === 'window' && (
                  <p className="field__hint">{t('apply.noLicenceAtWindow')}</p>
                )}
                {error && (
                  <p id={`m-${m.id}-error`} className="field__error">
                    {t(error)}
                  </p>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {choices.includes('commitment') && (
        <div className={`sign-box${problems.commitment ? ' field--error' : ''}`}>
          <Typography.Title level={3}>{t('apply.commitmentTitle')}</Typography.Title>
          {guide.commitment.text && <blockquote className="quote">{guide.commitment.text}</blockquote>}
          <Checkbox
            checked={draft.commitmentSigned}
            aria-describedby={problems.commitment ? 'commitment-error' : undefined}
            onChange={(e) => onChange({ ...draft, commitmentSigned: e.target.checked })}
          >
            {t('apply.commitmentSign')}
          </Checkbox>
          {problems.commitment && (
            <p id="commitment-error" className="field__error">
              {t(problems.commitment)}
            </p>
          )}
        </div>
      )}
      {choices.includes('defer') && (
        <div className={`sign-box${problems.tolerance ? ' field--error' : ''}`}>
          <Typography.Title level={3}>{t('apply.toleranceTitle')}</Typography.Title>
          <p>{t('apply.toleranceText')}</p>
          <Checkbox
            checked={draft.toleranceSigned}
            aria-describedby={problems.tolerance ? 'tolerance-error' : undefined}
            onChange={(e) => onChange({ ...draft, toleranceSigned: e.target.checked })}
          >
            {t('apply.toleranceSign')}
          </Checkbox>
          {problems.tolerance && (
            <p id="tolerance-error" className="field__error">
              {t(problems.tolerance)}
            </p>
          )}
        </div>
      )}
    </>
  );
}
