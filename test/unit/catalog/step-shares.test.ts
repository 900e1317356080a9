import { describe, expect, it } from 'vitest';
import { seedCatalog } from '../../../infra/seed/catalog/index.ts';
import { catalogAdvice, checkCatalog, checkStepsFitPromise } from '../../../shared/domain/catalog/rules.ts';
import { plannedShares } from '../../../shared/domain/catalog/step-shares.ts';

const seed = seedCatalog();
// 食品经营许可: 受理 1, 审查及现场核查 6, 决定 2, 制证 1; legal limit 10 working days.
const item = (name: string, region: string) =>
  seed.implementationItems.find((i) => i.name === name && i.region === region)!;
const food = (region: string) => item('食品经营许可', region);

describe('the review steps’ shares of a promised limit', () => {
  it('are the steps’ own periods when they fit the promise', () => {
    // given 食品经营许可 promising 9 working days, what its review steps of 6, 2 and 1 take
    const fits = { ...food('610300'), promisedLimitDays: 9 };
    expect(plannedShares(fits).map((s) => s.days)).toEqual([6, 2, 1]);
    expect(checkStepsFitPromise(fits)).toEqual([]);
  });

  it('share a shorter promise out in proportion, adding up to it, the acceptance step left out', () => {
    // given Xi'an's 食品经营许可, promising 2 working days for review steps that take 9
    const xian = food('610100');
    expect(xian.promisedLimitDays).toBe(2);
    expect(plannedShares(xian)).toEqual([
      { step: 'review', days: 1 },
      { step: 'decision', days: 1 },
      { step: 'issuance', days: 0 },
    ]);
    // and Baoji's, promising 5
    expect(plannedShares(food('610300')).map((s) => s.days)).toEqual([3, 1, 1]);
  });

  it('give nothing beyond a promise of the same day', () => {
    expect(plannedShares({ ...food('610100'), promisedLimitDays: 0 }).map((s) => s.days)).toEqual([0, 0, 0]);
  });
});

describe('a matter whose steps cannot fit its promise', () => {
  it('is flagged with its steps’ days, its promise and the shares, in both languages', () => {
    const [advice] = checkStepsFitPromise(food('610100'));
    expect(advice).toMatchObject({ element: 'promisedLimitDays', rule: 'steps-fit-promised-limit' });
    expect(advice?.zh).toContain('9 个工作日超过承诺时限 2 个工作日');
    expect(advice?.en).toContain('take 9 working days, beyond the promised 2');
  });

  it('is advice, not a violation: the seed, whose regions promise half the legal limit or less, still publishes', () => {
    expect(checkCatalog(seed, seed)).toEqual([]);
    const flagged = catalogAdvice(seed).map((a) => a.item);
    expect(flagged).toContain(food('610100').implementationCode);
    // 出生登记 in Baoji promises 5 working days for steps of one day each
    expect(flagged).not.toContain(item('出生登记', '610300').implementationCode);
  });
});
