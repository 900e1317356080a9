import { describe, expect, it } from 'vitest';
import { seedCatalog } from '../../../infra/seed/catalog/index.ts';
import { buildSearchIndex } from '../../../shared/domain/catalog/search/index-builder.ts';
import { loadSearchIndex, searchCatalog, suggest } from '../../../shared/domain/catalog/search/search.ts';

// The real seed, as local mode publishes it: what a citizen would get for the words they actually type.
const seed = seedCatalog();
const built = buildSearchIndex(seed.implementationItems, seed.synonyms, seed.departments, {
  builtAt: new Date('2025-06-01T00:00:00Z'),
});
const index = loadSearchIndex(JSON.parse(JSON.stringify(built)));
const XIAN = '610100';

const top = (q: string, n = 1) =>
  searchCatalog(index, { q, region: XIAN, limit: n }).items.map((h) => h.name);

describe('searching the seed catalog', () => {
  it.each([
    ['开饭店', '食品经营许可'],
    ['开公司', '企业设立登记'],
    ['办营业执照', '企业设立登记'],
    ['yyzz', '企业设立登记'],
    ['yingyezhizhao', '企业设立登记'],
    ['上户口', '出生登记'],
    ['sbk', '社会保障卡'],
    ['shebaoka', '社会保障卡'],
    ['社保卡', '社会保障卡'],
    ['身份证', '居民身份证'],
    ['驾照', '驾驶证'],
    ['领证', '结婚登记'],
    ['退休', '养老保险待遇'],
    ['教资', '教师资格'],
    ['开药店', '药品零售'],
  ])('puts a matter named like "%s" → %s first', (q, expected) => {
    // given the seed in Xi'an, when a citizen types their words, then the matter they mean comes first
    expect(top(q)[0]).toContain(expected);
  });

  it('finds 企业设立登记 among the first results for one of its materials, 公司章程', () => {
    expect(top('公司章程', 3)).toContain('企业设立登记');
  });

  it('keeps to the region asked for, with that region’s implementation codes', () => {
    const page = searchCatalog(index, { q: '开饭店', region: '610300' });
    expect(page.items[0]?.name).toBe('食品经营许可');
    expect(page.items.every((h) => h.region === '610300' && h.implementationCode.includes('610300'))).toBe(
      true,
    );
  });

  it('lists the whole seed without a query, page by page, high-frequency matters first', () => {
    const listed: boolean[] = [];
    let cursor: string | undefined;
    do {
      const page = searchCatalog(index, { limit: 100, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(seed.implementationItems.length);
      listed.push(...page.items.map((h) => h.highFrequency));
      cursor = page.nextCursor;
    } while (cursor);
    expect(listed).toHaveLength(seed.implementationItems.length);
    expect(listed.slice(listed.indexOf(false)).includes(true)).toBe(false);
  });

  it('gives hits and suggestions the English name, for the English interface', () => {
    // given the seed, when a citizen searches or types, then each matter comes with the name English mode shows
    const [hit] = searchCatalog(index, { q: '开饭店', region: XIAN }).items;
    expect(hit).toMatchObject({ name: '食品经营许可', nameEn: 'Food business licence' });
    expect(suggest(index, 'qysl', 1)[0]).toMatchObject({
      name: '企业设立登记',
      nameEn: 'Enterprise establishment registration',
    });
  });

  it('stays small enough to load at every cold start', () => {
    // ~1,000 items: the index must remain a small download and a quick parse
    expect(JSON.stringify(built).length).toBeLessThan(200_000);
  });
});

describe('suggestions from the seed catalog, as the citizen types', () => {
  const names = (q: string, n = 8) => suggest(index, q, n).map((s) => s.name);

  it.each(['开饭店', 'kaifandian', 'kfd', '开饭', 'kaifan'])(
    'suggests for "%s" what opening a restaurant takes, the business licence before the food licence',
    (q) => {
      const found = suggest(index, q);
      const need = found.filter((s) => s.matchedOn === 'need' && s.need?.phrase === '开饭店');
      expect(need.map((s) => [s.name, s.need?.step, s.need?.of])).toEqual([
        ['企业设立登记', 1, 2],
        ['食品经营许可', 2, 2],
      ]);
    },
  );

  it('puts a need typed in full before names that merely start alike', () => {
    expect(names('kfd').slice(0, 2)).toEqual(['企业设立登记', '食品经营许可']);
    expect(names('开饭店').slice(0, 2)).toEqual(['企业设立登记', '食品经营许可']);
  });

  it('suggests what search finds for the colloquial words of every need in the seed', () => {
    // every term of every synonym group suggests at least the matters of its meaning, as search finds them
    for (const group of seed.synonyms) {
      for (const term of group.terms) {
        const suggested = names(term, 20);
        for (const meaning of group.meaning.split(' ')) {
          expect(
            suggested.some((n) => n.includes(meaning)) ||
              searchCatalog(index, { q: term, limit: 3 }).items.every((h) => !h.name.includes(meaning)),
            `${term} → ${meaning}: ${suggested.join('、')}`,
          ).toBe(true);
        }
      }
    }
  });

  it('keeps suggesting names by their own beginnings', () => {
    expect(names('出生')[0]).toMatch(/^出生/);
    expect(names('csdj')).toContain('出生登记');
    expect(names('xyz')).toEqual([]);
  });
});
