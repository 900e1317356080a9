import { Checkbox, Input } from 'antd';
import type { Guide } from '../../api/types.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.ts';
import type { Draft, Problems } from './draft.ts';

/** The applicant's 办理情形 (which decide the conditional materials) and the application form. */
export function DetailsStep({
  guide,
  draft,
  onChange,
  problems,
}: {
  guide: Guide;
  draft: Draft;
  onChange: (d: Draft) => void;
  problems: Problems;
}) {
  const { t } = useI18n();
  const err = (k: string) => (problems[k] ? t(problems[k]) : undefined);
  const form = (k: keyof Draft['form'], v: string) => onChange({ ...draft, form: { ...draft.form, [k]: v } });
  return (
    <>
      {guide.situations.length > 0 && (
        <fieldset className="fieldset">
          <legend>{t('apply.situations')}</legend>
          <p className="field__hint">{t('apply.situationsHint')}</p>
          <Checkbox.Group
            className="stacked"
            value={draft.situations}
            onChange={(v) => onChange({ ...draft, situations: v as string[] })}
            options={guide.situations.map((s) => ({ value: s.id, label: s.name }))}
          />
        </fieldset>
      )}
      <Field
        id="form-phone"
        label={t('apply.phone')}
        hint={t('apply.phoneHint')}
        required
        error={err('form.phone')}
      >
        {(p) => (
          <Input
            {...p}
            value={draft.form.phone}
            inputMode="tel"
            autoComplete="tel"
            maxLength={24}
            onChange={(e) => form('phone', e.target.value)}
          />
        )}
      </Field>
      <Field id="form-address" label={t('apply.address')} required error={err('form.address')}>
        {(p) => (
          <Input
            {...p}
            value={draft.form.address}
            autoComplete="street-address"
            onChange={(e) => form('address', e.target.value)}
          />
        )}
      </Field>
      <Field id="form-note" label={t('apply.note')}>
        {(p) => (
          <Input.TextArea
            {...p}
            value={draft.form.note}
            rows={3}
            maxLength={2000}
            onChange={(e) => form('note', e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
