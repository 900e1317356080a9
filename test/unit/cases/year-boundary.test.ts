import { describe, expect, it } from 'vitest';
import { acceptFromPrecheck } from '../../../shared/domain/cases/acceptance.ts';
import { acceptedByLapse } from '../../../shared/domain/cases/auto-acceptance.ts';
import { scheduleVerification } from '../../../shared/domain/cases/commitment.ts';
import { overdueObligations, supplyObligation } from '../../../shared/domain/cases/obligations.ts';
import { precheck } from '../../../shared/domain/cases/precheck.ts';
import { recomputeDates } from '../../../shared/domain/cases/recompute.ts';
import { planReminders } from '../../../shared/domain/cases/reminders.ts';
import { calendarWith, defaultCalendar } from '../../../shared/domain/clock/calendar.ts';
import { year2027 } from '../clock/fixtures.ts';
import { APPLICANT, at, caseIn, foodBusinessLicence, WINDOW } from './fixtures.ts';

const CLEAN = { badCredit: false, falseCommitmentRecord: false };
const unpublished = defaultCalendar();

/** 食品经营许可 with the drawings deferred (容缺), accepted on `day` with the real calendar of `calendar`. */
function acceptedOn(day: string, calendar = unpublished) {
  const matter = foodBusinessLicence();
  const result = precheck({
    matter,
    situations: [],
    supplied: {
      uploaded: [{ materialId: 'application', problems: [] }],
      eLicences: ['business-licence', 'legal-rep-id'],
      commitments: ['safety-rules'],
    },
    standing: CLEAN,
    toleranceRequested: true,
  });
  const submitted = caseIn('submitted', { receivedAt: at(day, '09:00'), updatedAt: at(day, '09:00') });
  return acceptFromPrecheck(submitted, matter, result, { actor: WINDOW, at: at(day, '10:00') }, calendar)
    .case;
}

describe('a deferred material due in a year whose schedule is not published', () => {
  it('gets a provisional deadline that names the year it assumed', () => {
    const c = acceptedOn('2026-12-28');
    expect(c.obligations[0]).toMatchObject({ deadline: '2027-01-05', provisionalYears: [2027] });
  });

  it('is never missed on its provisional deadline: the case is not terminated, and a late supply is taken', () => {
    const c = acceptedOn('2026-12-28');
    expect(overdueObligations(c, '2027-01-20')).toEqual([]);
    const supplied = supplyObligation(c, 'floor-plan', { actor: APPLICANT, at: at('2027-01-20') });
    expect(supplied.case.obligations[0]?.status).toBe('supplied');
  });

  it('is not planned for termination; the case waits for the year instead', () => {
    const plan = planReminders(acceptedOn('2026-12-28'), unpublished, '2026-12-28');
    expect(plan.reminders.map((r) => r.kind)).not.toContain('obligations');
    expect(plan.waitingFor).toEqual([2027]);
  });

  it('keeps the later day when the year is loaded and its real deadline is earlier: the applicant loses nothing', () => {
    // A notice that makes Saturday 2 January a working day brings the real deadline a day earlier.
    const earlier = calendarWith([
      year2027({ holidays: ['2027-01-01', '2027-10-01'], workdays: ['2027-01-02'] }),
    ]);
    const c = acceptedOn('2026-12-28');
    const { case: after, record } = recomputeDates(c, foodBusinessLicence(), earlier, {
      year: 2027,
      source: 'test notice',
      at: at('2026-12-29'),
    });
    expect(earlier.addWorkingDays('2026-12-28', 5)).toBe('2027-01-04');
    expect(after.obligations[0]).toEqual(expect.objectContaining({ deadline: '2027-01-05' }));
    expect(after.obligations[0]?.provisionalYears).toBeUndefined();
    expect(record).toMatchObject({ action: 'recompute-dates', from: 'accepted', to: 'accepted' });
    expect(record.reason).toContain('日期未变');
  });

  it('moves to the real, later day when the notice adds a day off, and then is planned for', () => {
    const later = calendarWith([year2027({ holidays: ['2027-01-01', '2027-01-04', '2027-10-01'] })]);
    const c = acceptedOn('2026-12-28');
    const { case: after, record } = recomputeDates(c, foodBusinessLicence(), later, {
      year: 2027,
      source: 'test notice',
      at: at('2026-12-29'),
    });
    expect(after.obligations[0]).toMatchObject({ deadline: '2027-01-06' });
    expect(record.reason).toContain('2027-01-05 → 2027-01-06');
    const plan = planReminders(after, later, '2026-12-29');
    expect(plan.reminders).toContainEqual({ kind: 'obligations', day: '2027-01-07' });
    expect(plan.waitingFor).toEqual([]);
    expect(overdueObligations(after, '2027-01-06')).toEqual([]);
    expect(overdueObligations(after, '2027-01-07').map((o) => o.materialId)).toEqual([
      'floor-plan',
      'equipment-layout',
    ]);
  });
});

describe('a commitment verified in a year whose schedule is not published', () => {
  it('is due on a provisional date, which the real schedule replaces whichever way it moves', () => {
    const approved = caseIn('concluded', {
      decidedAt: at('2026-12-20'),
      commitment: { materialIds: ['safety-rules'], signedAt: at('2026-12-01') },
    });
    const scheduled = scheduleVerification(
      { ...approved, status: 'approved' },
      foodBusinessLicence(),
      unpublished,
    );
    const verification = scheduled.obligations.find((o) => o.kind === 'verification');
    expect(verification).toMatchObject({ provisionalYears: [2027] });
    const loaded = calendarWith([year2027()]);
    const { case: after } = recomputeDates(
      { ...scheduled, status: 'concluded' },
      foodBusinessLicence(),
      loaded,
      {
        year: 2027,
        source: 'test notice',
        at: at('2026-12-21'),
      },
    );
    const recomputed = after.obligations.find((o) => o.kind === 'verification');
    expect(recomputed?.deadline).toBe(loaded.addWorkingDays('2026-12-20', 20));
    expect(recomputed?.provisionalYears).toBeUndefined();
  });
});

describe('the check period of Art. 32 reaching into an unpublished year', () => {
  it('does not lapse on a provisional deadline, however late it is', () => {
    const c = caseIn('submitted', { receivedAt: at('2026-12-29') });
    expect(acceptedByLapse(c, '2027-02-01', unpublished)).toMatchObject({
      lapsed: false,
      provisionalYears: [2027],
    });
    expect(acceptedByLapse(c, '2027-02-01', calendarWith([year2027()])).lapsed).toBe(true);
  });
});
