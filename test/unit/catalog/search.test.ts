import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  ImplementationItem,
  type MatterType,
  type ServiceTarget,
} from '../../../shared/domain/catalog/model.ts';
import { buildSearchIndex } from '../../../shared/domain/catalog/search/index-builder.ts';
import {
  InvalidCursorError,
  loadSearchIndex,
  type SearchIndex,
  type SearchParams,
  searchCatalog,
  suggest,
  UnsupportedIndexFormatError,
} from '../../../shared/domain/catalog/search/search.ts';

const XIAN = '610100';
const BAOJI = '610300';

const DEPARTMENTS = [
  { code: 'scjg', name: '市场监督管理局' },
  { code: 'gaj', name: '公安局' },
  { code: 'rsj', name: '人力资源和社会保障局' },
  { code: 'mzj', name: '民政局' },
  { code: 'jtj', name: '交通运输局' },
  { code: 'zjj', name: '住房和城乡建设局' },
];

const SYNONYMS = [
  { terms: ['开饭店', '开餐馆', '开餐厅', '开小吃店'], meaning: '食品经营许可' },
  { terms: ['开公司', '注册公司', '办营业执照'], meaning: '企业设立登记' },
  { terms: ['上户口', '报户口', '落户'], meaning: '出生登记 户口登记' },
  { terms: ['上保险', '办社保'], meaning: '社会保障卡' },
  { terms: ['领证', '扯证'], meaning: '结婚登记' },
];

interface Spec {
  baseCode: string;
  name: string;
  type: MatterType;
  department: string;
  targets: ServiceTarget[];
  materials: string[];
  aliases?: string[];
  keywords?: string[];
  highFrequency?: boolean;
}

/** A base item's standard parts, made valid with plain defaults; only what search reads is specific. */
function base(spec: Spec) {
  return {
    baseCode: spec.baseCode,
    name: spec.name,
    aliases: spec.aliases ?? [],
    keywords: spec.keywords ?? [],
    type: spec.type,
    department: spec.department,
    legalBasis: [{ law: '《中华人民共和国行政许可法》', article: '第二十九条' }],
    acceptanceConditions: ['申请材料齐全、符合法定形式'],
    serviceTargets: spec.targets,
    materials: spec.materials.map((name, i) => ({
      id: `m${i + 1}`,
      name,
      required: true,
      form: 'both',
      source: 'applicant',
    })),
    processSteps: [{ id: 'accept', name: '受理', kind: 'acceptance', limitDays: 1 }],
    legalLimitDays: 20,
    resultType: 'other',
    resultName: spec.name,
    commitment: { offered: false },
    tolerance: { offered: false },
    highFrequency: spec.highFrequency ?? false,
  };
}

function implementation(spec: Spec, region: string, local: Partial<ImplementationItem> = {}) {
  return ImplementationItem.parse({
    ...base(spec),
    implementationCode: spec.baseCode + region,
    region,
    implementingBody: {
      name: `${region === XIAN ? '西安市' : '宝鸡市'}行政审批服务局`,
      uscc: '11610100MB0000000X',
    },
    promisedLimitDays: 5,
    handlingForm: 'both',
    visits: 0,
    locations: [
      { name: '政务服务中心', address: '市政务服务中心一楼', hours: '工作日 9:00-17:00', phone: '12345' },
    ],
    consultationPhone: '12345',
    complaintPhone: '12345',
    crossRegionScope: 'none',
    ...local,
  });
}

