import { describe, expect, it } from 'vitest';
import { acceptFromPrecheck, requestCorrection } from '../../../shared/domain/cases/acceptance.ts';
import { CaseError } from '../../../shared/domain/cases/errors.ts';
import { transition } from '../../../shared/domain/cases/lifecycle.ts';
import {
  obligationDeadline,
  overdueObligations,
  resultBlocked,
  supplyObligation,
  terminateOverdue,
} from '../../../shared/domain/cases/obligations.ts';
import { precheck } from '../../../shared/domain/cases/precheck.ts';
import { APPLICANT, addWeekdays, at, caseIn, foodBusinessLicence, REVIEWER, WINDOW } from './fixtures.ts';

const CLEAN = { badCredit: false, falseCommitmentRecord: false };

/** The drawings are missing; the applicant asked for 容缺. */
function tolerable(matter = foodBusinessLicence()) {
  return precheck({
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
}

/** Accepted on Thursday 2025-09-04. */
function acceptedWithTolerance(matter = foodBusinessLicence(), config = {}) {
  return acceptFromPrecheck(
    caseIn('submitted'),
    matter,
    tolerable(matter),
    { actor: WINDOW, at: at('2025-09-04', '10:00') },
    addWeekdays,
    config,
  );
}

describe('tolerance obligations', () => {
  it('given a tolerable application, when accepted, then each missing material is due 5 working days later', () => {
    const { case: c, record } = acceptedWithTolerance();
    expect(c.status).toBe('accepted');
    expect(c.obligations).toEqual([
      {
        kind: 'material',
        materialId: 'floor-plan',
        name: '经营场所平面图',
        deadline: '2025-09-11',
        status: 'open',
      },
      {
        kind: 'material',
        materialId: 'equipment-layout',
        name: '设备布局和工艺流程图',
        deadline: '2025-09-11',
        status: 'open',
      },
    ]);
    expect(c.commitment).toEqual({ materialIds: ['safety-rules'], signedAt: at('2025-09-01') });
    expect(record.reason).toContain('容缺受理');
  });

  it('never sets a deadline beyond the promised time limit', () => {
    const quick = foodBusinessLicence({ promisedLimitDays: 3 });
    expect(acceptedWithTolerance(quick).case.obligations.map((o) => o.deadline)).toEqual([
      '2025-09-09',
      '2025-09-09',
    ]);
    expect(obligationDeadline(quick, '2025-09-04', addWeekdays, { toleranceDays: 2 })).toEqual({
      deadline: '2025-09-08',
    });
  });

  it('takes the number of working days from the configuration', () => {
    expect(
      acceptedWithTolerance(foodBusinessLicence(), { toleranceDays: 1 }).case.obligations[0]?.deadline,
    ).toBe('2025-09-05');
  });

  it('holds back the approval until every deferred material is supplied', () => {
    let c = transition(acceptedWithTolerance().case, 'under-review', {
      actor: REVIEWER,
      at: at('2025-09-05'),
      step: 'review',
    }).case;
    expect(resultBlocked(c)).toBe(true);
    expect(() => transition(c, 'approved', { actor: REVIEWER, at: at('2025-09-08') })).toThrow(
      /floor-plan|经营场所平面图/,
    );
    c = supplyObligation(c, 'floor-plan', { actor: APPLICANT, at: at('2025-09-08') }).case;
    const last = supplyObligation(c, 'equipment-layout', { actor: APPLICANT, at: at('2025-09-11', '16:59') });
    expect(last.record).toMatchObject({
      action: 'supply-material',
      from: 'under-review',
      to: 'under-review',
    });
    expect(resultBlocked(last.case)).toBe(false);
    expect(transition(last.case, 'approved', { actor: REVIEWER, at: at('2025-09-12') }).case.status).toBe(
      'approved',
    );
  });

  it('refuses a deferred material supplied after its deadline, or by someone other than the applicant', () => {
    const { case: c } = acceptedWithTolerance();
    const late = () => supplyObligation(c, 'floor-plan', { actor: APPLICANT, at: at('2025-09-12') });
    expect(late).toThrow(expect.objectContaining({ code: 'OBLIGATION_MISSED' }));
    const stranger = () => supplyObligation(c, 'floor-plan', { actor: REVIEWER, at: at('2025-09-05') });
    expect(stranger).toThrow(expect.objectContaining({ code: 'NOT_PERMITTED' }));
  });

  it('finds nothing overdue on the deadline day, and the missed obligations the day after', () => {
    const { case: c } = acceptedWithTolerance();
    expect(overdueObligations(c, '2025-09-11')).toEqual([]);
    expect(overdueObligations(c, '2025-09-12').map((o) => o.materialId)).toEqual([
      'floor-plan',
      'equipment-layout',
    ]);
  });

  it('given an overdue obligation, when the timer runs, then the case is terminated naming what was missed', () => {
    const { case: c, record } = terminateOverdue(acceptedWithTolerance().case, at('2025-09-12', '00:05'));
    expect(c).toMatchObject({ status: 'terminated', closedAt: at('2025-09-12', '00:05') });
    expect(record).toMatchObject({ action: 'terminate', actor: { subject: 'system' } });
    expect(record.reason).toContain('经营场所平面图（2025-09-11）');
  });

  it('does not terminate a case whose deferred materials are still in time', () => {
    expect(() => terminateOverdue(acceptedWithTolerance().case, at('2025-09-11', '23:00'))).toThrow(
      CaseError,
    );
  });
});

describe('acceptance and correction after the pre-check', () => {
  const incomplete = () =>
    precheck({
      matter: foodBusinessLicence(),
      situations: ['agent'],
      supplied: { uploaded: [], eLicences: [], commitments: [] },
      standing: CLEAN,
      toleranceRequested: false,
    });

  it('accepts a complete application without obligations', () => {
    const complete = precheck({
      matter: foodBusinessLicence(),
      situations: [],
      supplied: {
        uploaded: ['application', 'floor-plan', 'equipment-layout', 'safety-rules'].map((materialId) => ({
          materialId,
          problems: [],
        })),
        eLicences: ['business-licence', 'legal-rep-id'],
        commitments: [],
      },
      standing: CLEAN,
      toleranceRequested: false,
    });
    const { case: c } = acceptFromPrecheck(
      caseIn('submitted'),
      foodBusinessLicence(),
      complete,
      { actor: WINDOW, at: at('2025-09-02') },
      addWeekdays,
    );
    expect(c).toMatchObject({ status: 'accepted', obligations: [], commitment: undefined });
  });

  it('refuses to accept an application that needs correction', () => {
    const accept = () =>
      acceptFromPrecheck(
        caseIn('submitted'),
        foodBusinessLicence(),
        incomplete(),
        { actor: WINDOW, at: at('2025-09-02') },
        addWeekdays,
      );
    expect(accept).toThrow(expect.objectContaining({ code: 'PRECHECK_INCOMPLETE' }));
  });

  it('sends the one-time notice, keeps it on the case, and takes the corrections back as a new receipt', () => {
    const asked = requestCorrection(caseIn('submitted'), incomplete(), {
      actor: WINDOW,
      at: at('2025-09-02'),
    });
    expect(asked.case.status).toBe('correction-requested');
    expect(asked.case.notices).toHaveLength(1);
    expect(asked.case.notices[0]?.items).toHaveLength(8);
    expect(asked.case.notices[0]?.issuedAt).toBe(at('2025-09-02'));
    expect(asked.record.reason).toContain('需补正8项材料');
    const corrected = transition(asked.case, 'corrected', { actor: APPLICANT, at: at('2025-09-03') }).case;
    const again = transition(corrected, 'submitted', {
      actor: APPLICANT,
      at: at('2025-09-03', '09:05'),
    }).case;
    expect(again).toMatchObject({ status: 'submitted', receivedAt: at('2025-09-03', '09:05') });
  });
});
