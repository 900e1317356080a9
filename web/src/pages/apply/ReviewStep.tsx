import { Button, Descriptions } from 'antd';
import type { Guide } from '../../api/types.ts';
import { applicable } from '../../components/materials.tsx';
import { useI18n } from '../../i18n/i18n.ts';
import { choiceOf, type Draft, type Mode } from './draft.ts';
import { CHOICE_LABEL, formatSize } from './MaterialsStep.tsx';

/** Everything the application will say, with a way back to each part. */
export function ReviewStep({
  guide,
  draft,
  mode,
  files,
  goTo,
}: {
  guide: Guide;
  draft: Draft;
  mode: Mode;
  files: Record<string, File>;
  goTo: (step: 'applicant' | 'details' | 'materials') => void;
}) {
  const { t } = useI18n();
  const a = draft.applicant;
  const edit = (step: 'applicant' | 'details' | 'materials') => (
    <Button type="link" onClick={() => goTo(step)}>
      {t('apply.edit')}
    </Button>
  );
  return (
    <>
      {mode === 'window' && (
        <Descriptions
          title={t('apply.stepApplicant')}
          extra={edit('applicant')}
          column={1}
          bordered
          size="small"
        >
          <Descriptions.Item label={t('apply.applicantKind')}>
            {t(a.kind === 'person' ? 'apply.person' : 'apply.enterprise')}
          </Descriptions.Item>
          <Descriptions.Item label={t('apply.personName')}>{a.name}</Descriptions.Item>
          <Descriptions.Item label={a.kind === 'person' ? t('apply.idNumber') : t('apply.uscc')}>
            {a.kind === 'person' ? a.idNumber : a.uscc}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Descriptions title={t('apply.stepDetails')} extra={edit('details')} column={1} bordered size="small">
        <Descriptions.Item label={t('apply.situations')}>
          {guide.situations
            .filter((s) => draft.situations.includes(s.id))
            .map((s) => s.name)
            .join('、') || t('apply.noSituation')}
        </Descriptions.Item>
        <Descriptions.Item label={t('apply.phone')}>{draft.form.phone}</Descriptions.Item>
        <Descriptions.Item label={t('apply.address')}>{draft.form.address}</Descriptions.Item>
        {draft.form.note && <Descriptions.Item label={t('apply.note')}>{draft.form.note}</Descriptions.Item>}
      </Descriptions>
      <Descriptions
        title={t('apply.stepMaterials')}
        extra={edit('materials')}
        column={1}
        bordered
        size="small"
      >
        {applicable(guide, draft.situations).map((m) => {
          const choice = choiceOf(draft, guide, m, mode);
          const file = files[m.id];
          return (
            <Descriptions.Item key={m.id} label={m.name}>
              {choice ? t(CHOICE_LABEL[choice]) : '—'}
              {choice === 'upload' && file && ` · ${file.name} (${formatSize(file.size)})`}
              {choice === 'upload' &&
                !file &&
                draft.uploaded?.[m.id] &&
                ` · ${draft.uploaded[m.id]!.fileName}`}
            </Descriptions.Item>
          );
        })}
      </Descriptions>
    </>
  );
}
