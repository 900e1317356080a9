import type { ImplementationItem } from '../catalog/model.ts';
import { applicantDeadline } from '../clock/provisional.ts';
import { SYSTEM_ACTOR } from './actors.ts';
import { verificationDue } from './commitment.ts';
import { type AuditRecord, type Case, dayOf, type Obligation, type WorkingDays } from './model.ts';
import { obligationDeadline } from './obligations.ts';

/**
 * A year's holiday schedule became known (clock/provisional.ts): the case's stored dates that assumed it are
 * computed again. A deferred material's deadline, which the applicant was given, keeps the later of the two
 * days; the department's own verification date takes the real one. The record is written even when no date
 * moved: it says the schedule was applied, and its event has the case's reminders planned again (a held
 * lapse or red warning may now be due).
 */
export function recomputeDates(
  c: Case,
  matter: ImplementationItem,
  days: WorkingDays,
  input: { year: number; source: string; at: string },
): { case: Case; record: AuditRecord } {
  const moved: string[] = [];
  const obligations = c.obligations.map((o): Obligation => {
    if (!o.provisionalYears || o.status !== 'open') return o;
    const recomputed = again(o, c, matter, days);
    if (recomputed.provisionalYears) return { ...o, ...recomputed };
    const { provisionalYears: _assumed, ...rest } = o;
    const deadline =
      o.kind === 'material' ? applicantDeadline(o.deadline, recomputed.deadline) : recomputed.deadline;
    if (deadline !== o.deadline)
      moved.push(`${o.kind === 'material' ? o.name : '核查'} ${o.deadline} → ${deadline}`);
    return { ...rest, deadline };
  });
  const reason =
    `已按 ${input.year} 年节假日安排（${input.source}）重新计算期限` +
    (moved.length > 0 ? `：${moved.join('；')}` : '，日期未变') +
    ` / deadlines recomputed with the ${input.year} holiday schedule` +
    (moved.length > 0 ? `: ${moved.join('; ')}` : ': no date moved');
  const next: Case = { ...c, obligations, updatedAt: laterOf(input.at, c.updatedAt) };
  const record: AuditRecord = {
    caseId: c.id,
    at: next.updatedAt,
    actor: { subject: SYSTEM_ACTOR.subject, roles: [...SYSTEM_ACTOR.roles] },
    action: 'recompute-dates',
    from: c.status,
    to: c.status,
    reason,
    step: c.step,
  };
  return { case: next, record };
}

function again(o: Obligation, c: Case, matter: ImplementationItem, days: WorkingDays) {
  if (o.kind === 'material') return obligationDeadline(matter, dayOf(c.acceptedAt ?? c.createdAt), days);
  return verificationDue(matter, dayOf(c.decidedAt ?? c.updatedAt), days);
}

// A record never goes back in time on a case, even if the clocks of two writers differ slightly.
const laterOf = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
