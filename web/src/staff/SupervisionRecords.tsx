import { Table, Tag, Typography } from 'antd';
import type { StaffCaseView } from '../api/types.ts';
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
      <Table<SupervisionRecord>
        rowKey={(r) => `${r.regulator.department}#${r.recordId}`}
        dataSource={records}
        pagination={false}
        size="small"
        scroll={{ x: true }}
        columns={[
          {
            title: t('regulation.recordedAt'),
            key: 'recordedAt',
            render: (_, r) => new Date(r.recordedAt).toLocaleDateString(),
          },
          {
            title: t('regulation.kind'),
            key: 'kind',
            render: (_, r) => <Tag>{KIND[r.kind] ? t(KIND[r.kind]!) : r.kind}</Tag>,
          },
          { title: t('regulation.result'), dataIndex: 'result' },
          { title: t('regulation.summary'), dataIndex: 'summary' },
          {
            title: t('regulation.regulator'),
            key: 'regulator',
            render: (_, r) => `${r.regulator.department} · ${r.regulator.region}`,
          },
        ]}
      />
    </section>
  );
}
