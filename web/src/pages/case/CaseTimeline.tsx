import { Timeline, Typography } from 'antd';
import type { CaseView, Guide } from '../../api/types.ts';
import { type MessageKey, oneLanguage, useI18n } from '../../i18n/i18n.ts';

type AuditRecord = NonNullable<CaseView['timeline']>[number];

/** What happened, where the status alone does not say it (the case stays 审查中 from step to step). */
const ACTION: Record<string, MessageKey> = {
  'next-step': 'timeline.next-step',
  escalate: 'timeline.escalate',
  'supply-material': 'timeline.supply-material',
  pause: 'timeline.pause',
  'resume-clock': 'timeline.resume-clock',
  extend: 'timeline.extend',
  'clock-amber': 'timeline.clock-amber',
  'clock-red': 'timeline.clock-red',
  stall: 'timeline.stall',
  'resume-workflow': 'timeline.resume-workflow',
  'verify-commitment': 'timeline.verify-commitment',
  'verification-overdue': 'timeline.verification-overdue',
  'recompute-dates': 'timeline.recompute-dates',
  'auto-accept': 'timeline.auto-accept',
  return: 'timeline.return',
};

/**
 * 办理过程: each change to the case, oldest first, in the reader's language only: what happened, at which step of
 * the matter's process (受理, 审查, 决定 …), and why.
 */
export function CaseTimeline({
  timeline,
  steps,
}: {
  timeline: AuditRecord[];
  steps?: Guide['processSteps'];
}) {
  const { t, lang } = useI18n();
  if (timeline.length === 0) return null;
  const stepName = (id: string) => steps?.find((s) => s.id === id)?.name ?? id;
  return (
    <section aria-labelledby="case-timeline">
      <Typography.Title level={2} id="case-timeline">
        {t('case.timeline')}
      </Typography.Title>
      <Timeline
        items={timeline.map((r, i) => ({
          key: `${r.at}#${r.action}#${i}`,
          content: (
            <div className="timeline-entry" data-action={r.action}>
              <strong>{new Date(r.at).toLocaleString()}</strong>
              <span>
                {ACTION[r.action] ? t(ACTION[r.action]!) : t(`status.${r.to}`)}
                {r.step && (
                  <span className="timeline-entry__step">
                    {t('timeline.step', { name: stepName(r.step) })}
                  </span>
                )}
              </span>
              {r.reason && <span className="muted">{oneLanguage(r.reason, lang)}</span>}
            </div>
          ),
        }))}
      />
    </section>
  );
}
