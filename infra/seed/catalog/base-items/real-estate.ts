import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  idCard,
  NO_COMMITMENT,
  NO_TOLERANCE,
  onlyWhen,
  steps,
} from './helpers.ts';

/**
 * 不动产登记中心: registration of land and buildings. The law allows 30 working days; 国办发〔2019〕8号 asked
 * for 5 working days for ordinary registrations, which is what the regions promise (see
 * ../implementation.ts).
 */

const CIVIL_CODE_209 = {
  law: '《中华人民共和国民法典》',
  article: '第二百零九条',
  excerpt:
    '不动产物权的设立、变更、转让和消灭，经依法登记，发生效力；未经登记，不发生效力，但是法律另有规定的除外。',
};
const REGISTRATION_LIMIT = {
  law: '《不动产登记暂行条例》',
  article: '第二十条',
  excerpt: '不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续，法律另有规定的除外。',
};

function titleCertificate(situations?: string[]) {
  const certificate = {
    id: 'title-certificate',
    name: '不动产权证书',
    required: true,
    form: 'both' as const,
    source: 'government' as const,
    licenceType: '不动产权证书',
    copies: 0,
    core: true,
  };
  return situations ? onlyWhen(situations, certificate) : certificate;
}

const firstRegistration: BaseItemInput = {
  baseCode: '000715001000',
  name: '国有建设用地使用权及房屋所有权首次登记',
  nameEn: 'First registration of state-owned construction land use rights and building ownership',
  aliases: ['房屋所有权首次登记', '不动产首次登记'],
  keywords: ['首次登记', '大产证', '房屋初始登记', '开发商办证', '新房首次登记', '交房即交证'],
  type: '07',
  department: 'real-estate',
  level: 'county',
  legalBasis: [CIVIL_CODE_209, REGISTRATION_LIMIT],
  acceptanceConditions: [
    '已取得国有建设用地使用权',
    '房屋已竣工并通过规划核实和竣工验收备案',
    '已完成房产测绘',
  ],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('不动产登记申请书'),
    {
      id: 'applicant-identity',
      name: '申请人身份证明（营业执照）',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '营业执照',
      copies: 0,
      core: true,
    },
    {
      id: 'land-title',
      name: '国有建设用地使用权不动产权证书',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '不动产权证书',
      copies: 0,
      core: true,
    },
    {
      id: 'planning-verification',
      name: '建设工程规划核实意见',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    {
      id: 'completion-filing',
      name: '建设工程竣工验收备案证明',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    {
      id: 'survey-report',
      name: '房产测绘成果报告',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    ...agentMaterials(),
  ],
  // The announcement (公告) of a first registration pauses the clock and is not a step of its own.
  processSteps: steps({ acceptance: 1, review: 10, decision: [3, '登簿'], issuance: [1, '缮证发证'] }),
  legalLimitDays: 30,
  resultType: 'certificate',
  resultName: '不动产权证书',
  resultNameEn: 'Real estate title certificate',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  riskCategories: ['life-property-safety'],
};

const transferRegistration: BaseItemInput = {
  baseCode: '000715002000',
  name: '国有建设用地使用权及房屋所有权转移登记',
  nameEn: 'Transfer registration of state-owned construction land use rights and building ownership',
  aliases: ['不动产转移登记', '房屋过户登记', '二手房转移登记'],
  keywords: ['二手房过户', '房产过户', '买房过户', '卖房过户', '办房产证', '房本过户', '新房办证'],
  type: '07',
  department: 'real-estate',
  level: 'county',
  legalBasis: [
    CIVIL_CODE_209,
    {
      law: '《不动产登记暂行条例》',
      article: '第十四条',
      excerpt: '因买卖、设定抵押权等申请不动产登记的，应当由当事人双方共同申请。',
    },
    REGISTRATION_LIMIT,
  ],
  acceptanceConditions: [
    '不动产已办理首次登记，且无查封、异议等限制转移的情形',
    '买卖双方共同申请（或依法单方申请）',
    '已依法缴纳相关税费',
  ],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT, { id: 'resale', name: '存量房（二手房）买卖' }],
  materials: [
    applicationForm('不动产登记申请书'),
    idCard('买卖双方身份证明（居民身份证或营业执照）', 'parties-identity'),
    titleCertificate(['resale']),
    {
      id: 'sales-contract',
      name: '网签备案的不动产买卖合同',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      id: 'tax-receipt',
      name: '契税等税费完税凭证（部门共享）',
      required: true,
      form: 'electronic',
      source: 'government',
      copies: 0,
      core: true,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: 3, decision: [1, '登簿'], issuance: [1, '缮证发证'] }),
  legalLimitDays: 30,
  resultType: 'certificate',
  resultName: '不动产权证书',
  resultNameEn: 'Real estate title certificate',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  riskCategories: ['life-property-safety'],
  highFrequency: true,
};

const mortgageRegistration: BaseItemInput = {
  baseCode: '000715003000',
  name: '不动产抵押权首次登记',
  nameEn: 'First registration of a real estate mortgage',
  aliases: ['不动产抵押登记', '房屋抵押登记'],
  keywords: ['房产抵押', '房屋抵押登记', '抵押贷款登记', '办抵押', '房贷抵押', '抵押登记'],
  type: '07',
  department: 'real-estate',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国民法典》',
      article: '第四百零二条',
      excerpt: '以建筑物和其他土地附着物、建设用地使用权等财产抵押的，应当办理抵押登记。抵押权自登记时设立。',
    },
    REGISTRATION_LIMIT,
  ],
  acceptanceConditions: ['抵押财产已办理不动产登记', '抵押人与抵押权人共同申请'],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('不动产登记申请书'),
    idCard('抵押人、抵押权人身份证明', 'parties-identity'),
    titleCertificate(),
    {
      id: 'mortgage-contract',
      name: '主债权合同及抵押合同',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: 2, decision: [1, '登簿'], issuance: [1, '出具证明'] }),
  legalLimitDays: 30,
  resultType: 'certificate',
  resultName: '不动产登记证明（抵押权）',
  resultNameEn: 'Real estate registration certificate (mortgage)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  riskCategories: ['life-property-safety'],
  highFrequency: true,
};

const recordsQuery: BaseItemInput = {
  baseCode: '002015001000',
  name: '不动产登记资料查询',
  nameEn: 'Search of real estate registration records',
  aliases: ['不动产登记信息查询', '房产档案查询'],
  keywords: ['查房产', '房产查询', '查档', '不动产查档', '有无房产证明', '无房证明', '名下房产'],
  type: '20',
  department: 'real-estate',
  level: 'county',
  legalBasis: [
    {
      law: '《不动产登记暂行条例》',
      article: '第二十七条',
      excerpt: '权利人、利害关系人可以依法查询、复制不动产登记资料。',
    },
    { law: '《不动产登记资料查询暂行办法》' },
  ],
  acceptanceConditions: ['查询人为权利人、利害关系人或其委托的代理人', '查询目的合法'],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT],
  materials: [applicationForm('不动产登记资料查询申请书'), idCard('查询人身份证明'), ...agentMaterials()],
  processSteps: steps({ acceptance: 0, issuance: [1, '出具查询结果'] }),
  legalLimitDays: 5,
  resultType: 'other',
  resultName: '不动产登记资料查询结果证明',
  resultNameEn: 'Certificate of the real estate registration records found',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

export const REAL_ESTATE_ITEMS: BaseItemInput[] = [
  firstRegistration,
  transferRegistration,
  mortgageRegistration,
  recordsQuery,
];
