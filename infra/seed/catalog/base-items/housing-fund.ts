import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  businessLicence,
  calendarDays,
  idCard,
  NO_COMMITMENT,
  NO_TOLERANCE,
  onlyWhen,
  steps,
} from './helpers.ts';

/**
 * 住房公积金管理中心: an employer's registration, an employee's account, and the withdrawal on retirement.
 */

const FUND_RULES = '《住房公积金管理条例》';
const QUICK_STEPS = steps({ acceptance: 0, review: 1, issuance: 1 });

const employerRegistration: BaseItemInput = {
  baseCode: '002016001000',
  name: '住房公积金单位缴存登记',
  nameEn: 'Housing provident fund: employer contribution registration',
  aliases: ['单位住房公积金开户', '住房公积金单位开户'],
  keywords: ['公积金开户', '单位公积金开户', '公积金缴存登记', '新公司公积金', '公积金单位登记'],
  type: '20',
  department: 'housing-fund',
  level: 'city',
  legalBasis: [
    {
      law: FUND_RULES,
      article: '第十四条',
      excerpt: '新设立的单位应当自设立之日起30日内向住房公积金管理中心办理住房公积金缴存登记。',
    },
  ],
  acceptanceConditions: ['单位已依法设立', '尚未在本中心办理缴存登记'],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('住房公积金单位缴存登记表'),
    businessLicence('营业执照或其他设立证明'),
    idCard('经办人居民身份证'),
    ...agentMaterials(),
  ],
  processSteps: QUICK_STEPS,
  legalLimitDays: 5,
  resultType: 'registration',
  resultName: '住房公积金单位缴存登记',
  resultNameEn: 'Housing provident fund employer contribution registration',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const employeeAccount: BaseItemInput = {
  baseCode: '002016002000',
  name: '住房公积金个人账户设立',
  nameEn: 'Housing provident fund: opening a personal account',
  aliases: ['住房公积金增员', '职工住房公积金账户设立'],
  keywords: ['公积金增员', '员工公积金', '新员工公积金', '公积金个人开户', '交公积金'],
  type: '20',
  department: 'housing-fund',
  level: 'city',
  legalBasis: [
    {
      law: FUND_RULES,
      article: '第十五条',
      excerpt:
        '单位录用职工的，应当自录用之日起30日内向住房公积金管理中心办理缴存登记，并办理职工住房公积金账户的设立或者转移手续。',
    },
  ],
  acceptanceConditions: ['单位已办理住房公积金缴存登记', '职工录用之日起30日内'],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('住房公积金个人账户设立（增员）清册'),
    idCard('职工居民身份证'),
    ...agentMaterials(),
  ],
  processSteps: QUICK_STEPS,
  legalLimitDays: 5,
  resultType: 'registration',
  resultName: '住房公积金个人账户',
  resultNameEn: 'Housing provident fund personal account',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const retirementWithdrawal: BaseItemInput = {
  baseCode: '002016003000',
  name: '住房公积金提取（离休、退休）',
  nameEn: 'Housing provident fund withdrawal (on retirement)',
  aliases: ['离退休提取住房公积金', '住房公积金销户提取'],
  keywords: ['退休提取公积金', '公积金提取', '取公积金', '退休公积金销户', '公积金销户', '公积金怎么取'],
  type: '20',
  department: 'housing-fund',
  level: 'city',
  legalBasis: [
    {
      law: FUND_RULES,
      article: '第二十四条',
      excerpt: '职工离休、退休的，可以提取职工住房公积金账户内的存储余额。',
    },
    {
      law: FUND_RULES,
      article: '第二十五条',
      excerpt: '住房公积金管理中心应当自受理申请之日起3日内作出准予提取或者不准提取的决定，并通知申请人。',
    },
  ],
  acceptanceConditions: ['职工已办理离休、退休手续', '住房公积金账户无未结清的公积金贷款'],
  serviceTargets: ['person'],
  situations: [AGENT, { id: 'no-shared-data', name: '退休信息无法通过部门共享核验' }],
  materials: [
    idCard('职工居民身份证'),
    onlyWhen(['no-shared-data'], {
      id: 'retirement-proof',
      name: '离休、退休证明',
      required: true,
      form: 'both',
      source: 'government',
    }),
    {
      id: 'payment-account',
      name: '本人银行储蓄卡（社会保障卡金融账户）',
      required: true,
      form: 'both',
      source: 'applicant',
      copies: 0,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: 1, issuance: [1, '支付'] }),
  // 第二十五条: 3 calendar days.
  legalLimitDays: calendarDays(3),
  resultType: 'payment',
  resultName: '住房公积金提取（账户余额支付）',
  resultNameEn: 'Housing provident fund withdrawal (account balance paid out)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

export const HOUSING_FUND_ITEMS: BaseItemInput[] = [
  employerRegistration,
  employeeAccount,
  retirementWithdrawal,
];
