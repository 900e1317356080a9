import { describe, expect, it } from 'vitest';
import { calendarDays } from '../../../infra/seed/catalog/base-items/helpers.ts';
import { seedCatalog } from '../../../infra/seed/catalog/index.ts';

const seed = seedCatalog();
const catalogText = seed.baseItems.map((b) => [b.name, ...b.aliases, b.resultName].join('|')).join('\n');

describe('the seed synonyms', () => {
  it('point every group at a term found in the catalog', () => {
    // A meaning may name several matters, in the order a need takes them ('企业设立登记 食品经营许可').
    const missing = seed.synonyms
      .flatMap((s) => s.meaning.split(' '))
      .filter((m) => !catalogText.includes(m));
    expect(missing).toEqual([]);
  });

  it('name the matters of a need that takes several by their names, each in the catalog', () => {
    const names = new Set(seed.baseItems.map((b) => b.name));
    const several = seed.synonyms.filter((s) => s.meaning.includes(' '));
    expect(several.map((s) => s.terms[0])).toEqual(expect.arrayContaining(['开饭店', '开药店']));
    for (const s of several) {
      expect(
        s.meaning.split(' ').filter((m) => !names.has(m)),
        s.meaning,
      ).toEqual([]);
    }
  });

  it('have no empty group and no term that is its own meaning', () => {
    for (const group of seed.synonyms) {
      expect(group.terms.length, group.meaning).toBeGreaterThan(0);
      expect(group.terms, group.meaning).not.toContain(group.meaning);
    }
  });

  it('let the phrases of the brief find their matters', () => {
    const meaningsOf = (term: string) =>
      seed.synonyms.filter((s) => s.terms.includes(term)).map((s) => s.meaning);
    expect(meaningsOf('开饭店')).toContain('食品经营许可');
    expect(meaningsOf('上户口')).toContain('出生登记');
    expect(meaningsOf('营业执照')).toContain('企业设立登记');
    expect(meaningsOf('过户')).toEqual(
      expect.arrayContaining(['转移登记', '供水过户', '供电过户', '燃气过户']),
    );
  });
});

describe('the seed base items, for search', () => {
  it('carry the colloquial keywords the brief lists', () => {
    const keywordsOf = (name: string) => seed.baseItems.find((b) => b.name === name)!.keywords;
    expect(keywordsOf('食品经营许可')).toEqual(
      expect.arrayContaining(['开饭店', '开餐馆', '餐饮许可证', '开小卖部']),
    );
    expect(keywordsOf('企业设立登记')).toEqual(expect.arrayContaining(['办营业执照', '开公司', '注册公司']));
    expect(keywordsOf('出生登记')).toEqual(expect.arrayContaining(['给孩子上户口', '新生儿上户口']));
    expect(keywordsOf('残疾人证新办')).toContain('办残疾证');
  });

  it('have no keyword repeated within an item', () => {
    for (const b of seed.baseItems) expect(new Set(b.keywords).size, b.name).toBe(b.keywords.length);
  });

  it('use every situation they declare for at least one material', () => {
    for (const b of seed.baseItems) {
      const unused = b.situations.filter((s) => !b.materials.some((m) => m.situations.includes(s.id)));
      expect(
        unused.map((s) => s.id),
        b.name,
      ).toEqual([]);
    }
  });
});

describe('calendar-day limits in the seed', () => {
  it('count five working days in every seven calendar days, rounded down', () => {
    expect(calendarDays(7)).toBe(5);
    expect(calendarDays(60)).toBe(42);
    expect(calendarDays(3)).toBe(2);
  });
});
