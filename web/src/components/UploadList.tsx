import { Space } from 'antd';
import type { ReactNode } from 'react';
import type { CaseView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.ts';

export type Upload = NonNullable<CaseView['uploads']>[number];

/** A case's uploads with their check results (a rejected file says why), and what may be done with each. */
export function UploadList({
  uploads,
  action,
  className = 'plain-list',
}: {
  uploads: readonly Upload[];
  action: (u: Upload) => ReactNode;
  className?: string;
}) {
  const { t, pick } = useI18n();
  return (
    <ul className={className}>
      {uploads.map((u) => (
        <li key={u.uploadId}>
          <Space wrap>
            <strong>{u.fileName}</strong>
            <span className="muted">{t(`upload.${u.status}`)}</span>
            {action(u)}
            {u.reasons?.map((r) => (
              <span key={r.code} className="field__error">
                {pick(r.message)}
              </span>
            ))}
          </Space>
        </li>
      ))}
    </ul>
  );
}
