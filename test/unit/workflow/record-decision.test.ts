import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Case } from '../../../shared/domain/cases/model.ts';
import { at, caseIn, REVIEWER } from '../cases/fixtures.ts';

// The step's stores, replaced: what the step reads and whether it writes is what is under test.
const stored: { case?: Case } = {};
const transition = vi.fn(async (_from: Case, to: Case) => {
  stored.case = to;
});
vi.mock('../../../functions/workflow/context.ts', () => ({
  load: async () => ({ case: stored.case }),
  cases: { transition },
  now: () => at('2025-09-03'),
}));
const { handler } = await import('../../../functions/workflow/record-decision.ts');

const approval = (step: string) => ({
  caseId: 'case-0001',
  decision: { outcome: 'approve', reviewer: REVIEWER },
  review: { result: { step } },
});

describe("the workflow step recording a reviewer's decision", () => {
  beforeEach(() => {
    transition.mockClear();
    stored.case = caseIn('under-review', { step: 'review' });
  });

  it('moves the case on from the decided step to the next', async () => {
    expect(stored.case!.matter.steps).toEqual(['review', 'decide', 'issue']);
    await expect(handler(approval('review'))).resolves.toEqual({ status: 'under-review', step: 'decide' });
    expect(transition).toHaveBeenCalledTimes(1);
  });

  it('is not applied twice when retried after its write landed: the case stays at the next step', async () => {
    await handler(approval('review'));
    // The retry of the same invocation (its answer was lost) finds the case moved on
    await expect(handler(approval('review'))).resolves.toEqual({ status: 'under-review', step: 'decide' });
    expect(transition).toHaveBeenCalledTimes(1);
    expect(stored.case!.step).toBe('decide');
  });

  it('goes on to wait for the applicant when the retried decision had returned the case', async () => {
    const returned = {
      ...approval('review'),
      decision: { outcome: 'return', reason: '营业执照不清晰', reviewer: REVIEWER },
    };
    await handler(returned);
    await expect(handler(returned)).resolves.toMatchObject({ status: 'correction-requested' });
    expect(transition).toHaveBeenCalledTimes(1);
  });
});
