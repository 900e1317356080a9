import type { Department, Region } from '../../../shared/domain/catalog/model.ts';
import { PROVINCE_CODE, XIXIAN_CODE } from './regions.ts';
import { generateUscc, type RegistrationKind } from './uscc.ts';

/**
 * The departments of the seed and the bodies that implement their matters in each region. `baseCodeDigits`
 * are the seed's own department digits (positions 5-6 of a base code), not codes taken from the national
 * catalog. 市场监督管理局 has 09 and 公安局 07, the digits the local-mode demo guides (infra/local/seed.ts)
 * already use.
 */
export const SEED_DEPARTMENTS: Department[] = [
  { code: 'education', name: '教育局', nameEn: 'Education Bureau', baseCodeDigits: '01' },
  { code: 'civil-affairs', name: '民政局', nameEn: 'Civil Affairs Bureau', baseCodeDigits: '02' },
  {
    code: 'human-resources',
    name: '人力资源和社会保障局',
    nameEn: 'Human Resources and Social Security Bureau',
    baseCodeDigits: '03',
  },
  {
    code: 'natural-resources',
    name: '自然资源和规划局',
    nameEn: 'Natural Resources and Planning Bureau',
    baseCodeDigits: '04',
  },
  { code: 'ecology', name: '生态环境局', nameEn: 'Ecology and Environment Bureau', baseCodeDigits: '05' },
  {
    code: 'housing',
    name: '住房和城乡建设局',
    nameEn: 'Housing and Urban-Rural Development Bureau',
    baseCodeDigits: '06',
  },
  { code: 'public-security', name: '公安局', nameEn: 'Public Security Bureau', baseCodeDigits: '07' },
  { code: 'transport', name: '交通运输局', nameEn: 'Transport Bureau', baseCodeDigits: '08' },
  {
    code: 'market-regulation',
    name: '市场监督管理局',
    nameEn: 'Administration for Market Regulation',
    baseCodeDigits: '09',
  },
  { code: 'health', name: '卫生健康委员会', nameEn: 'Health Commission', baseCodeDigits: '10' },
  {
    code: 'medical-security',
    name: '医疗保障局',
    nameEn: 'Healthcare Security Administration',
    baseCodeDigits: '11',
  },
  { code: 'taxation', name: '税务局', nameEn: 'Taxation Bureau', baseCodeDigits: '12' },
  { code: 'veterans', name: '退役军人事务局', nameEn: 'Veterans Affairs Bureau', baseCodeDigits: '13' },
  {
    code: 'disabled-persons',
    name: '残疾人联合会',
    nameEn: "Disabled Persons' Federation",
    baseCodeDigits: '14',
  },
  {
    code: 'real-estate',
    name: '不动产登记中心',
    nameEn: 'Real Estate Registration Centre',
    baseCodeDigits: '15',
  },
  {
    code: 'housing-fund',
    name: '住房公积金管理中心',
    nameEn: 'Housing Provident Fund Management Centre',
    baseCodeDigits: '16',
  },
  { code: 'water-supply', name: '供水企业', nameEn: 'Water Supply Company', baseCodeDigits: '17' },
  { code: 'power-supply', name: '供电企业', nameEn: 'Power Supply Company', baseCodeDigits: '18' },
  { code: 'gas-supply', name: '燃气企业', nameEn: 'Gas Supply Company', baseCodeDigits: '19' },
];

interface BodyStyle {
  kind: RegistrationKind;
  /** Leading characters of the organisation code (see uscc.ts). */
  bodyPrefix: string;
  /** The provincial body, whose name does not follow the city pattern (厅 rather than 局, …). */
  province: string;
  /** The body in a city or special zone; by default the region's name followed by the department's. */
  local?: (region: Region) => string;
}

/** 西安市 → 西安, 杨凌示范区 → 杨凌: State Grid names its branches by the short name. */
const short = (region: Region) => region.name.replace(/(市|示范区)$/, '');

