import { describe, expect, it } from 'vitest';
import { ruleFor, SimulatorRules } from '../../../infra/local/simulator/rules.ts';

const request = {
  taskId: 't-1',
  caseId: 'c-1',
  department: 'market-regulation',
  handlingRegion: '610100',
  implementationCode: '000109005000610100',
  step: 'decision',
};

describe('the rules of the department simulator', () => {
  it('takes the first rule that matches the department, region, matter prefix and step', () => {
    const rules = SimulatorRules.parse([
      { department: 'health', outcome: 'deny', reason: '不符合条件' },
      { matter: '000109005', step: 'decision', outcome: 'return', reason: '请补充平面图' },
      { outcome: 'approve' },
    ]);
    expect(ruleFor(rules, request)).toMatchObject({ outcome: 'return', delaySeconds: 10 });
    expect(ruleFor(rules, { ...request, step: 'review' })).toMatchObject({ outcome: 'approve' });
    expect(ruleFor(rules.slice(0, 2), { ...request, step: 'review' })).toBeUndefined();
  });

  it('refuses a denial without a reason, and an unknown field', () => {
    expect(SimulatorRules.safeParse([{ outcome: 'deny' }]).success).toBe(false);
    expect(SimulatorRules.safeParse([{ outcome: 'approve', delay: 3 }]).success).toBe(false);
  });
});
