import { Tag } from 'antd';
import type { CaseView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.ts';

/** A case that ended has no clock left to show. */
const CLOSED: CaseView['status'][] = [
  'approved',
  'concluded',
  'denied',
  'not-accepted',
  'withdrawn',
  'terminated',
  'revoked',
];

const COLOR = { green: 'green', amber: 'orange', red: 'red', paused: 'default' } as const;

/**
 * The legal clock of a case, in working days against its promised limit: green, amber when 80% is used, red
 * when overdue, or paused (时限中止). Colour is never the only sign: the words say the same.
 */
export function Clock({ clock, status }: { clock: CaseView['clock']; status: CaseView['status'] }) {
  const { t } = useI18n();
  if (CLOSED.includes(status)) return null;
  if (!clock) return <span className="muted">{t('clock.notStarted')}</span>;
  const words =
    clock.status === 'paused'
      ? t('clock.paused')
      : clock.status === 'red'
        ? t('clock.overdue', { n: Math.abs(clock.remainingDays ?? 0) })
        : t('clock.remaining', { n: clock.remainingDays ?? 0 });
  const provisional = (clock.provisionalYears?.length ?? 0) > 0;
  return (
    <span className={`clock clock--${clock.status}`} data-clock={clock.status}>
      <Tag color={COLOR[clock.status]}>{t(`clock.${clock.status}`)}</Tag>
      {words}
      {clock.deadline && (
        <span className="muted">
          {' · '}
          {t('clock.deadline', { date: clock.deadline.slice(0, 10) })}
          {provisional && <span data-provisional="true">{t('clock.provisional')}</span>}
        </span>
      )}
    </span>
  );
}

/** A deadline as amber or red against today, for lists that carry only the date (the reviewer's inbox). */
/** A deadline is a day in China (YYYY-MM-DD): on time until that day ends there, wherever the browser is. */
export const endOfDay = (deadline: string) =>
  new Date(/^\d{4}-\d{2}-\d{2}$/.test(deadline) ? `${deadline}T23:59:59+08:00` : deadline).getTime();

export function deadlineStatus(
  deadline: string,
  openedAt: string,
  now = Date.now(),
): 'green' | 'amber' | 'red' {
  const end = endOfDay(deadline);
  const start = new Date(openedAt).getTime();
  if (now > end) return 'red';
  return end > start && (now - start) / (end - start) >= 0.8 ? 'amber' : 'green';
}
