import { Tag } from 'antd';
import type { CaseView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.ts';

const COLOR: Record<string, string> = {
  'correction-requested': 'orange',
  approved: 'green',
  concluded: 'green',
  denied: 'red',
  'not-accepted': 'red',
  terminated: 'red',
  revoked: 'red',
  withdrawn: 'default',
  draft: 'default',
};

export function StatusTag({ c }: { c: Pick<CaseView, 'status' | 'statusLabel'> }) {
  const { pick } = useI18n();
  return (
    <Tag color={COLOR[c.status] ?? 'blue'} data-status={c.status}>
      {pick(c.statusLabel)}
    </Tag>
  );
}
