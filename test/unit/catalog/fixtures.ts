import {
  BaseItem,
  type Department,
  ImplementationItem,
  type Region,
} from '../../../shared/domain/catalog/model.ts';
import type { CatalogContext } from '../../../shared/domain/catalog/rules.ts';

export const REGIONS: Region[] = [
  { code: '610000', name: '陕西省', nameEn: 'Shaanxi', kind: 'province' },
  { code: '610100', name: '西安市', nameEn: "Xi'an", parent: '610000', kind: 'city' },
  { code: '610300', name: '宝鸡市', nameEn: 'Baoji', parent: '610000', kind: 'city' },
];
export const DEPARTMENTS: Department[] = [
  { code: 'market-regulation', name: '市场监督管理局', nameEn: 'Market regulation', baseCodeDigits: '09' },
];
export const CONTEXT: CatalogContext = { regions: REGIONS, departments: DEPARTMENTS };

/** 食品经营许可: a permit (01) of market regulation (09) that offers both commitment and tolerance. */
export function foodBusinessLicence(overrides: Partial<BaseItem> = {}): BaseItem {
  return BaseItem.parse({
    baseCode: '000109015000',
    name: '食品经营许可',
    aliases: ['餐饮服务许可'],
    keywords: ['开饭店'],
    type: '01',
    department: 'market-regulation',
    level: 'city',
    legalBasis: [{ law: '《中华人民共和国食品安全法》', article: '第三十五条' }],
    acceptanceConditions: ['具有与经营的食品品种、数量相适应的经营场所'],
    serviceTargets: ['person', 'enterprise'],
    situations: [{ id: 'agent', name: '委托他人办理' }],
    materials: [
      {
        id: 'application',
        name: '食品经营许可申请书',
        required: true,
        form: 'electronic',
        source: 'applicant',
        core: true,
      },
      {
        id: 'floor-plan',
        name: '经营场所平面图',
        required: true,
        form: 'electronic',
        source: 'applicant',
        deferrable: true,
      },
      {
        id: 'safety-rules',
        name: '食品安全管理制度',
        required: true,
        form: 'electronic',
        source: 'applicant',
        replaceableByCommitment: true,
      },
      {
        id: 'power-of-attorney',
        name: '授权委托书',
        required: false,
        situations: ['agent'],
        form: 'paper',
        source: 'applicant',
      },
    ],
    processSteps: [
      { id: 'accept', name: '受理', kind: 'acceptance', limitDays: 1 },
      { id: 'review', name: '审查', kind: 'review', limitDays: 6 },
      { id: 'decide', name: '决定', kind: 'decision', limitDays: 3 },
    ],
    legalLimitDays: 10,
    resultType: 'licence',
    resultName: '食品经营许可证',
    commitment: { offered: true, text: '本人承诺所提交的食品安全管理制度真实有效。', verificationDays: 30 },
    tolerance: { offered: true },
    highFrequency: true,
    ...overrides,
  });
}

/** The base item as delivered in a region: its standard parts unchanged, plus the local parts. */
export function implementedIn(base: BaseItem, region: string, overrides: Partial<ImplementationItem> = {}) {
  const { level: _level, ...standard } = base;
  return ImplementationItem.parse({
    ...standard,
    implementationCode: `${base.baseCode}${region}`,
    region,
    implementingBody: { name: '西安市市场监督管理局', uscc: '11610100MB2961374G' },
    promisedLimitDays: 5,
    handlingForm: 'both',
    visits: 0,
    locations: [
      { name: '政务服务中心', address: '凤城八路109号', hours: '工作日 9:00-17:00', phone: '12345' },
    ],
    consultationPhone: '12345',
    complaintPhone: '12345',
    crossRegionScope: 'province',
    ...overrides,
  });
}
