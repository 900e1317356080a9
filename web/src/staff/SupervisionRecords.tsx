import { Tag, Typography } from 'antd';
import type { StaffCaseView } from '../api/types.ts';
import { DataTable } from '../components/DataTable.tsx';
import { type MessageKey, useI18n } from '../i18n/i18n.ts';

type SupervisionRecord = NonNullable<StaffCaseView['supervision']>[number];

const KIND: Record<string, MessageKey> = {
  inspection: 'regulation.inspection',
  penalty: 'regulation.penalty',
  warning: 'regulation.warning',
  'correction-order': 'regulation.correction-order',
};

/** 审管协同: what regulators recorded on the applicant (inspections, penalties …), newest first. */
export function SupervisionRecords({ records }: { records: StaffCaseView['supervision'] }) {
  const { t } = useI18n();
  if (!records || records.length === 0) return null;
  return (
    <section aria-labelledby="task-supervision">
      <Typography.Title level={2} id="task-supervision">
        {t('task.supervision')}
      </Typography.Title>
      <p className="muted">{t('task.supervisionHint')}</p>
      <DataTable<SupervisionRecord>
        label={t('task.supervision')}
        rowKey={(r) => `${r.regulator.department}#${r.recordId}`}
        rows={records}
        size="small"
        columns={[
          {
            title: t('regulation.recordedAt'),
            key: 'recordedAt',
            render: (r) => new Date(r.recordedAt).toLocaleDateString(),
          },
          {
            title: t('regulation.kind'),
            key: 'kind',
            render: (r) => <Tag>{KIND[r.kind] ? t(KIND[r.kind]!) : r.kind}</Tag>,
          },
          { title: t('regulation.result'), key: 'result', render: (r) => r.result },
          { title: t('regulation.summary'), key: 'summary', render: (r) => r.summary },
          {
            title: t('regulation.regulator'),
            key: 'regulator',
            render: (r) => `${r.regulator.department} · ${r.regulator.region}`,
          },
        ]}
      />
    </section>
  );
}
