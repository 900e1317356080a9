import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { seedCatalog } from '../../../infra/seed/catalog/index.ts';
import { LOCAL_REGION_CODES } from '../../../infra/seed/catalog/regions.ts';
import { STANDARD_PART_KEYS } from '../../../shared/domain/catalog/model.ts';
import { checkCatalog, type Violation } from '../../../shared/domain/catalog/rules.ts';
import { isValidUscc } from '../../../shared/domain/id-numbers.ts';

const seed = seedCatalog();
const byBase = Map.groupBy(seed.implementationItems, (i) => i.baseCode);

const describeViolations = (violations: Violation[]) =>
  violations.map((v) => `${v.item} ${v.element} [${v.rule}] ${v.en}`).join('\n');

describe('the seed catalog', () => {
  it('breaks no rule of the catalog', () => {
    const violations = checkCatalog(seed, seed);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('holds no placeholder a citizen would read in a guide', () => {
    // what an author leaves for later: 条号待核, 待定, TODO, xxx, an ellipsis standing for missing words
    const placeholder = /待核|待定|待补充|待完善|占位|TODO|TBD|FIXME|x{3,}|……|\.\.\./i;
    const found = [...JSON.stringify(seed).matchAll(/"([^"]*)"/g)]
      .map((m) => m[1]!)
      .filter((text) => placeholder.test(text));
    expect(found).toEqual([]);
  });

  it('names every base item and its result in English, for the English interface', () => {
    // The schema lets them be absent (catalogs stored before them); the seed must not rely on that.
    const han = /\p{Script=Han}/u;
    const missing = seed.baseItems.filter((b) => !b.nameEn?.trim() || !b.resultNameEn?.trim());
    expect(missing.map((b) => b.name)).toEqual([]);
    const untranslated = seed.baseItems
      .flatMap((b) => [b.nameEn!, b.resultNameEn!])
      .filter((text) => han.test(text) || /[（），、：]/.test(text));
    expect(untranslated).toEqual([]);
    // and the implementation items carry them on, as every standard part
    for (const i of seed.implementationItems) expect(i.nameEn, i.implementationCode).toBeTruthy();
  });

  it('has at least 60 base items', () => {
    expect(seed.baseItems.length).toBeGreaterThanOrEqual(60);
  });

  it('spreads its base items over at least 10 listed departments', () => {
    const used = new Set(seed.baseItems.map((b) => b.department));
    expect(used.size).toBeGreaterThanOrEqual(10);
    for (const code of used) expect(seed.departments.map((d) => d.code)).toContain(code);
  });

  it('gives every department its own two base-code digits', () => {
    const digits = seed.departments.map((d) => d.baseCodeDigits);
    expect(new Set(digits).size).toBe(digits.length);
  });

  it('has unique base codes and unique implementation codes', () => {
    const bases = seed.baseItems.map((b) => b.baseCode);
    const implementations = seed.implementationItems.map((i) => i.implementationCode);
    expect(new Set(bases).size).toBe(bases.length);
    expect(new Set(implementations).size).toBe(implementations.length);
  });

  it('uses origin 00 for national matters and 61 for a few Shaanxi-local ones', () => {
    const origins = Map.groupBy(seed.baseItems, (b) => b.baseCode.slice(0, 2));
    expect([...origins.keys()].sort()).toEqual(['00', '61']);
    expect(origins.get('61')!.length).toBeLessThan(origins.get('00')!.length);
  });

  it('marks about twenty matters as high-frequency, each with keywords citizens type', () => {
    const frequent = seed.baseItems.filter((b) => b.highFrequency);
    expect(frequent.length).toBeGreaterThanOrEqual(15);
    expect(frequent.length).toBeLessThanOrEqual(25);
    for (const b of frequent) expect(b.keywords.length, b.name).toBeGreaterThan(0);
  });

  it('never offers commitment on a matter with a risk category', () => {
    const risky = seed.baseItems.filter((b) => b.commitment.offered && b.riskCategories.length > 0);
    expect(risky.map((b) => b.name)).toEqual([]);
    expect(seed.baseItems.some((b) => b.commitment.offered)).toBe(true);
  });

  it('keeps the steps within the legal limit, and every promise too', () => {
    for (const b of seed.baseItems) {
      const steps = b.processSteps.reduce((sum, s) => sum + s.limitDays, 0);
      expect(steps, b.name).toBeLessThanOrEqual(b.legalLimitDays);
    }
    for (const i of seed.implementationItems) {
      expect(i.promisedLimitDays, i.implementationCode).toBeLessThanOrEqual(i.legalLimitDays);
    }
  });
});

describe('the seed regions', () => {
  it('are Shaanxi, its ten prefecture-level cities and the two special zones', () => {
    const kinds = Map.groupBy(seed.regions, (r) => r.kind);
    expect(kinds.get('province')!.map((r) => r.code)).toEqual(['610000']);
    expect(kinds.get('city')!.map((r) => r.code)).toEqual([
      '610100',
      '610200',
      '610300',
      '610400',
      '610500',
      '610600',
      '610700',
      '610800',
      '610900',
      '611000',
    ]);
    expect(kinds.get('special-zone')!.map((r) => r.name)).toEqual(['杨凌示范区', '西咸新区']);
  });

  it('name a parent that is itself a seed region', () => {
    const codes = new Set(seed.regions.map((r) => r.code));
    for (const r of seed.regions.filter((x) => x.parent)) expect(codes.has(r.parent!), r.name).toBe(true);
  });

  it('flag the one code that is not a GB/T 2260 code', () => {
    expect(LOCAL_REGION_CODES).toEqual([seed.regions.find((r) => r.name === '西咸新区')!.code]);
  });
});

describe('the implementation items of the seed', () => {
  it('implement every base item exactly once in every seed region', () => {
    for (const base of seed.baseItems) {
      const regions = (byBase.get(base.baseCode) ?? []).map((i) => i.region).sort();
      expect(regions, base.name).toEqual(seed.regions.map((r) => r.code).sort());
    }
    expect(seed.implementationItems.length).toBe(seed.baseItems.length * seed.regions.length);
  });

  it('carry the base code followed by the region code', () => {
    for (const i of seed.implementationItems) expect(i.implementationCode).toBe(`${i.baseCode}${i.region}`);
  });

  it('copy the standard parts of their base item unchanged', () => {
    const bases = new Map(seed.baseItems.map((b) => [b.baseCode, b]));
    for (const i of seed.implementationItems) {
      const base = bases.get(i.baseCode)!;
      const differing = STANDARD_PART_KEYS.filter((key) => !isDeepStrictEqual(i[key], base[key]));
      expect(differing, i.implementationCode).toEqual([]);
    }
  });

  it('differ between regions, where they do, only in what a region may decide', () => {
    const regional = new Set(['promisedLimitDays', 'visits', 'crossRegionScope']);
    const differing = new Set<string>();
    for (const items of byBase.values()) {
      const [first, ...rest] = items;
      for (const other of rest) {
        for (const key of Object.keys(first!) as (keyof typeof first)[]) {
          if (!isDeepStrictEqual(first![key], other[key])) differing.add(key);
        }
      }
    }
    // The body, its locations, phones and the codes always differ; beyond those, only the regional choices.
    const local = new Set(['implementationCode', 'region', 'implementingBody', 'locations', 'onlineUrl']);
    const other = [...differing].filter(
      (key) => !local.has(key) && !regional.has(key) && !key.endsWith('Phone'),
    );
    expect(other).toEqual([]);
    expect(differing.has('promisedLimitDays')).toBe(true);
  });

  it('promise somewhere a shorter limit than the legal one, fastest in 西安 and 西咸新区', () => {
    expect(seed.implementationItems.some((i) => i.promisedLimitDays < i.legalLimitDays)).toBe(true);
    for (const items of byBase.values()) {
      const xian = items.find((i) => i.region === '610100')!;
      for (const other of items) expect(xian.promisedLimitDays).toBeLessThanOrEqual(other.promisedLimitDays);
    }
  });

  it('are mostly free, and charge only what national price rules set', () => {
    const charging = new Set(
      seed.implementationItems.filter((i) => i.fees.length > 0).map((i) => i.baseCode),
    );
    expect(charging.size).toBeLessThan(seed.baseItems.length / 10);
    for (const i of seed.implementationItems)
      for (const fee of i.fees) expect(fee.basis).toMatch(/《|国务院/);
  });

  it('offer an online address unless the matter is handled only at a window', () => {
    for (const i of seed.implementationItems) {
      if (i.handlingForm === 'window') expect(i.onlineUrl).toBeUndefined();
      else expect(i.onlineUrl).toMatch(new RegExp(`^https://.+/${i.implementationCode}$`));
    }
  });

  it('reach across provinces for some matters, the whole province for most, and stay local for some', () => {
    const scopes = new Set(seed.implementationItems.map((i) => i.crossRegionScope));
    expect(scopes).toEqual(new Set(['national', 'province', 'city', 'none']));
  });

  it('give every implementing body a 统一社会信用代码 that passes the GB 32100 check', () => {
    for (const i of seed.implementationItems) {
      expect(
        isValidUscc(i.implementingBody.uscc),
        `${i.implementingBody.name} ${i.implementingBody.uscc}`,
      ).toBe(true);
    }
  });

  it('give one code to one body and different codes to different bodies', () => {
    const codeOf = new Map<string, string>();
    for (const i of seed.implementationItems) {
      const key = `${i.region}:${i.department}`;
      expect(codeOf.get(key) ?? i.implementingBody.uscc, key).toBe(i.implementingBody.uscc);
      codeOf.set(key, i.implementingBody.uscc);
    }
    expect(new Set(codeOf.values()).size).toBe(codeOf.size);
  });
});

describe('the life events of the seed', () => {
  it('cover every bundle DOMAIN.md lists', () => {
    expect(seed.lifeEvents.map((e) => e.id).sort()).toEqual(
      [
        'enterprise-opening',
        'enterprise-licences',
        'employee-hiring',
        'enterprise-real-estate',
        'simple-deregistration',
        'newborn-birth',
        'flexible-employment',
        'marriage-childbirth',
        'disability-assistance',
        'veterans-retirement',
        'second-hand-housing',
        'enterprise-retirement',
        'after-death',
        'graduate-employment',
        'home-delivery-with-title',
      ].sort(),
    );
  });

  it('name only base codes that exist, each once, in bundles of two or more matters', () => {
    const codes = new Set(seed.baseItems.map((b) => b.baseCode));
    for (const event of seed.lifeEvents) {
      expect(
        event.baseCodes.filter((c) => !codes.has(c)),
        event.id,
      ).toEqual([]);
      expect(new Set(event.baseCodes).size, event.id).toBe(event.baseCodes.length);
      expect(event.baseCodes.length, event.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('bundle in newborn birth the five matters DOMAIN.md names', () => {
    const newborn = seed.lifeEvents.find((e) => e.id === 'newborn-birth')!;
    const names = newborn.baseCodes.map((code) => seed.baseItems.find((b) => b.baseCode === code)!.name);
    for (const matter of ['出生医学证明', '预防接种证', '出生登记', '医疗保险参保登记', '社会保障卡申领']) {
      expect(
        names.some((n) => n.includes(matter)),
        matter,
      ).toBe(true);
    }
  });

  it('span at least two departments in every bundle', () => {
    const departmentOf = new Map(seed.baseItems.map((b) => [b.baseCode, b.department]));
    for (const event of seed.lifeEvents) {
      const departments = new Set(event.baseCodes.map((c) => departmentOf.get(c)));
      expect(departments.size, event.id).toBeGreaterThanOrEqual(2);
    }
  });
});