const FOOD: Spec = {
  baseCode: '610110001000',
  name: '食品经营许可',
  type: '01',
  department: 'scjg',
  targets: ['person', 'enterprise'],
  aliases: ['食品经营许可证核发'],
  keywords: ['餐饮服务', '食品销售'],
  materials: ['食品经营许可申请书', '营业执照', '食品安全管理制度', '经营场所平面图'],
  highFrequency: true,
};
const COMPANY: Spec = {
  baseCode: '610110002000',
  name: '企业设立登记',
  type: '01',
  department: 'scjg',
  targets: ['enterprise'],
  aliases: ['公司注册', '开办企业'],
  keywords: ['营业执照', '注册公司'],
  materials: ['公司登记申请书', '公司章程', '股东身份证明', '住所使用证明'],
  highFrequency: true,
};
const SOLE_TRADER: Spec = {
  baseCode: '610110003000',
  name: '个体工商户设立登记',
  type: '01',
  department: 'scjg',
  targets: ['person'],
  aliases: ['个体户注册'],
  keywords: ['营业执照', '个体户'],
  materials: ['个体工商户登记申请书', '经营者身份证明', '经营场所使用证明'],
};
const LICENCE_LOST: Spec = {
  baseCode: '610120004000',
  name: '营业执照遗失补领',
  type: '20',
  department: 'scjg',
  targets: ['person', 'enterprise'],
  keywords: ['补办营业执照'],
  materials: ['营业执照遗失补领申请书', '遗失声明'],
};
const BIRTH: Spec = {
  baseCode: '610705001000',
  name: '出生登记',
  type: '07',
  department: 'gaj',
  targets: ['person'],
  aliases: ['新生儿落户', '新生儿上户口'],
  keywords: ['户口', '报户口'],
  materials: ['出生医学证明', '父母居民户口簿', '父母居民身份证', '结婚证'],
  highFrequency: true,
};
const MOVE: Spec = {
  baseCode: '610705002000',
  name: '户口迁移登记',
  type: '07',
  department: 'gaj',
  targets: ['person'],
  aliases: ['迁户口'],
  keywords: ['户口', '户籍迁移'],
  materials: ['居民户口簿', '准予迁入证明'],
};
const ID_CARD: Spec = {
  baseCode: '610705003000',
  name: '居民身份证申领',
  type: '07',
  department: 'gaj',
  targets: ['person'],
  aliases: ['办身份证'],
  keywords: ['身份证'],
  materials: ['居民户口簿', '本人近期免冠照片'],
  highFrequency: true,
};
const SOCIAL_CARD: Spec = {
  baseCode: '612008001000',
  name: '社会保障卡申领',
  type: '20',
  department: 'rsj',
  targets: ['person'],
  aliases: ['社保卡办理', '社保卡申领'],
  keywords: ['社保卡', '社会保障卡'],
  materials: ['居民身份证', '本人近期免冠照片'],
  highFrequency: true,
};
const SOCIAL_INSURANCE: Spec = {
  baseCode: '610708002000',
  name: '社会保险登记',
  type: '07',
  department: 'rsj',
  targets: ['enterprise'],
  keywords: ['参保登记', '社保开户'],
  materials: ['营业执照', '单位社会保险登记表'],
};
const MARRIAGE: Spec = {
  baseCode: '610706001000',
  name: '结婚登记',
  type: '07',
  department: 'mzj',
  targets: ['person'],
  keywords: ['领结婚证'],
  materials: ['居民户口簿', '居民身份证', '本人近期免冠照片'],
  highFrequency: true,
};
const ROAD: Spec = {
  baseCode: '610111001000',
  name: '道路货物运输经营许可',
  type: '01',
  department: 'jtj',
  targets: ['enterprise'],
  keywords: ['货运', '道路运输证'],
  materials: ['道路货物运输经营申请表', '车辆技术等级评定证明', '驾驶员从业资格证'],
};
const LEASE: Spec = {
  baseCode: '612009001000',
  name: '房屋租赁登记备案',
  type: '20',
  department: 'zjj',
  targets: ['person', 'enterprise'],
  keywords: ['租房备案'],
  materials: ['房屋租赁合同', '房屋所有权证', '出租人身份证明'],
};

