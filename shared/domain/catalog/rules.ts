import { isDeepStrictEqual } from 'node:util';
import { isValidUscc } from '../id-numbers.ts';
import {
  BASE_CODE,
  type BaseItem,
  type Department,
  type ImplementationItem,
  MATTER_TYPES,
  type Region,
  STANDARD_PART_KEYS,
} from './model.ts';
import { plannedShares, stepsOverPromise } from './step-shares.ts';

/** One broken rule: which item, which element, which rule, and what to do, in both languages. */
export interface Violation {
  item: string;
  element: string;
  rule: string;
  zh: string;
  en: string;
}

export interface CatalogContext {
  regions: Region[];
  departments: Department[];
}

type Check<T> = (item: T, ctx: CatalogContext) => Violation[];

const v = (item: string, element: string, rule: string, zh: string, en: string): Violation => ({
  item,
  element,
  rule,
  zh,
  en,
});

/** Rules every base item (and so every implementation item) obeys on its own. */
export const checkStandardParts: Check<BaseItem | ImplementationItem> = (item, ctx) => {
  const id = 'implementationCode' in item ? item.implementationCode : item.baseCode;
  const out: Violation[] = [];
  const parts = BASE_CODE.exec(item.baseCode);
  if (parts && parts[2] !== item.type) {
    out.push(
      v(
        id,
        'baseCode',
        'base-code-type',
        `基本编码第3-4位应为事项类型 ${item.type}（${MATTER_TYPES[item.type]}），实为 ${parts[2]}`,
        `Base code digits 3-4 must be the matter type ${item.type}, found ${parts[2]}`,
      ),
    );
  }
  const department = ctx.departments.find((d) => d.code === item.department);
  if (!department) {
    out.push(
      v(
        id,
        'department',
        'known-department',
        `部门 ${item.department} 不在部门清单中`,
        `Department ${item.department} is not in the department list`,
      ),
    );
  } else if (parts && parts[3] !== department.baseCodeDigits) {
    out.push(
      v(
        id,
        'baseCode',
        'base-code-department',
        `基本编码第5-6位应为部门代码 ${department.baseCodeDigits}`,
        `Base code digits 5-6 must be the department's code ${department.baseCodeDigits}`,
      ),
    );
  }
  if (item.commitment.offered) {
    for (const risk of item.riskCategories) {
      out.push(
        v(
          id,
          'commitment',
          'commitment-excluded-risk',
          `涉及${risk}的事项不得实行告知承诺`,
          `A matter touching ${risk} must not offer commitment (告知承诺)`,
        ),
      );
    }
    if (!item.commitment.text) {
      out.push(
        v(
          id,
          'commitment.text',
          'commitment-text',
          '实行告知承诺须提供承诺书文本',
          'Commitment needs the text the applicant signs',
        ),
      );
    }
    if (!item.materials.some((m) => m.replaceableByCommitment)) {
      out.push(
        v(
          id,
          'commitment',
          'commitment-replaces-something',
          '实行告知承诺须至少有一项材料可由承诺替代',
          'Commitment must replace at least one material',
        ),
      );
    }
  }
  for (const m of item.materials) {
    if (m.deferrable && (m.core || !m.required)) {
      out.push(
        v(
          id,
          `materials.${m.id}`,
          'tolerance-deferrable-only',
          `材料「${m.name}」为核心材料或非必需材料，不得容缺`,
          `Material "${m.id}" is core (or not required) and cannot be deferred`,
        ),
      );
    }
    if (m.deferrable && !item.tolerance.offered) {
      out.push(
        v(
          id,
          `materials.${m.id}`,
          'tolerance-not-offered',
          `事项未实行容缺受理，材料「${m.name}」不得标为可容缺`,
          `The matter does not offer tolerance; material "${m.id}" cannot be deferrable`,
        ),
      );
    }
    for (const s of m.situations) {
      if (!item.situations.some((x) => x.id === s)) {
        out.push(
          v(
            id,
            `materials.${m.id}`,
            'known-situation',
            `材料引用了不存在的办理情形 ${s}`,
            `Material refers to an unknown situation ${s}`,
          ),
        );
      }
    }
    if (!m.required && m.situations.length === 0) {
      out.push(
        v(
          id,
          `materials.${m.id}`,
          'conditional-has-situation',
          `非必需材料「${m.name}」须注明适用的办理情形`,
          `Conditional material "${m.id}" must name the situations it applies to`,
        ),
      );
    }
  }
  if (item.tolerance.offered && !item.materials.some((m) => m.deferrable)) {
    out.push(
      v(
        id,
        'tolerance',
        'tolerance-has-deferrable',
        '实行容缺受理须至少有一项可容缺材料',
        'Tolerance needs at least one deferrable material',
      ),
    );
  }
  const stepDays = item.processSteps.reduce((sum, s) => sum + s.limitDays, 0);
  if (stepDays > item.legalLimitDays) {
    out.push(
      v(
        id,
        'processSteps',
        'steps-within-legal-limit',
        `各环节时限之和 ${stepDays} 个工作日超过法定时限 ${item.legalLimitDays}`,
        `Steps take ${stepDays} working days, beyond the legal limit of ${item.legalLimitDays}`,
      ),
    );
  }
  return out;
};

