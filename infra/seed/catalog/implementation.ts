import type { z } from 'zod';
import {
  type BaseItem,
  type CrossRegionScope,
  type Department,
  type Fee,
  type HandlingForm,
  ImplementationItem,
  type Region,
  STANDARD_PART_KEYS,
} from '../../../shared/domain/catalog/model.ts';
import { implementingBody } from './departments.ts';
import { PROVINCE_CODE, XIXIAN_CODE } from './regions.ts';
import { consultationLine, hotline, locationsFor } from './service-centres.ts';

/**
 * One implementation item per (base item, region). The standard parts are copied unchanged from the base
 * item; only what rules.ts lets a region decide differs: who implements it, how fast it promises, how it is
 * handled, where, what it costs and how far it reaches (通办范围).
 */

type FeeInput = z.input<typeof Fee>;

// 西安 and 西咸新区 promise the shortest limits (their 承诺时限 are the province's halved); the others
// promise the provincial standard.
const FAST_REGIONS = new Set(['610100', XIXIAN_CODE]);

/**
 * The provincial standard promise where it is not simply half the legal limit: 国办发〔2019〕8号 asks 5
 * working days of ordinary real-estate registrations; 驾驶证 and 婚姻登记 are same-day; 身份证 takes 20
 * working days.
 */
const PROVINCIAL_PROMISES: Record<string, number> = {
  '000715001000': 10,
  '000715002000': 5,
  '000715003000': 5,
  '000707004000': 20,
  '000107001000': 0,
  '000702001000': 0,
  '002012001000': 0,
  '001012002000': 1,
};

function promisedLimitDays(base: BaseItem, region: Region): number {
  const standard = Math.min(
    base.legalLimitDays,
    PROVINCIAL_PROMISES[base.baseCode] ?? Math.ceil(base.legalLimitDays / 2),
  );
  return FAST_REGIONS.has(region.code) ? Math.floor(standard / 2) : standard;
}

/**
 * Done in person: fingerprints and photos, a joint declaration, an assessment, a report in person, a
 * hospital.
 */
const WINDOW_ONLY = new Set([
  '000702001000',
  '000707004000',
  '000714001000',
  '001013001000',
  '002010001000',
  '002010002000',
  '002010003000',
]);
/** Filed on the national platform, nothing to bring (全程网办). */
const ONLINE_ONLY = new Set(['001005001000', '002011003000', '002010004000']);

function handlingForm(base: BaseItem): z.infer<typeof HandlingForm> {
  if (WINDOW_ONLY.has(base.baseCode)) return 'window';
  if (ONLINE_ONLY.has(base.baseCode)) return 'online';
  return 'both';
}

/** 最多跑一次: online and fast-region or high-frequency matters need no visit; the rest at most one. */
function visits(form: z.infer<typeof HandlingForm>, base: BaseItem, region: Region): number {
  if (form === 'online') return 0;
  if (form === 'window') return 1;
  return base.highFrequency || FAST_REGIONS.has(region.code) ? 0 : 1;
}

const REAL_ESTATE_FEES: FeeInput[] = [
  {
    name: '不动产登记费（住宅类，每件）',
    amountYuan: 80,
    basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）',
  },
  {
    name: '不动产登记费（非住宅类，每件）',
    amountYuan: 550,
    basis: '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）',
  },
];

/** Most matters are free (不收费); these are the charges set by national price rules. */
const FEES: Record<string, FeeInput[]> = {
  '000707004000': [
    {
      name: '居民身份证工本费',
      amountYuan: 20,
      basis: '《中华人民共和国居民身份证法》第二十一条；国务院价格主管部门会同财政部门核定的标准',
    },
  ],
  '000107001000': [
    {
      name: '机动车驾驶证工本费',
      amountYuan: 10,
      basis: '国务院价格主管部门会同财政部门核定的公安交通管理收费标准',
    },
  ],
  '000715001000': REAL_ESTATE_FEES,
  '000715002000': REAL_ESTATE_FEES,
  '000715003000': REAL_ESTATE_FEES,
};

