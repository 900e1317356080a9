import { describe, expect, it } from 'vitest';
import {
  commitmentEligibility,
  scheduleVerification,
  verificationDue,
  verify,
} from '../../../shared/domain/cases/commitment.ts';
import type { Case } from '../../../shared/domain/cases/model.ts';
import {
  addWeekdays,
  at,
  caseIn,
  foodBusinessLicence,
  OTHER_DEPARTMENT_REVIEWER,
  REVIEWER,
  WINDOW,
} from './fixtures.ts';

/** Approved on Monday 2025-09-15, with 食品安全管理制度 replaced by the applicant's commitment. */
const approved = (): Case =>
  caseIn('approved', {
    acceptedAt: at('2025-09-02'),
    decidedAt: at('2025-09-15', '15:00'),
    updatedAt: at('2025-09-15', '15:00'),
    commitment: { materialIds: ['safety-rules'], signedAt: at('2025-09-01') },
  });

const scheduled = () => scheduleVerification(approved(), foodBusinessLicence(), addWeekdays);

describe('commitment (告知承诺)', () => {
  it('gives every reason it is refused at once', () => {
    const result = commitmentEligibility(foodBusinessLicence({ commitment: { offered: false } }), {
      badCredit: true,
      falseCommitmentRecord: true,
    });
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual([
      'COMMITMENT_NOT_OFFERED',
      'COMMITMENT_FALSE_RECORD',
      'COMMITMENT_BAD_CREDIT',
    ]);
    expect(
      commitmentEligibility(foodBusinessLicence(), { badCredit: false, falseCommitmentRecord: false }),
    ).toEqual({
      eligible: true,
      reasons: [],
    });
  });

  it("dates the verification by the matter's own period, else by the configured default of 30 working days", () => {
    expect(verificationDue(foodBusinessLicence(), '2025-09-15', addWeekdays)).toEqual({
      deadline: '2025-10-13',
    });
    const silent = foodBusinessLicence({ commitment: { offered: true } });
    expect(verificationDue(silent, '2025-09-15', addWeekdays).deadline).toBe('2025-10-27');
    expect(verificationDue(silent, '2025-09-15', addWeekdays, { verificationDays: 10 }).deadline).toBe(
      '2025-09-29',
    );
  });

  it('given an approval on a commitment, then a verification is scheduled once', () => {
    const c = scheduled();
    expect(c.obligations).toEqual([
      { kind: 'verification', materialIds: ['safety-rules'], deadline: '2025-10-13', status: 'open' },
    ]);
    expect(scheduleVerification(c, foodBusinessLicence(), addWeekdays)).toBe(c);
    expect(() =>
      scheduleVerification(
        caseIn('approved', { decidedAt: at('2025-09-15') }),
        foodBusinessLicence(),
        addWeekdays,
      ),
    ).toThrow(expect.objectContaining({ code: 'NO_COMMITMENT' }));
  });

  it('given a truthful commitment, when verified, then the obligation closes and the decision stands', () => {
    const result = verify(scheduled(), {
      truthful: true,
      reviewer: REVIEWER,
      at: at('2025-10-09'),
      note: '现场核查属实',
    });
    expect(result.outcome).toBe('truthful');
    expect(result.case.status).toBe('approved');
    expect(result.case.obligations[0]).toMatchObject({
      status: 'verified',
      closedBy: REVIEWER.subject,
      note: '现场核查属实',
    });
    expect(result.records.map((r) => r.action)).toEqual(['verify-commitment']);
  });

  it('given a false commitment, then the decision is revoked, the applicant recorded and regulators told', () => {
    const result = verify(scheduled(), {
      truthful: false,
      reviewer: REVIEWER,
      at: at('2025-10-09'),
      note: '现场核查未建立食品安全管理制度',
    });
    if (result.outcome !== 'false') throw new Error('expected a false commitment');
    expect(result.case).toMatchObject({ status: 'revoked', closedAt: at('2025-10-09') });
    expect(result.case.obligations[0]?.status).toBe('false');
    expect(result.records.map((r) => `${r.action}:${r.from}->${r.to}`)).toEqual([
      'verify-commitment:approved->approved',
      'revoke:approved->revoked',
    ]);
    expect(result.creditRecord).toMatchObject({
      kind: 'false-commitment',
      party: { subject: 'citizen-zhang', idHash: 'hash-of-id' },
      caseId: 'case-0001',
      matterCode: '000109015000610100',
      materialIds: ['safety-rules'],
      recordedBy: REVIEWER.subject,
    });
    expect(result.regulatorNotice).toMatchObject({
      type: 'commitment-revoked',
      handling: { department: 'market-regulation', region: '610100' },
      decidedAt: at('2025-09-15', '15:00'),
      revokedAt: at('2025-10-09'),
    });
  });

  it('also revokes a decision whose case was already concluded', () => {
    const concluded = { ...scheduled(), status: 'concluded' as const, concludedAt: at('2025-09-16') };
    const result = verify(concluded, {
      truthful: false,
      reviewer: REVIEWER,
      at: at('2025-10-09'),
      note: '虚假',
    });
    expect(result.case.status).toBe('revoked');
  });

  it("is done by the handling department's reviewers only, and a false finding needs a written note", () => {
    for (const reviewer of [WINDOW, OTHER_DEPARTMENT_REVIEWER]) {
      expect(() => verify(scheduled(), { truthful: true, reviewer, at: at('2025-10-09') })).toThrow(
        expect.objectContaining({ code: 'NOT_PERMITTED' }),
      );
    }
    expect(() => verify(scheduled(), { truthful: false, reviewer: REVIEWER, at: at('2025-10-09') })).toThrow(
      expect.objectContaining({ code: 'REASON_REQUIRED' }),
    );
  });

  it('refuses to verify twice', () => {
    const once = verify(scheduled(), { truthful: true, reviewer: REVIEWER, at: at('2025-10-09') }).case;
    expect(() =>
      verify(once, { truthful: false, reviewer: REVIEWER, at: at('2025-10-10'), note: 'x' }),
    ).toThrow(expect.objectContaining({ code: 'VERIFICATION_NOT_OPEN' }));
  });
});
