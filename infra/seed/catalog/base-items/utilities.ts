import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  idCard,
  NO_COMMITMENT,
  NO_TOLERANCE,
  steps,
} from './helpers.ts';

/**
 * 水电气过户: public services (20) by the water, power and gas companies, bundled with the transfer of a
 * home. Not on a national list, so they are Shaanxi-local (origin 61). The basis is the change of party to
 * the supply contract; 5 working days is the companies' published service limit, not a statutory one.
 */

const CIVIL_CODE = '《中华人民共和国民法典》';
const SUPPLY_CONTRACT = {
  law: CIVIL_CODE,
  article: '第六百四十八条',
  excerpt: '供用电合同是供电人向用电人供电，用电人支付电费的合同。',
};
const OTHER_SUPPLY = {
  law: CIVIL_CODE,
  article: '第六百五十六条',
  excerpt: '供用水、供用气、供用热力合同，参照适用供用电合同的有关规定。',
};

function transfer(
  department: 'water-supply' | 'power-supply' | 'gas-supply',
  digits: string,
  utility: { name: string; en: string; short: string; meter: string },
  keywords: string[],
): BaseItemInput {
  return {
    baseCode: `6120${digits}001000`,
    name: `${utility.name}过户`,
    nameEn: `${utility.en} account transfer`,
    aliases: [`${utility.name}户名变更`, `${utility.meter}过户`],
    keywords: [...keywords, '水电气过户', '二手房过户水电气', '房子过户后改户名'],
    type: '20',
    department,
    level: 'city',
    legalBasis: department === 'power-supply' ? [SUPPLY_CONTRACT] : [OTHER_SUPPLY, SUPPLY_CONTRACT],
    acceptanceConditions: [
      '房屋已办理不动产转移登记（或持有不动产权证书）',
      `原户名下的${utility.short}费已结清`,
    ],
    serviceTargets: ['person', 'enterprise'],
    situations: [AGENT],
    materials: [
      applicationForm(`${utility.name}过户申请表`),
      {
        id: 'title-certificate',
        name: '不动产权证书（不动产登记部门共享）',
        required: true,
        form: 'both',
        source: 'government',
        licenceType: '不动产权证书',
        copies: 0,
        core: true,
      },
      idCard('新户主居民身份证或营业执照'),
      {
        id: 'meter-number',
        name: `${utility.meter}户号`,
        required: true,
        form: 'electronic',
        source: 'applicant',
        copies: 0,
      },
      ...agentMaterials(),
    ],
    processSteps: steps({ acceptance: 0, review: [1, '核实户号及欠费'], issuance: [1, '变更户名'] }),
    legalLimitDays: 5,
    resultType: 'other',
    resultName: `${utility.name}户名变更`,
    resultNameEn: `${utility.en} account holder changed`,
    commitment: NO_COMMITMENT,
    tolerance: NO_TOLERANCE,
    // Gas appliances and pipes inside a home are a public-safety matter (入户安检 on transfer).
    riskCategories: department === 'gas-supply' ? ['public-safety'] : [],
  };
}

export const UTILITIES_ITEMS: BaseItemInput[] = [
  transfer('water-supply', '17', { name: '供水', en: 'Water supply', short: '水', meter: '水表' }, [
    '自来水过户',
    '水费户名',
    '改水费户名',
  ]),
  transfer('power-supply', '18', { name: '供电', en: 'Power supply', short: '电', meter: '电表' }, [
    '电费户名',
    '电户更名',
    '改电费户名',
  ]),
  transfer('gas-supply', '19', { name: '燃气', en: 'Gas supply', short: '气', meter: '燃气表' }, [
    '天然气过户',
    '燃气户名',
    '改燃气户名',
  ]),
];