/**
 * Time that pauses the legal clock (时限中止): appraisal, expert review, announcement. Working days at most.
 */
const SPECIAL_PROCEDURES: Record<string, { name: string; limitDays: number }[]> = {
  '000714001000': [{ name: '残疾评定（指定医疗机构）', limitDays: 20 }],
  '000105002000': [{ name: '技术评估（专家评审）', limitDays: 20 }],
  '000105001001': [{ name: '现场核查', limitDays: 10 }],
  '000715001000': [{ name: '首次登记公告', limitDays: 15 }],
  '000502002000': [{ name: '审核确认结果公示', limitDays: 7 }],
  '000503004000': [{ name: '补贴对象公示', limitDays: 5 }],
  '610502001000': [{ name: '补贴对象公示', limitDays: 5 }],
};

/** 跨省通办 (国办发〔2020〕35号 and later lists). */
const NATIONAL = new Set([
  '000707003000',
  '000707004000',
  '000107001000',
  '002003001000',
  '002003009000',
  '002011003000',
  '000702001000',
  '000714002000',
]);
/** Tied to the land, the building, the school district or the company's network: handled where they are. */
const LOCAL_ONLY = new Set([
  '000104001000',
  '000104002000',
  '001004001000',
  '000106001000',
  '001006001000',
  '001006002000',
  '000715001000',
  '000715002000',
  '000715003000',
  '002001001000',
  '000105002000',
  '612017001000',
  '612018001000',
  '612019001000',
]);

function crossRegionScope(base: BaseItem, region: Region): CrossRegionScope {
  if (NATIONAL.has(base.baseCode)) return 'national';
  if (LOCAL_ONLY.has(base.baseCode)) return 'none';
  if (base.highFrequency) return 'province';
  // The province's own items are province-wide by nature; in the cities the rest are 市域通办.
  return region.code === PROVINCE_CODE ? 'province' : 'city';
}

/** Where the platform serves the guide and the online application (this deployment's address pattern). */
const onlineUrl = (implementationCode: string) =>
  `https://zwfw.shaanxi.gov.cn/tongban/guide/${implementationCode}`;

/** The standard parts of a base item, deep-copied so that no two items share arrays. */
function standardParts(base: BaseItem) {
  return Object.fromEntries(STANDARD_PART_KEYS.map((key) => [key, structuredClone(base[key])]));
}

export function implementationItemFor(
  base: BaseItem,
  region: Region,
  department: Department,
): ImplementationItem {
  const body = implementingBody(region, department);
  const implementationCode = `${base.baseCode}${region.code}`;
  const form = handlingForm(base);
  return ImplementationItem.parse({
    ...standardParts(base),
    implementationCode,
    region: region.code,
    implementingBody: body,
    promisedLimitDays: promisedLimitDays(base, region),
    handlingForm: form,
    visits: visits(form, base, region),
    fees: FEES[base.baseCode] ?? [],
    specialProcedures: SPECIAL_PROCEDURES[base.baseCode] ?? [],
    locations: locationsFor(base.baseCode, region, department, body),
    consultationPhone: consultationLine(region, department),
    complaintPhone: hotline(region),
    onlineUrl: form === 'window' ? undefined : onlineUrl(implementationCode),
    crossRegionScope: crossRegionScope(base, region),
  });
}

/** The implementation items of a base item in every region given (by default, all seed regions). */
export function implementationItemsFor(
  base: BaseItem,
  regions: Region[],
  departments: Department[],
): ImplementationItem[] {
  const department = departments.find((d) => d.code === base.department);
  if (!department)
    throw new Error(`Base item ${base.baseCode} names an unknown department ${base.department}`);
  return regions.map((region) => implementationItemFor(base, region, department));
}
