import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ImplementationItem } from '../../shared/domain/catalog/model.ts';
import { buildSearchIndex, type Synonym } from '../../shared/domain/catalog/search/index-builder.ts';
import {
  loadSearchIndex,
  type SearchParams,
  searchCatalog,
  suggest,
} from '../../shared/domain/catalog/search/search.ts';
import { percentile } from './stats.ts';

// `npx tsx test/bench/search.ts`: what the catalog search costs — index size, build time, the cold start a
// search function pays to parse and hydrate it, and query latency — over the seed and a generated catalog.

type Department = { code: string; name: string };
interface Catalog {
  label: string;
  items: ImplementationItem[];
  synonyms: Synonym[];
  departments: Department[];
}

export interface CatalogFigures {
  label: string;
  items: number;
  docs: number;
  tokens: number;
  jsonBytes: number;
  gzipBytes: number;
  buildMs: number;
  /** gunzip + JSON.parse + hydrate: what the search function pays before its first answer. */
  coldStartMs: { gunzip: number; parse: number; hydrate: number; total: number };
  /** The first pinyin query also builds the pinyin table (once per container). */
  firstPinyinQueryMs: number;
  queries: number;
  repetitions: number;
  searchMs: { p50: number; p95: number; max: number };
  slowestQuery: { q: string; p95: number };
  suggestMs: { p50: number; p95: number };
}

export interface SearchBenchFigures {
  seed: CatalogFigures | { skipped: string };
  generated: CatalogFigures[];
}

const REGIONS = [
  '610000',
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
  '610403',
];

/** ~30 queries a search box sees: names, colloquial, materials, pinyin, initials, partial, mixed, filters. */
const QUERIES: SearchParams[] = [
  { q: '营业执照' },
  { q: '食品经营许可' },
  { q: '社会保障卡申领' },
  { q: '开饭店' },
  { q: '开公司' },
  { q: '上户口' },
  { q: '办身份证' },
  { q: '社保卡怎么办理' },
  { q: '我想开个饭店' },
  { q: '公司章程' },
  { q: '房屋租赁合同' },
  { q: '市场监督管理局' },
  { q: '证' },
  { q: '办证' },
  { q: 'yingyezhizhao' },
  { q: 'shipinjingying' },
  { q: 'shebaoka' },
  { q: 'shangbaoxian' },
  { q: 'yyzz' },
  { q: 'sbk' },
  { q: 'spjyxk' },
  { q: 'yingyez' },
  { q: '办yyzz' },
  { q: 'ＹＹＺＺ' },
  { q: '登记', region: '610100' },
  { q: '许可', target: 'enterprise', online: true },
  { q: 'yyzz', region: '610300', type: '01' },
  { region: '610100' },
  { type: '07', online: true, limit: 50 },
  {},
];

export async function runSearchBench(repetitions = 50): Promise<SearchBenchFigures> {
  const seed = await seedCatalog();
  return {
    seed: typeof seed === 'string' ? { skipped: seed } : measure(seed, repetitions),
    generated: [
      measure(generatedCatalog(5_000, 12), repetitions),
      measure(generatedCatalog(5_000, 1), repetitions),
    ],
  };
}

