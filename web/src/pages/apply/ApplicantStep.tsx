import { Input, Radio } from 'antd';
import type { WindowApplicant } from '../../api/types.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.ts';
import type { Problems } from './draft.ts';

/** Window staff name the applicant they serve (帮办代办): a person by ID number, an enterprise by credit code. */
export function ApplicantStep({
  applicant,
  onChange,
  problems,
}: {
  applicant: WindowApplicant;
  onChange: (a: WindowApplicant) => void;
  problems: Problems;
}) {
  const { t } = useI18n();
  const err = (k: string) => (problems[k] ? t(problems[k]) : undefined);
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t('apply.applicantKind')}</legend>
        <Radio.Group
          value={applicant.kind}
          onChange={(e) =>
            onChange(
              e.target.value === 'person'
                ? { kind: 'person', name: applicant.name, idNumber: '', phone: applicant.phone }
                : { kind: 'enterprise', name: applicant.name, uscc: '', phone: applicant.phone },
            )
          }
          options={[
            { value: 'person', label: t('apply.person') },
            { value: 'enterprise', label: t('apply.enterprise') },
          ]}
        />
      </fieldset>
      <Field
        id="applicant-name"
        label={t(applicant.kind === 'person' ? 'apply.personName' : 'apply.enterpriseName')}
        required
        error={err('applicant.name')}
      >
        {(p) => (
          <Input
            {...p}
            value={applicant.name}
            autoComplete="off"
            onChange={(e) => onChange({ ...applicant, name: e.target.value })}
          />
        )}
      </Field>
      {applicant.kind === 'person' ? (
        <Field
          id="applicant-id"
          label={t('apply.idNumber')}
          hint={t('apply.idNumberHint')}
          required
          error={err('applicant.idNumber')}
        >
          {(p) => (
            <Input
              {...p}
              value={applicant.idNumber}
              maxLength={30}
              autoComplete="off"
              onChange={(e) => onChange({ ...applicant, idNumber: e.target.value.toUpperCase() })}
            />
          )}
        </Field>
      ) : (
        <Field
          id="applicant-uscc"
          label={t('apply.uscc')}
          hint={t('apply.usccHint')}
          required
          error={err('applicant.uscc')}
        >
          {(p) => (
            <Input
              {...p}
              value={applicant.uscc}
              maxLength={30}
              autoComplete="off"
              onChange={(e) => onChange({ ...applicant, uscc: e.target.value.toUpperCase() })}
            />
          )}
        </Field>
      )}
      <Field id="applicant-phone" label={t('apply.applicantPhone')} error={err('applicant.phone')}>
        {(p) => (
          <Input
            {...p}
            value={applicant.phone ?? ''}
            inputMode="tel"
            autoComplete="off"
            maxLength={24}
            onChange={(e) => onChange({ ...applicant, phone: e.target.value || undefined })}
          />
        )}
      </Field>
    </>
  );
}