/** Rules an implementation item obeys against its base item and the region list. */
export const checkImplementationItem = (
  item: ImplementationItem,
  base: BaseItem | undefined,
  ctx: CatalogContext,
) => {
  const id = item.implementationCode;
  const out = checkStandardParts(item, ctx);
  if (!ctx.regions.some((r) => r.code === item.region)) {
    out.push(
      v(
        id,
        'region',
        'known-region',
        `区划代码 ${item.region} 不在区划清单中`,
        `Region ${item.region} is not in the region list`,
      ),
    );
  }
  if (!item.implementationCode.startsWith(`${item.baseCode}${item.region}`)) {
    out.push(
      v(
        id,
        'implementationCode',
        'implementation-code',
        '实施编码应为基本编码加区划代码',
        'The implementation code is the base code followed by the region code',
      ),
    );
  }
  if (item.promisedLimitDays > item.legalLimitDays) {
    out.push(
      v(
        id,
        'promisedLimitDays',
        'promised-within-legal',
        `承诺时限 ${item.promisedLimitDays} 不得超过法定时限 ${item.legalLimitDays}`,
        `The promised limit (${item.promisedLimitDays}) must not exceed the legal limit (${item.legalLimitDays})`,
      ),
    );
  }
  if (!isValidUscc(item.implementingBody.uscc)) {
    out.push(
      v(
        id,
        'implementingBody.uscc',
        'uscc-check',
        `实施主体统一社会信用代码 ${item.implementingBody.uscc} 校验不通过`,
        `The implementing body's 统一社会信用代码 ${item.implementingBody.uscc} fails its check character`,
      ),
    );
  }
  if (!base) {
    out.push(
      v(
        id,
        'baseCode',
        'known-base-item',
        `基本目录中没有事项 ${item.baseCode}`,
        `No base item ${item.baseCode} in the base catalog`,
      ),
    );
    return out;
  }
  out.push(...noAddedMaterialsOrSteps(item, base));
  for (const key of STANDARD_PART_KEYS) {
    if (key === 'materials' || key === 'processSteps') continue;
    if (!isDeepStrictEqual(item[key], base[key])) {
      out.push(
        v(
          id,
          key,
          'uniform-standard-parts',
          `「${key}」须与基本目录一致，全省统一`,
          `"${key}" must be the same as in the base item, everywhere in the province`,
        ),
      );
    }
  }
  return out;
};

function noAddedMaterialsOrSteps(item: ImplementationItem, base: BaseItem): Violation[] {
  const id = item.implementationCode;
  const out: Violation[] = [];
  const compare = (element: 'materials' | 'processSteps', label: [string, string]) => {
    const baseById = new Map(base[element].map((x) => [x.id, x]));
    const own = item[element];
    for (const x of own) {
      const b = baseById.get(x.id);
      if (!b) {
        out.push(
          v(
            id,
            `${element}.${x.id}`,
            `no-added-${element}`,
            `地方不得增加${label[0]}「${x.name}」`,
            `A region must not add ${label[1]} "${x.id}"`,
          ),
        );
      } else if (!isDeepStrictEqual(x, b)) {
        out.push(
          v(
            id,
            `${element}.${x.id}`,
            'uniform-standard-parts',
            `${label[0]}「${x.name}」须与基本目录一致`,
            `${label[1]} "${x.id}" must be as in the base item`,
          ),
        );
      }
    }
    for (const b of base[element]) {
      if (!own.some((x) => x.id === b.id)) {
        out.push(
          v(
            id,
            `${element}.${b.id}`,
            'uniform-standard-parts',
            `缺少基本目录中的${label[0]}「${b.name}」`,
            `${label[1]} "${b.id}" of the base item is missing`,
          ),
        );
      }
    }
  };
  compare('materials', ['材料', 'material']);
  compare('processSteps', ['办理环节', 'process step']);
  return out;
}

/** Every rule over a whole catalog; an empty list means it may be published. */
export function checkCatalog(
  catalog: { baseItems: BaseItem[]; implementationItems: ImplementationItem[] },
  ctx: CatalogContext,
): Violation[] {
  const bases = new Map(catalog.baseItems.map((b) => [b.baseCode, b]));
  const duplicates = (codes: string[], element: string, zh: string, en: string) =>
    codes
      .filter((c, i) => codes.indexOf(c) !== i)
      .map((c) => v(c, element, 'unique-code', `${zh} ${c} 重复`, `${en} ${c} appears more than once`));
  return [
    ...duplicates(
      catalog.baseItems.map((b) => b.baseCode),
      'baseCode',
      '基本编码',
      'Base code',
    ),
    ...duplicates(
      catalog.implementationItems.map((i) => i.implementationCode),
      'implementationCode',
      '实施编码',
      'Implementation code',
    ),
    ...catalog.baseItems.flatMap((b) => checkStandardParts(b, ctx)),
    ...catalog.implementationItems.flatMap((i) => checkImplementationItem(i, bases.get(i.baseCode), ctx)),
  ];
}

/**
 * Advice, not a rule: a region may promise less than the province's process steps take on their own (it may
 * only shorten the legal limit, and the steps are the province's), so such an item is still published — its
 * review steps share the promise (step-shares.ts), and the guide shows each share. Flagged so that the
 * service-management office sees it on an adjustment request, and a stage's loader counts it.
 */
export function checkStepsFitPromise(item: ImplementationItem): Violation[] {
  const over = stepsOverPromise(item);
  if (!over) return [];
  const shares = plannedShares(item)
    .map((s) => `${s.step} ${s.days}`)
    .join(', ');
  return [
    v(
      item.implementationCode,
      'promisedLimitDays',
      'steps-fit-promised-limit',
      `各审查环节时限之和 ${over.stepDays} 个工作日超过承诺时限 ${over.promisedDays} 个工作日：各环节按比例分享承诺时限（${shares}）`,
      `The review steps take ${over.stepDays} working days, beyond the promised ${over.promisedDays}: they share the promise (${shares})`,
    ),
  ];
}

/** Every item's advice (checkStepsFitPromise); none of it stops publication. */
export const catalogAdvice = (catalog: { implementationItems: ImplementationItem[] }): Violation[] =>
  catalog.implementationItems.flatMap(checkStepsFitPromise);
