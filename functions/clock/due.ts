import { z } from 'zod';
import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { CaseStore } from '../../shared/adapters/case-store.ts';
import { CatalogStore } from '../../shared/adapters/catalog-store.ts';
import { nowIso, today as todayInChina } from '../../shared/adapters/clock.ts';
import { creditRecords } from '../../shared/adapters/credit.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventHandler, eventOf } from '../../shared/adapters/event-handler.ts';
import { OverdueStore } from '../../shared/adapters/overdue-store.ts';
import { TaskStore } from '../../shared/adapters/task-store.ts';
import { stopApproval } from '../../shared/adapters/workflow.ts';
import { acceptByLapse, acceptedByLapse } from '../../shared/domain/cases/auto-acceptance.ts';
import { warnClock } from '../../shared/domain/cases/clock-record.ts';
import { remindVerification } from '../../shared/domain/cases/commitment.ts';
import { dayOf } from '../../shared/domain/cases/model.ts';
import { overdueObligations, terminateOverdue } from '../../shared/domain/cases/obligations.ts';
import { MatterNotFoundError } from '../../shared/domain/catalog/errors.ts';

const cases = new CaseStore(documents, requiredEnv('CASES_TABLE'));
const tasks = new TaskStore(documents, requiredEnv('CASES_TABLE'));
const calendars = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));
const overdue = new OverdueStore(documents, requiredEnv('CASES_TABLE'));
const catalog = new CatalogStore(documents, requiredEnv('MATTERS_TABLE'));
const credit = creditRecords(documents, requiredEnv('CASES_TABLE'));

const Detail = z.object({
  caseId: z.string().min(1),
  kind: z.enum(['lapse', 'obligations', 'amber', 'red', 'verification']),
  scheduledTime: z.iso.datetime({ offset: true }),
});

/**
 * A reminder came due. `lapse`: an application still unchecked 5 working days after receipt counts as accepted
 * from receipt (行政许可法 Art. 32); a workflow still running goes on to review it. `obligations`: a deferred material (容缺) still missing ends the case (终止), its open
 * review task expires and its workflow stops. `amber`/`red`: the warning is recorded on the case, once per
 * deadline, and so reaches the department and the applicant. Nothing is done on a provisional date (a year
 * whose holiday schedule is not published, shared/domain/clock/provisional.ts): the case waits for the year. Judged on the day the reminder was due (a late
 * delivery does not move the day); anything the case did meanwhile (supplied, paused, extended) is respected.
 * A write lost to a concurrent change throws, and EventBridge delivers the reminder again.
 */
export const handler = eventHandler({ input: eventOf(Detail) }, async ({ detail }) => {
  const { caseId, kind, scheduledTime } = detail;
  const c = await cases.get(caseId);
  if (!c) return { done: 'no such case' };
  const at = nowIso();
  const today = [todayInChina(), dayOf(scheduledTime)].sort()[1]!;
  const calendar = await calendars.calendar();

  if (kind === 'lapse') {
    if (c.status !== 'submitted') return { done: 'checked in time' };
    // Not yet, or on a provisional deadline: the year's schedule, once known, plans it again.
    if (!acceptedByLapse(c, today, calendar).lapsed) return { done: 'not lapsed' };
    const accepted = acceptByLapse(c, at, calendar, today);
    const matter = await catalog.pinned(c);
    if (!matter) throw new MatterNotFoundError(c.matter);
    // The clock runs from receipt, against the promised limit of the pinned version.
    const clock = { limitDays: matter.promisedLimitDays, pauses: [], extensions: [] };
    await cases.transition(c, { ...accepted.case, clock }, accepted.record);
    return { done: 'accepted by lapse' };
  }
  if (kind === 'obligations') {
    if (overdueObligations(c, today).length === 0) return { done: 'nothing overdue' };
    const ended = terminateOverdue(c, at, today);
    // The missed deadline goes on the applicant's credit record in the same write: 容缺 is not offered again
    // for a while (shared/adapters/credit.ts).
    const missed = overdueObligations(c, today).map((o) => o.materialId);
    const record = credit.missedTolerance({ idHash: c.applicant.idHash, caseId, at, materials: missed });
    await cases.transition(c, ended.case, ended.record, { also: [record] });
    const open = await tasks.openTaskOf(caseId);
    if (open) await tasks.expire(open);
    await stopApproval(c, 'terminated: deferred materials not supplied in time');
    return { done: 'terminated' };
  }
  if (kind === 'verification') {
    const reminded = remindVerification(c, { today, at });
    if (!reminded) return { done: 'nothing to remind' };
    await cases.transition(c, reminded.case, reminded.record);
    return { done: 'verification reminded' };
  }
  const warning = warnClock(c, kind, { calendar, today, at });
  if (!warning) return { done: 'no warning due' };
  // 红灯: a case past its deadline is listed for the supervisors of its region until it is decided.
  const also = kind === 'red' ? [overdue.listing(c, warning.case.clock!.warned!.red!, at)] : [];
  await cases.transition(c, warning.case, warning.record, { also });
  return { done: `warned ${kind}` };
});