function measure(catalog: Catalog, repetitions: number): CatalogFigures {
  const builds = [0, 1, 2].map(() =>
    timed(() =>
      buildSearchIndex(catalog.items, catalog.synonyms, catalog.departments, { builtAt: new Date() }),
    ),
  );
  const index = builds[0]!.value;
  const json = JSON.stringify(index);
  const gz = gzipSync(json);

  const colds = Array.from({ length: 15 }, () => {
    const gunzip = timed(() => gunzipSync(gz).toString('utf8'));
    const parse = timed(() => JSON.parse(gunzip.value));
    const hydrate = timed(() => loadSearchIndex(parse.value));
    return { gunzip: gunzip.ms, parse: parse.ms, hydrate: hydrate.ms, index: hydrate.value };
  });
  const median = (xs: number[]) => percentile(xs, 50);
  const coldStartMs = {
    gunzip: median(colds.map((c) => c.gunzip)),
    parse: median(colds.map((c) => c.parse)),
    hydrate: median(colds.map((c) => c.hydrate)),
    total: median(colds.map((c) => c.gunzip + c.parse + c.hydrate)),
  };
  const loaded = colds.at(-1)!.index;
  const firstPinyinQueryMs = timed(() => searchCatalog(loaded, { q: 'yyzz' })).ms;

  for (const params of QUERIES) searchCatalog(loaded, params); // warm the JIT and the lazy tables
  const all: number[] = [];
  let slowestQuery = { q: '', p95: 0 };
  for (const params of QUERIES) {
    const samples = Array.from({ length: repetitions }, () => timed(() => searchCatalog(loaded, params)).ms);
    all.push(...samples);
    const p95 = percentile(samples, 95);
    if (p95 > slowestQuery.p95) slowestQuery = { q: describe(params), p95 };
  }
  const prefixes = ['营业', '社', 'sh', 'yyzz', 'shebao', 'spj', '食品经营'];
  const suggestSamples = prefixes.flatMap((p) =>
    Array.from({ length: repetitions }, () => timed(() => suggest(loaded, p, 8)).ms),
  );

  return {
    label: catalog.label,
    items: index.itemCount,
    docs: index.docs.length,
    tokens: Object.keys(index.postings).length,
    jsonBytes: Buffer.byteLength(json),
    gzipBytes: gz.length,
    buildMs: Math.min(...builds.map((b) => b.ms)),
    coldStartMs,
    firstPinyinQueryMs,
    queries: QUERIES.length,
    repetitions,
    searchMs: { p50: percentile(all, 50), p95: percentile(all, 95), max: Math.max(...all) },
    slowestQuery,
    suggestMs: { p50: percentile(suggestSamples, 50), p95: percentile(suggestSamples, 95) },
  };
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

const describe = (p: SearchParams) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join('&') || '(list all)';

// The seed is written by another part of the project; until it exists the bench says so and goes on.
async function seedCatalog(): Promise<Catalog | string> {
  const path = fileURLToPath(new URL('../../infra/seed/catalog/index.ts', import.meta.url));
  if (!existsSync(path)) return 'infra/seed/catalog/index.ts does not exist yet';
  const mod = (await import(pathToFileURL(path).href)) as { seedCatalog?: () => unknown };
  if (typeof mod.seedCatalog !== 'function') return 'infra/seed/catalog/index.ts exports no seedCatalog()';
  const seed = (await mod.seedCatalog()) as {
    implementationItems: ImplementationItem[];
    synonyms?: Synonym[];
    departments: Department[];
  };
  return {
    label: 'seed',
    items: seed.implementationItems,
    synonyms: seed.synonyms ?? [],
    departments: seed.departments,
  };
}

// --- a generated catalog: realistic names from fragments, deterministic -------------------------------------

interface Domain {
  department: Department;
  digits: string;
  objects: string[];
  materials: string[];
}

const DOMAINS: Domain[] = [
  {
    department: { code: 'market-regulation', name: '市场监督管理局' },
    digits: '09',
    objects: [
      '营业执照',
      '食品经营许可证',
      '食品生产许可证',
      '特种设备使用登记证',
      '工业产品生产许可证',
      '药品经营许可证',
      '医疗器械经营许可证',
      '计量器具型式批准证书',
    ],
    materials: [
      '营业执照',
      '公司章程',
      '法定代表人身份证明',
      '经营场所使用证明',
      '食品安全管理制度',
      '设备布局图',
      '从业人员健康证明',
    ],
  },
  {
    department: { code: 'public-security', name: '公安局' },
    digits: '05',
    objects: [
      '居民身份证',
      '户口',
      '居住证',
      '机动车驾驶证',
      '机动车登记证书',
      '出入境通行证',
      '无犯罪记录证明',
      '剧毒化学品购买许可证',
    ],
    materials: ['居民户口簿', '居民身份证', '本人近期免冠照片', '出生医学证明', '准予迁入证明', '体检证明'],
  },
  {
    department: { code: 'human-resources', name: '人力资源和社会保障局' },
    digits: '08',
    objects: [
      '社会保障卡',
      '社会保险',
      '失业保险金',
      '职业资格证书',
      '人力资源服务许可证',
      '劳务派遣经营许可证',
      '技能人员职业资格证书',
      '退休',
    ],
    materials: [
      '居民身份证',
      '劳动合同',
      '解除劳动合同证明',
      '单位社会保险登记表',
      '银行账户信息',
      '工资发放记录',
    ],
  },
  {
    department: { code: 'civil-affairs', name: '民政局' },
    digits: '06',
    objects: [
      '结婚登记',
      '离婚登记',
      '社会团体',
      '民办非企业单位',
      '最低生活保障',
      '特困人员救助供养',
      '殡葬服务许可',
      '收养登记',
    ],
    materials: ['居民户口簿', '居民身份证', '无配偶声明', '章程草案', '验资报告', '家庭收入证明'],
  },
  {
    department: { code: 'transport', name: '交通运输局' },
    digits: '11',
    objects: [
      '道路运输经营许可证',
      '道路运输证',
      '出租汽车驾驶员证',
      '网络预约出租汽车运输证',
      '超限运输车辆通行证',
      '港口经营许可证',
      '机动车维修经营备案',
      '驾驶员培训许可',
    ],
    materials: ['车辆行驶证', '驾驶员从业资格证', '车辆技术等级评定证明', '安全生产管理制度', '停车场地证明'],
  },
  {
    department: { code: 'housing', name: '住房和城乡建设局' },
    digits: '12',
    objects: [
      '建筑工程施工许可证',
      '商品房预售许可证',
      '房屋租赁登记备案',
      '建筑业企业资质证书',
      '住房公积金',
      '燃气经营许可证',
      '城市建筑垃圾处置核准',
      '物业服务企业备案',
    ],
    materials: [
      '房屋租赁合同',
      '房屋所有权证',
      '建设工程规划许可证',
      '施工合同',
      '中标通知书',
      '安全生产许可证',
    ],
  },
  {
    department: { code: 'health', name: '卫生健康委员会' },
    digits: '13',
    objects: [
      '医疗机构执业许可证',
      '医师执业证书',
      '护士执业证书',
      '出生医学证明',
      '公共场所卫生许可证',
      '放射诊疗许可证',
      '母婴保健技术服务执业许可证',
      '生育登记',
    ],
    materials: ['医师资格证书', '健康证明', '执业场所证明', '设备清单', '卫生管理制度'],
  },
  {
    department: { code: 'education', name: '教育局' },
    digits: '14',
    objects: [
      '教师资格证',
      '民办学校办学许可证',
      '校外培训机构',
      '学历证明',
      '中等职业学校',
      '学生资助',
      '幼儿园',
      '义务教育入学',
    ],
    materials: ['学历证书', '普通话水平测试等级证书', '教师资格考试合格证明', '办学场所证明', '师资情况说明'],
  },
];

const ACTIONS = [
  '核发',
  '变更',
  '延续',
  '注销',
  '补领',
  '换发',
  '申领',
  '备案',
  '登记',
  '审批',
  '确认',
  '查询',
];
const QUALIFIERS = [
  '',
  '个体工商户',
  '外商投资企业',
  '农民专业合作社',
  '分支机构',
  '港澳台居民',
  '省级',
  '市级',
  '县级',
  '跨省',
];
const ALIAS_VERBS = ['办', '申请', '办理'];

const SYNONYMS: Synonym[] = [
  { terms: ['开饭店', '开餐馆', '开小吃店'], meaning: '食品经营许可证' },
  { terms: ['开公司', '注册公司', '办营业执照'], meaning: '营业执照 设立' },
  { terms: ['上户口', '报户口', '落户'], meaning: '户口 登记' },
  { terms: ['上保险', '办社保'], meaning: '社会保障卡 社会保险' },
  { terms: ['领证', '扯证'], meaning: '结婚登记' },
  { terms: ['考驾照', '学车'], meaning: '机动车驾驶证' },
  { terms: ['租房', '租房子'], meaning: '房屋租赁登记备案' },
  { terms: ['当老师'], meaning: '教师资格证' },
];

/** A small deterministic generator (xorshift32), so every run benchmarks the same catalog. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  return { next, pick: <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)]! };
}

/** `size` implementation items: size / regions base items, each implemented in `regions` regions. */
export function generatedCatalog(size: number, regions: number): Catalog {
  const r = random(20_250_601);
  const baseCount = Math.ceil(size / regions);
  const combos = DOMAINS.flatMap((domain) =>
    QUALIFIERS.flatMap((qualifier) =>
      domain.objects.flatMap((object) => ACTIONS.map((action) => ({ domain, qualifier, object, action }))),
    ),
  );
  if (combos.length < baseCount)
    throw new Error(`only ${combos.length} distinct names for ${baseCount} base items`);
  // Plain names first (营业执照核发 before 外商投资企业营业执照核发), spread across the departments.
  const chosen = combos
    .map((c, i) => ({ c, order: QUALIFIERS.indexOf(c.qualifier) * 1e6 + ((i * 7919) % combos.length) }))
    .sort((a, b) => a.order - b.order)
    .slice(0, baseCount)
    .map((x) => x.c);
  const items: ImplementationItem[] = [];
  chosen.forEach(({ domain, qualifier, object, action }, n) => {
    const type =
      action === '核发' || action === '审批' ? '01' : action === '确认' || action === '登记' ? '07' : '20';
    const baseCode = `61${type}${domain.digits}${String(n).padStart(6, '0')}`;
    const materials = [
      `${object}${action}申请表`,
      ...new Set(Array.from({ length: 2 + Math.floor(r.next() * 5) }, () => r.pick(domain.materials))),
    ];
    const base = ImplementationItem.parse({
      baseCode,
      name: `${qualifier}${object}${action}`,
      aliases: r.next() < 0.5 ? [`${r.pick(ALIAS_VERBS)}${object}`] : [],
      keywords: r.next() < 0.7 ? [object, r.pick(ACTIONS)] : [object],
      type,
      department: domain.department.code,
      legalBasis: [{ law: '《中华人民共和国行政许可法》', article: '第十二条' }],
      acceptanceConditions: ['申请材料齐全、符合法定形式'],
      serviceTargets:
        r.next() < 0.5 ? ['person'] : r.next() < 0.5 ? ['enterprise'] : ['person', 'enterprise'],
      materials: materials.map((name, i) => ({
        id: `m${i}`,
        name,
        required: true,
        form: 'both',
        source: 'applicant',
      })),
      processSteps: [{ id: 'accept', name: '受理', kind: 'acceptance', limitDays: 1 }],
      legalLimitDays: 20,
      resultType: 'other',
      resultName: `${object}`,
      commitment: { offered: false },
      tolerance: { offered: false },
      highFrequency: r.next() < 0.1,
      implementationCode: `${baseCode}${REGIONS[0]}`,
      region: REGIONS[0],
      implementingBody: { name: '行政审批服务局', uscc: '11610000MB0000000X' },
      promisedLimitDays: 5,
      handlingForm: 'both',
      visits: 0,
      locations: [
        { name: '政务服务中心', address: '政务服务中心一楼', hours: '工作日 9:00-17:00', phone: '12345' },
      ],
      consultationPhone: '12345',
      complaintPhone: '12345',
      crossRegionScope: 'none',
    });
    for (const region of REGIONS.slice(0, regions)) {
      if (items.length === size) return;
      items.push({
        ...base,
        region,
        implementationCode: `${baseCode}${region}`,
        handlingForm: r.pick(['online', 'window', 'both'] as const),
        crossRegionScope: r.pick(['none', 'city', 'province', 'national'] as const),
      });
    }
  });
  return {
    label: `generated ${size.toLocaleString('en')} (${baseCount} base × ${regions} region${regions > 1 ? 's' : ''})`,
    items,
    synonyms: SYNONYMS,
    departments: DOMAINS.map((d) => d.department),
  };
}

// --- the table -----------------------------------------------------------------------------------------------

export function printSearchBench(figures: SearchBenchFigures): void {
  const rows = [...('skipped' in figures.seed ? [] : [figures.seed]), ...figures.generated];
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const table: [string, (f: CatalogFigures) => string][] = [
    ['items / docs / tokens', (f) => `${f.items} / ${f.docs} / ${f.tokens}`],
    ['index JSON (raw)', (f) => kb(f.jsonBytes)],
    ['index JSON (gzip)', (f) => kb(f.gzipBytes)],
    ['build', (f) => ms(f.buildMs)],
    ['cold: gunzip', (f) => ms(f.coldStartMs.gunzip)],
    ['cold: JSON.parse', (f) => ms(f.coldStartMs.parse)],
    ['cold: hydrate', (f) => ms(f.coldStartMs.hydrate)],
    ['cold: total', (f) => ms(f.coldStartMs.total)],
    ['first pinyin query', (f) => ms(f.firstPinyinQueryMs)],
    ['search p50', (f) => ms(f.searchMs.p50)],
    ['search p95', (f) => ms(f.searchMs.p95)],
    ['search max', (f) => ms(f.searchMs.max)],
    ['slowest query (p95)', (f) => `${f.slowestQuery.q} ${ms(f.slowestQuery.p95)}`],
    ['suggest p50 / p95', (f) => `${ms(f.suggestMs.p50)} / ${ms(f.suggestMs.p95)}`],
  ];
  const width = 28;
  const col = 42;
  console.log(`\ncatalog search — ${new Date().toISOString()}`);
  console.log(`  ${''.padEnd(width)}${rows.map((f) => f.label.padEnd(col)).join('')}`);
  for (const [label, cell] of table)
    console.log(`  ${label.padEnd(width)}${rows.map((f) => cell(f).padEnd(col)).join('')}`);
  if ('skipped' in figures.seed) console.log(`  seed: skipped (${figures.seed.skipped})`);
  const q = rows[0];
  if (q) console.log(`  ${q.queries} queries × ${q.repetitions} repetitions each, limit 20, one thread\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printSearchBench(await runSearchBench(Number(process.env.BENCH_REPETITIONS ?? 50)));
}
