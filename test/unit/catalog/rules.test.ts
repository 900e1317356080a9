import { describe, expect, it } from 'vitest';
import {
  checkCatalog,
  checkImplementationItem,
  checkStandardParts,
} from '../../../shared/domain/catalog/rules.ts';
import { CONTEXT, foodBusinessLicence, implementedIn } from './fixtures.ts';

const rulesOf = (violations: { rule: string }[]) => violations.map((v) => v.rule);

describe('the catalog rules', () => {
  it('accept a well-formed base item and its implementation items', () => {
    const base = foodBusinessLicence();
    const violations = checkCatalog(
      {
        baseItems: [base],
        implementationItems: [implementedIn(base, '610100'), implementedIn(base, '610300')],
      },
      CONTEXT,
    );
    expect(violations).toEqual([]);
  });

  it('reject a base code whose type digits are not the matter type, naming the element', () => {
    const [v] = checkStandardParts(foodBusinessLicence({ type: '07' }), CONTEXT);
    expect(v).toMatchObject({ element: 'baseCode', rule: 'base-code-type' });
    expect(v?.en).toContain('07');
  });

  it("reject a base code whose department digits are not the department's", () => {
    expect(rulesOf(checkStandardParts(foodBusinessLicence({ baseCode: '000112015000' }), CONTEXT))).toContain(
      'base-code-department',
    );
  });

  it('reject a region that is not in the region list', () => {
    const base = foodBusinessLicence();
    const item = implementedIn(base, '999900');
    expect(rulesOf(checkImplementationItem(item, base, CONTEXT))).toContain('known-region');
  });

  it('reject a promised time limit longer than the legal one', () => {
    const base = foodBusinessLicence();
    const violations = checkImplementationItem(
      implementedIn(base, '610100', { promisedLimitDays: 11 }),
      base,
      CONTEXT,
    );
    expect(violations).toEqual([
      expect.objectContaining({ element: 'promisedLimitDays', rule: 'promised-within-legal' }),
    ]);
  });

  it('reject an implementation item whose province-wide parts differ from the base item', () => {
    const base = foodBusinessLicence();
    const item = implementedIn(base, '610100', { legalLimitDays: 15, resultName: '餐饮许可证' });
    const violations = checkImplementationItem(item, base, CONTEXT);
    expect(violations.map((v) => [v.element, v.rule])).toEqual(
      expect.arrayContaining([
        ['legalLimitDays', 'uniform-standard-parts'],
        ['resultName', 'uniform-standard-parts'],
      ]),
    );
  });

  it('reject a region that adds a material or a step the list does not have', () => {
    const base = foodBusinessLicence();
    const item = implementedIn(base, '610100');
    item.materials.push({ ...item.materials[0]!, id: 'extra-proof', name: '额外证明' });
    item.processSteps.push({ id: 'site-visit', name: '现场核查', kind: 'review', limitDays: 0 });
    const rules = rulesOf(checkImplementationItem(item, base, CONTEXT));
    expect(rules).toContain('no-added-materials');
    expect(rules).toContain('no-added-processSteps');
  });

  it('reject commitment on a matter touching an excluded risk category', () => {
    const violations = checkStandardParts(
      foodBusinessLicence({ riskCategories: ['personal-health'] }),
      CONTEXT,
    );
    expect(violations).toEqual([
      expect.objectContaining({ element: 'commitment', rule: 'commitment-excluded-risk' }),
    ]);
  });

  it('accept the same risk category when commitment is not offered', () => {
    const base = foodBusinessLicence({ riskCategories: ['personal-health'], commitment: { offered: false } });
    expect(checkStandardParts(base, CONTEXT)).toEqual([]);
  });

  it('reject tolerance for a core material', () => {
    const base = foodBusinessLicence();
    base.materials[0]!.deferrable = true;
    expect(checkStandardParts(base, CONTEXT)).toEqual([
      expect.objectContaining({ element: 'materials.application', rule: 'tolerance-deferrable-only' }),
    ]);
  });

  it('reject a deferrable material on a matter that does not offer tolerance', () => {
    expect(
      rulesOf(checkStandardParts(foodBusinessLicence({ tolerance: { offered: false } }), CONTEXT)),
    ).toContain('tolerance-not-offered');
  });

  it('reject step limits that add up beyond the legal limit', () => {
    expect(rulesOf(checkStandardParts(foodBusinessLicence({ legalLimitDays: 8 }), CONTEXT))).toContain(
      'steps-within-legal-limit',
    );
  });

  it('reject an implementing body whose 统一社会信用代码 fails its check', () => {
    const base = foodBusinessLicence();
    const item = implementedIn(base, '610100', {
      implementingBody: { name: 'x', uscc: '11610100MB2961374N' },
    });
    expect(rulesOf(checkImplementationItem(item, base, CONTEXT))).toEqual(['uscc-check']);
  });

  it('reject a conditional material that names no situation', () => {
    const base = foodBusinessLicence();
    base.materials[3]!.situations = [];
    expect(rulesOf(checkStandardParts(base, CONTEXT))).toContain('conditional-has-situation');
  });

  it('reject a catalog that lists a base code or an implementation code twice', () => {
    const base = foodBusinessLicence();
    const item = implementedIn(base, '610100');
    const violations = checkCatalog({ baseItems: [base, base], implementationItems: [item, item] }, CONTEXT);
    expect(violations.map((x) => [x.element, x.rule])).toEqual([
      ['baseCode', 'unique-code'],
      ['implementationCode', 'unique-code'],
    ]);
  });

  it('give every violation a message in both languages', () => {
    for (const v of checkStandardParts(foodBusinessLicence({ type: '07', legalLimitDays: 1 }), CONTEXT)) {
      expect(v.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(v.en).toMatch(/[a-z]/);
    }
  });
});