// Bodies created in the 2018 reform (医疗保障、退役军人、市场监管、自然资源、生态环境、卫生健康) carry
// new-style organisation codes (MB…); the others older ones. Utility names other than 西安's and State Grid's
// are stand-ins for each city's operator, to be replaced by the real company when a region is configured.
const BODIES: Record<string, BodyStyle> = {
  education: { kind: 'organ', bodyPrefix: '0', province: '陕西省教育厅' },
  'civil-affairs': { kind: 'organ', bodyPrefix: '0', province: '陕西省民政厅' },
  'human-resources': { kind: 'organ', bodyPrefix: '0', province: '陕西省人力资源和社会保障厅' },
  'natural-resources': { kind: 'organ', bodyPrefix: 'MB', province: '陕西省自然资源厅' },
  ecology: { kind: 'organ', bodyPrefix: 'MB', province: '陕西省生态环境厅' },
  housing: { kind: 'organ', bodyPrefix: '0', province: '陕西省住房和城乡建设厅' },
  'public-security': {
    kind: 'organ',
    bodyPrefix: '0',
    province: '陕西省公安厅',
    local: (r) => (r.code === XIXIAN_CODE ? '西安市公安局西咸新区分局' : `${r.name}公安局`),
  },
  transport: { kind: 'organ', bodyPrefix: '0', province: '陕西省交通运输厅' },
  'market-regulation': { kind: 'organ', bodyPrefix: 'MB', province: '陕西省市场监督管理局' },
  health: { kind: 'organ', bodyPrefix: 'MB', province: '陕西省卫生健康委员会' },
  'medical-security': { kind: 'organ', bodyPrefix: 'MB', province: '陕西省医疗保障局' },
  taxation: {
    kind: 'organ',
    bodyPrefix: 'MB',
    province: '国家税务总局陕西省税务局',
    local: (r) => `国家税务总局${r.name}税务局`,
  },
  veterans: { kind: 'organ', bodyPrefix: 'MB', province: '陕西省退役军人事务厅' },
  'disabled-persons': { kind: 'mass-organisation', bodyPrefix: '0', province: '陕西省残疾人联合会' },
  'real-estate': { kind: 'institution', bodyPrefix: '4', province: '陕西省自然资源厅不动产登记中心' },
  'housing-fund': { kind: 'institution', bodyPrefix: '4', province: '陕西省住房资金管理中心' },
  'water-supply': {
    kind: 'enterprise',
    bodyPrefix: '7',
    province: '陕西水务集团有限公司',
    local: (r) => (r.code === '610100' ? '西安水务（集团）有限责任公司' : `${r.name}水务集团`),
  },
  'power-supply': {
    kind: 'enterprise',
    bodyPrefix: '7',
    province: '国网陕西省电力有限公司',
    local: (r) => `国网${short(r)}供电公司`,
  },
  'gas-supply': {
    kind: 'enterprise',
    bodyPrefix: '7',
    province: '陕西燃气集团有限公司',
    local: (r) => (r.code === '610100' ? '西安秦华天然气有限公司' : `${r.name}燃气公司`),
  },
};

/**
 * The region whose registration authority registered a body there: 西咸新区's bodies are registered in 西安.
 */
function registrationRegion(region: Region): string {
  return region.code === XIXIAN_CODE ? (region.parent ?? PROVINCE_CODE) : region.code;
}

export interface ImplementingBody {
  name: string;
  uscc: string;
}

/** The body that implements a department's matters in a region, e.g. 西安市市场监督管理局, with its code. */
export function implementingBody(region: Region, department: Department): ImplementingBody {
  const style = BODIES[department.code];
  if (!style) throw new Error(`No implementing body for department ${department.code}`);
  const name =
    region.code === PROVINCE_CODE
      ? style.province
      : (style.local?.(region) ?? `${region.name}${department.name}`);
  const uscc = generateUscc({
    kind: style.kind,
    region: registrationRegion(region),
    bodyPrefix: style.bodyPrefix,
    seed: `${region.code}:${department.code}`,
  });
  return { name, uscc };
}