// Six matters in both cities, six in one: 18 implementation items. Xi'an offers more online and across regions.
const FIXTURE = [
  ...[FOOD, COMPANY, BIRTH, SOCIAL_CARD, MARRIAGE, ID_CARD].flatMap((s) => [
    implementation(s, XIAN, { handlingForm: 'online', crossRegionScope: 'province' }),
    implementation(s, BAOJI, { handlingForm: 'window' }),
  ]),
  implementation(SOLE_TRADER, XIAN),
  implementation(LICENCE_LOST, XIAN, { handlingForm: 'online', crossRegionScope: 'national' }),
  implementation(MOVE, BAOJI),
  implementation(SOCIAL_INSURANCE, XIAN),
  implementation(ROAD, BAOJI),
  // A county-level delivery carries a 2-digit suffix after the region in its code.
  implementation(LEASE, XIAN, { implementationCode: `${LEASE.baseCode}${XIAN}01` }),
];

const BUILT_AT = new Date('2025-06-01T00:00:00Z');
const index = buildSearchIndex(FIXTURE, SYNONYMS, DEPARTMENTS, { builtAt: BUILT_AT });
const search = (params: SearchParams, idx: SearchIndex = index) =>
  searchCatalog(idx, { limit: 100, ...params });
const names = (params: SearchParams) => [...new Set(search(params).items.map((h) => h.name))];

