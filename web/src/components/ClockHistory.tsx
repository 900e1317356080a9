import { Tag, Typography } from 'antd';
import type { CaseView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.ts';

const day = (d: string) => d.slice(0, 10);

/**
 * What moved the legal clock: each pause (时限中止: a correction, a hearing, an inspection …) with its days and
 * reason, and each extension (延长) with its days, the day it was approved and the reason told the applicant.
 */
export function ClockHistory({ clock }: { clock: CaseView['clock'] }) {
  const { t } = useI18n();
  const pauses = clock?.pauses ?? [];
  const extensions = clock?.extensions ?? [];
  if (pauses.length === 0 && extensions.length === 0) return null;
  return (
    <section aria-labelledby="clock-history" className="clock-history">
      <Typography.Title level={2} id="clock-history">
        {t('clock.history')}
      </Typography.Title>
      {pauses.length > 0 && (
        <>
          <Typography.Title level={3}>{t('clock.pauses')}</Typography.Title>
          <ul className="plain-list">
            {pauses.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a clock's pauses and extensions are only ever appended
              <li key={i}>
                <Tag>{t(`pause.${p.type}`)}</Tag>
                {p.end
                  ? t('clock.pauseRange', { start: day(p.start), end: day(p.end) })
                  : t('clock.pauseOpen', { start: day(p.start) })}
                <div className="muted">{p.reason}</div>
              </li>
            ))}
          </ul>
        </>
      )}
      {extensions.length > 0 && (
        <>
          <Typography.Title level={3}>{t('clock.extensions')}</Typography.Title>
          <ul className="plain-list">
            {extensions.map((x, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a clock's pauses and extensions are only ever appended
              <li key={i}>
                {t('clock.extension', { n: x.days, date: day(x.approvedOn) })}
                <div className="muted">{x.reason}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
