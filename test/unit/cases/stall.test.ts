import { describe, expect, it } from 'vitest';
import { resumeWorkflow, stall } from '../../../shared/domain/cases/stall.ts';
import { APPLICANT, at, caseIn, REVIEWER } from './fixtures.ts';

const SUPERVISOR = { subject: 'supervisor-xian', roles: ['supervisor' as const], region: '610100' };
const OTHER_CITY_SUPERVISOR = {
  subject: 'supervisor-baoji',
  roles: ['supervisor' as const],
  region: '610300',
};

describe('a case whose workflow step failed for good', () => {
  const stalled = () =>
    stall(caseIn('under-review', { step: 'review' }), {
      state: 'PrepareReview',
      error: 'MatterNotFoundError',
      cause: 'matter 000109001000610100 v3 is gone',
      at: at('2025-09-02'),
    })!;

  it('is marked stalled with the step and error, and says so in its audit trail', () => {
    const { case: c, record } = stalled();
    expect(c.stalled).toEqual({ at: at('2025-09-02'), state: 'PrepareReview', error: 'MatterNotFoundError' });
    expect(record).toMatchObject({ action: 'stall', from: 'under-review', to: 'under-review' });
    expect(record.reason).toContain('PrepareReview');
    expect(record.reason).toContain('is gone');
  });

  it('is marked once, and a case that has ended is not marked at all', () => {
    expect(
      stall(stalled().case, { state: 'Conclude', error: 'Error', at: at('2025-09-03') }),
    ).toBeUndefined();
    expect(
      stall(caseIn('withdrawn'), { state: 'Conclude', error: 'Error', at: at('2025-09-03') }),
    ).toBeUndefined();
  });

  it('is resumed by a supervisor of its region, with the reason, and its next run is counted', () => {
    const { case: c, record } = resumeWorkflow(stalled().case, {
      actor: SUPERVISOR,
      at: at('2025-09-03'),
      reason: '事项版本已恢复',
    });
    expect(c.stalled).toBeUndefined();
    expect(c.workflowRun).toBe(1);
    expect(record).toMatchObject({ action: 'resume-workflow', reason: '事项版本已恢复' });
  });

  it('is not resumed by the applicant, a reviewer or a supervisor of another city', () => {
    for (const actor of [APPLICANT, REVIEWER, OTHER_CITY_SUPERVISOR]) {
      expect(() => resumeWorkflow(stalled().case, { actor, at: at('2025-09-03'), reason: '试试' })).toThrow(
        expect.objectContaining({ code: 'NOT_PERMITTED' }),
      );
    }
  });

  it('cannot be resumed when its workflow has not stalled', () => {
    expect(() =>
      resumeWorkflow(caseIn('under-review'), { actor: SUPERVISOR, at: at('2025-09-03'), reason: '无' }),
    ).toThrow(expect.objectContaining({ code: 'NOT_STALLED' }));
  });
});