describe('the catalog search index', () => {
  it('records its format, version, build time and item count', () => {
    expect(index).toMatchObject({ formatVersion: 1, builtAt: '2025-06-01T00:00:00.000Z', itemCount: 18 });
    expect(index.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('is the same index, with the same version, when built twice from the same catalog', () => {
    const again = buildSearchIndex([...FIXTURE].reverse(), SYNONYMS, DEPARTMENTS, {
      builtAt: BUILT_AT,
    });
    expect(again).toEqual(index);
  });

  it('indexes the shared text of a base item once, however many regions implement it', () => {
    expect(index.docs).toHaveLength(12);
    expect(index.items).toHaveLength(18);
  });
});

describe('searching the catalog', () => {
  it('finds 食品经营许可 first when a citizen types 开饭店', () => {
    // given a citizen who does not know the official name
    // when they search in their own words
    const page = search({ q: '开饭店' });
    // then the matter it means comes first, reached through a synonym
    expect(page.items[0]).toMatchObject({ name: '食品经营许可', matchedOn: { via: 'synonym' } });
  });

  it('finds 企业设立登记 first for 开公司 and for 办营业执照', () => {
    expect(names({ q: '开公司' })[0]).toBe('企业设立登记');
    expect(names({ q: '办营业执照' })[0]).toBe('企业设立登记');
  });

  it('finds 出生登记 and 户口迁移登记 for 上户口', () => {
    const found = names({ q: '上户口' });
    expect(found[0]).toBe('出生登记');
    expect(found).toContain('户口迁移登记');
  });

  it('understands loosely worded phrases such as 我想开个饭店', () => {
    expect(names({ q: '我想开个饭店' })[0]).toBe('食品经营许可');
  });

  it('finds a matter by its exact name first, and by a name typed in full-width or with punctuation', () => {
    expect(names({ q: '结婚登记' })[0]).toBe('结婚登记');
    expect(names({ q: '《社会保障卡申领》' })[0]).toBe('社会保障卡申领');
    expect(names({ q: '  出生登记！' })[0]).toBe('出生登记');
  });

  it('finds items named after 营业执照 by full pinyin and by initials', () => {
    for (const q of ['yingyezhizhao', 'yyzz', 'YYZZ', 'ying ye zhi zhao', 'ＹＹＺＺ']) {
      const page = search({ q });
      expect(page.items[0]?.name, q).toBe('营业执照遗失补领');
      expect(page.items[0]?.matchedOn?.via, q).toMatch(/pinyin|initials/);
    }
  });

  it('finds items that have 营业执照 as a keyword by its pinyin, after the one named so', () => {
    const found = names({ q: 'yyzz' });
    expect(found.slice(1)).toEqual(expect.arrayContaining(['企业设立登记', '个体工商户设立登记']));
  });

  it('matches pinyin typed only in part, as one types in the search box', () => {
    expect(names({ q: 'yingyezh' })[0]).toBe('营业执照遗失补领');
    expect(names({ q: 'shehuibaozhang' })[0]).toBe('社会保障卡申领');
  });

  it('finds 社会保障卡申领 for sbk, shebaoka and shangbaoxian', () => {
    expect(names({ q: 'sbk' })[0]).toBe('社会保障卡申领');
    expect(names({ q: 'shebaoka' })[0]).toBe('社会保障卡申领');
    expect(names({ q: 'shangbaoxian' })[0]).toBe('社会保障卡申领');
  });

  it('finds a matter by the name of one of its materials', () => {
    const page = search({ q: '公司章程' });
    expect(page.items[0]).toMatchObject({ name: '企业设立登记', matchedOn: { field: 'material' } });
    expect(names({ q: '准予迁入证明' })[0]).toBe('户口迁移登记');
  });

  it('finds a matter by its department name', () => {
    expect(names({ q: '民政局' })).toEqual(['结婚登记']);
  });

  it('finds a matter with a one-character query through the bigrams that character appears in', () => {
    expect(names({ q: '婚' })).toContain('结婚登记');
  });

  it('falls back to single characters when no bigram matches, keeping only matters with all of them', () => {
    // given no matter saying 办证, when a citizen types it, then the one with alias 办身份证 comes first
    expect(names({ q: '办证' })[0]).toBe('居民身份证申领');
  });

  it('keeps only one region when asked', () => {
    // given 出生登记 in both cities
    // when searching in Baoji
    const page = search({ q: '出生登记', region: BAOJI });
    // then every hit is Baoji's, and Baoji's item carries Baoji's implementation code
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((h) => h.region === BAOJI)).toBe(true);
    expect(page.items[0]).toMatchObject({
      name: '出生登记',
      implementationCode: `${BIRTH.baseCode}${BAOJI}`,
    });
  });

  it('keeps only matters for the target, type, department, online handling and scope asked for', () => {
    expect(search({ target: 'enterprise' }).items.every((h) => h.name !== '结婚登记')).toBe(true);
    expect(names({ q: '登记', target: 'person' })).not.toContain('企业设立登记');
    expect(new Set(search({ type: '07' }).items.map((h) => h.type))).toEqual(new Set(['07']));
    expect(new Set(search({ department: 'gaj' }).items.map((h) => h.department))).toEqual(new Set(['gaj']));
    expect(search({ online: true }).items.every((h) => h.handlingForm !== 'window')).toBe(true);
    expect(search({ online: false }).items.every((h) => h.handlingForm === 'window')).toBe(true);
    expect(names({ scope: 'national' })).toEqual(['营业执照遗失补领']);
    expect(search({ region: '610400' }).total).toBe(0);
  });

  it('ranks the high-frequency matter first among equally good matches', () => {
    // given two matters that match a keyword alike, names of the same length, one of them high-frequency
    const twin = (name: string, code: string, highFrequency: boolean): Spec => ({
      baseCode: code,
      name,
      type: '20',
      department: 'mzj',
      targets: ['person'],
      keywords: ['证件'],
      materials: ['申请表'],
      highFrequency,
    });
    const build = (first: boolean) =>
      buildSearchIndex(
        [
          implementation(twin('残疾人证申领', '612006001000', first), XIAN),
          implementation(twin('老年人证申领', '612006002000', !first), XIAN),
        ],
        [],
        DEPARTMENTS,
        { builtAt: BUILT_AT },
      );
    // when searching for the keyword, then the high-frequency one comes first, whichever it is
    expect(search({ q: '证件' }, build(true)).items.map((h) => h.name)).toEqual([
      '残疾人证申领',
      '老年人证申领',
    ]);
    expect(search({ q: '证件' }, build(false)).items.map((h) => h.name)).toEqual([
      '老年人证申领',
      '残疾人证申领',
    ]);
  });

  it('tells where a hit matched and gives what a result list shows', () => {
    const [first] = search({ q: '社保卡', region: XIAN }).items;
    expect(first).toEqual({
      implementationCode: `${SOCIAL_CARD.baseCode}${XIAN}`,
      baseCode: SOCIAL_CARD.baseCode,
      name: '社会保障卡申领',
      region: XIAN,
      department: 'rsj',
      departmentName: '人力资源和社会保障局',
      type: '20',
      highFrequency: true,
      handlingForm: 'online',
      crossRegionScope: 'province',
      score: expect.any(Number),
      matchedOn: { field: 'alias', via: 'text' },
    });
  });

  it('gives back implementation codes that carry more than the base code and the region', () => {
    expect(search({ q: '房屋租赁' }).items[0]?.implementationCode).toBe(`${LEASE.baseCode}${XIAN}01`);
  });

  it('finds nothing, rather than everything, for words the catalog does not contain', () => {
    expect(search({ q: '火星移民' }).total).toBe(0);
    expect(search({ q: 'qqq' }).total).toBe(0);
  });
});

describe('listing without a query', () => {
  it('lists every item, high-frequency first, then by name', () => {
    // given no query, when listing
    const page = search({});
    // then all items come, high-frequency ones first, each group in pinyin order of names
    expect(page.total).toBe(18);
    const hf = page.items.filter((h) => h.highFrequency).map((h) => h.name);
    expect(page.items.slice(0, hf.length).every((h) => h.highFrequency)).toBe(true);
    expect([...new Set(hf)]).toEqual([
      '出生登记',
      '结婚登记',
      '居民身份证申领',
      '企业设立登记',
      '社会保障卡申领',
      '食品经营许可',
    ]);
  });

  it('applies the filters and counts what they keep', () => {
    const page = search({ region: XIAN, target: 'enterprise' });
    expect(page.total).toBe(page.items.length);
    expect(page.items.map((h) => h.name)).toEqual([
      '企业设立登记',
      '食品经营许可',
      '房屋租赁登记备案',
      '社会保险登记',
      '营业执照遗失补领',
    ]);
  });
});

describe('paging with a cursor', () => {
  it('walks through all results once, page by page', () => {
    // given a listing of 18 items, when read 5 at a time
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = searchCatalog(index, { limit: 5, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(18);
      seen.push(...page.items.map((h) => h.implementationCode));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    // then four pages cover every item exactly once, in the same order as one long page
    expect(pages).toBe(4);
    expect(seen).toEqual(search({}).items.map((h) => h.implementationCode));
  });

  it('gives the same page for the same cursor, and an opaque cursor', () => {
    const first = searchCatalog(index, { q: '登记', limit: 3 });
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const a = searchCatalog(index, { q: '登记', limit: 3, cursor: first.nextCursor! });
    const b = searchCatalog(index, { q: ' 登记 ', limit: 3, cursor: first.nextCursor! });
    expect(b).toEqual(a);
    expect(a.items[0]).not.toEqual(first.items[0]);
  });

  it('refuses a cursor from another query, with other filters, tampered with or not a cursor at all', () => {
    const { nextCursor } = searchCatalog(index, { q: '登记', limit: 3 });
    const tampered = `${nextCursor!.slice(0, -2)}${nextCursor!.endsWith('AA') ? 'BB' : 'AA'}`;
    const forged = Buffer.from(`${3}.0000000000000000`).toString('base64url');
    expect(() => searchCatalog(index, { q: '证明', limit: 3, cursor: nextCursor! })).toThrow(
      InvalidCursorError,
    );
    expect(() => searchCatalog(index, { q: '登记', region: XIAN, limit: 3, cursor: nextCursor! })).toThrow(
      InvalidCursorError,
    );
    for (const cursor of [tampered, forged, 'not a cursor', '%%%']) {
      expect(() => searchCatalog(index, { q: '登记', limit: 3, cursor }), cursor).toThrow(InvalidCursorError);
    }
  });

  it('refuses a cursor issued by an earlier index', () => {
    const { nextCursor } = searchCatalog(index, { limit: 3 });
    const republished = buildSearchIndex(FIXTURE.slice(1), SYNONYMS, DEPARTMENTS, { builtAt: BUILT_AT });
    expect(() => searchCatalog(republished, { limit: 3, cursor: nextCursor! })).toThrow(InvalidCursorError);
  });
});

describe('suggestions for the search box', () => {
  it('suggests names starting with the characters typed', () => {
    expect(suggest(index, '社会', 5).map((s) => s.name)).toEqual(['社会保障卡申领', '社会保险登记']);
  });

  it('suggests names by pinyin, initials and aliases, high-frequency first, once each', () => {
    expect(suggest(index, 'sh', 3).map((s) => s.name)).toEqual([
      '社会保障卡申领',
      '食品经营许可',
      '社会保险登记',
    ]);
    expect(suggest(index, 'yyzz', 5)).toEqual([
      {
        name: '营业执照遗失补领',
        baseCode: LICENCE_LOST.baseCode,
        highFrequency: false,
        matchedOn: 'initials',
      },
    ]);
    expect(suggest(index, '社保卡', 5).map((s) => [s.name, s.matchedOn])).toEqual([
      ['社会保障卡申领', 'alias'],
    ]);
    expect(suggest(index, '', 5)).toEqual([]);
  });
});

describe('the stored index', () => {
  it('answers the same after a JSON round trip, as when loaded from S3', () => {
    // given the index as the search function receives it
    const loaded = loadSearchIndex(JSON.parse(JSON.stringify(index)));
    // when queried, then it answers exactly as the index it was built as
    for (const q of ['开饭店', 'yyzz', '公司章程', '', '婚']) {
      expect(searchCatalog(loaded, { q, limit: 50 }), q).toEqual(searchCatalog(index, { q, limit: 50 }));
    }
    expect(suggest(loaded, 'sbk', 3)).toEqual(suggest(index, 'sbk', 3));
  });

  it('is refused when written in a format this code does not understand', () => {
    const future = { ...JSON.parse(JSON.stringify(index)), formatVersion: 2 };
    expect(() => loadSearchIndex(future)).toThrow(UnsupportedIndexFormatError);
    expect(() => searchCatalog(future, { q: '结婚' })).toThrow(UnsupportedIndexFormatError);
    expect(() => loadSearchIndex({ version: 'x' })).toThrow(UnsupportedIndexFormatError);
    expect(() => loadSearchIndex(null)).toThrow(UnsupportedIndexFormatError);
  });
});

describe('the search function bundle', () => {
  it('leaves out pinyin-pro and zod, which only the index builder needs', async () => {
    // given the imports the search function makes (its loader may come from the builder's module)
    const contents = [
      "import { searchCatalog, suggest } from './search.ts';",
      "import { loadSearchIndex } from './index-builder.ts';",
      'console.log(searchCatalog, suggest, loadSearchIndex);',
    ].join('\n');
    // when bundled as the Lambda is
    const { metafile } = await build({
      stdin: { contents, resolveDir: 'shared/domain/catalog/search', loader: 'ts' },
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
    });
    // then neither the pinyin dictionary nor zod is in it
    const inputs = Object.values(metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, i]) => i.bytesInOutput > 0)
        .map(([path]) => path),
    );
    expect(inputs.some((p) => p.includes('search/search.ts'))).toBe(true);
    expect(inputs.filter((p) => p.includes('pinyin-pro') || p.includes('zod'))).toEqual([]);
  });
});
