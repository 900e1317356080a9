import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  businessLicence,
  idCard,
  NO_COMMITMENT,
  NO_TOLERANCE,
  onlyWhen,
  steps,
  TOLERANCE,
} from './helpers.ts';

/**
 * 卫生健康委员会 (and the hospitals it authorises): birth and death certificates, vaccination, health
 * licences.
 */

const birthCertificate: BaseItemInput = {
  baseCode: '002010001000',
  name: '出生医学证明首次签发',
  aliases: ['出生医学证明签发', '出生医学证明办理'],
  keywords: ['出生证', '办出生证', '出生证明', '新生儿出生证', '出生医学证明'],
  type: '20',
  department: 'health',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国母婴保健法》',
      article: '第二十三条',
      excerpt:
        '医疗保健机构和从事家庭接生的人员按照国务院卫生行政部门的规定，出具统一制发的新生儿出生医学证明。',
    },
  ],
  acceptanceConditions: ['新生儿在本省具有助产资质的医疗机构出生', '由父母或其他监护人申领'],
  serviceTargets: ['person'],
  situations: [
    { id: 'father-recorded', name: '登记父亲信息' },
    { id: 'out-of-hospital', name: '在医疗机构外分娩' },
  ],
  materials: [
    applicationForm('出生医学证明首次签发登记表'),
    idCard('母亲居民身份证', 'mother-id-card'),
    onlyWhen(['father-recorded'], idCard('父亲居民身份证', 'father-id-card')),
    onlyWhen(['out-of-hospital'], {
      id: 'parentage-test',
      name: '具有资质的机构出具的亲子鉴定证明',
      required: true,
      form: 'paper',
      source: 'applicant',
    }),
  ],
  processSteps: steps({ acceptance: 0, review: 1, issuance: 1 }),
  legalLimitDays: 5,
  resultType: 'certificate',
  resultName: '出生医学证明',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const vaccinationCertificate: BaseItemInput = {
  baseCode: '002010002000',
  name: '预防接种证办理',
  aliases: ['儿童预防接种证办理', '预防接种证建证'],
  keywords: ['打疫苗本', '接种本', '疫苗本', '宝宝打疫苗', '预防接种本', '接种证'],
  type: '20',
  department: 'health',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国疫苗管理法》',
      article: '第四十七条',
      excerpt:
        '国家对儿童实行预防接种证制度。在儿童出生后一个月内，其监护人应当到儿童居住地承担预防接种工作的接种单位或者出生医院为其办理预防接种证。',
    },
  ],
  acceptanceConditions: ['儿童出生后一个月内（逾期可补办）', '由监护人到居住地接种单位或出生医院办理'],
  serviceTargets: ['person'],
  situations: [],
  materials: [
    {
      id: 'birth-certificate',
      name: '出生医学证明',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '出生医学证明',
      copies: 0,
      core: true,
    },
    idCard('监护人居民身份证', 'guardian-id-card'),
  ],
  processSteps: steps({ acceptance: 0, issuance: [1, '建证发证'] }),
  legalLimitDays: 1,
  resultType: 'certificate',
  resultName: '预防接种证',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const deathCertificate: BaseItemInput = {
  baseCode: '002010003000',
  name: '居民死亡医学证明（推断）书签发',
  aliases: ['死亡医学证明签发', '死亡证明开具'],
  keywords: ['死亡证明', '开死亡证明', '老人去世开证明', '在家去世证明', '死亡医学证明'],
  type: '20',
  department: 'health',
  level: 'county',
  legalBasis: [
    {
      law: '《国家卫生计生委 公安部 民政部关于进一步规范人口死亡医学证明和信息登记管理工作的通知》（国卫规划发〔2013〕57号）',
    },
  ],
  acceptanceConditions: [
    '死者在医疗卫生机构内死亡，或在家中、其他场所正常死亡',
    '由死者家属或其他关系人申请',
  ],
  serviceTargets: ['person'],
  situations: [{ id: 'at-home', name: '在家中或其他场所死亡' }],
  materials: [
    idCard('死者居民身份证或居民户口簿', 'deceased-id-card'),
    idCard('申请人居民身份证'),
    onlyWhen(['at-home'], {
      id: 'death-circumstances',
      name: '村（居）民委员会或公安派出所出具的死亡情况说明',
      required: true,
      form: 'paper',
      source: 'applicant',
    }),
  ],
  processSteps: steps({ acceptance: 0, review: [1, '死因核实'], issuance: 1 }),
  legalLimitDays: 3,
  resultType: 'certificate',
  resultName: '居民死亡医学证明（推断）书',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const publicPlaceHygiene: BaseItemInput = {
  baseCode: '000110001000',
  name: '公共场所卫生许可',
  aliases: ['公共场所卫生许可证核发', '卫生许可证办理'],
  keywords: ['卫生许可证', '开宾馆', '开理发店', '开美容院', '开酒店', '开游泳馆', '开浴室', '开足浴店'],
  type: '01',
  department: 'health',
  level: 'county',
  legalBasis: [
    {
      law: '《公共场所卫生管理条例》',
      article: '第四条',
      excerpt: '国家对公共场所实行"卫生许可证"制度。"卫生许可证"由县以上卫生行政部门签发。',
    },
    { law: '《公共场所卫生管理条例》', article: '第八条' },
    { law: '《中华人民共和国行政许可法》', article: '第四十二条' },
  ],
  acceptanceConditions: [
    '属于须取得卫生许可证的公共场所（住宿、沐浴、美容美发、游泳等）',
    '场所布局、设施和卫生条件符合国家卫生标准和要求',
    '直接为顾客服务的从业人员持有有效健康合格证明',
  ],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('公共场所卫生许可申请表'),
    businessLicence(),
    {
      id: 'layout',
      name: '场所平面布局图及卫生设施设置情况',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      id: 'hygiene-report',
      name: '公共场所卫生检测或者评价报告',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      id: 'staff-health',
      name: '直接为顾客服务的从业人员健康合格证明',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      id: 'hygiene-rules',
      name: '公共场所卫生管理制度',
      required: true,
      form: 'both',
      source: 'applicant',
      deferrable: true,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 1, review: [12, '审查及现场审核'], decision: 4, issuance: 3 }),
  legalLimitDays: 20,
  resultType: 'licence',
  resultName: '公共场所卫生许可证',
  commitment: NO_COMMITMENT,
  tolerance: TOLERANCE,
  riskCategories: ['personal-health'],
};

const physicianRegistration: BaseItemInput = {
  baseCode: '000110002000',
  name: '医师执业注册',
  aliases: ['医师执业注册（首次）', '执业医师注册'],
  keywords: ['医师注册', '执业医师注册', '医师执业证书', '医生注册', '办医师执业证'],
  type: '01',
  department: 'health',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国医师法》',
      article: '第十三条',
      excerpt:
        '受理申请的卫生健康主管部门应当自受理申请之日起二十个工作日内准予注册，将注册信息录入国家信息平台，并发给医师执业证书。',
    },
  ],
  acceptanceConditions: ['已取得医师资格', '拟在医疗卫生机构中执业', '不存在不予注册的情形'],
  serviceTargets: ['person'],
  situations: [],
  materials: [
    applicationForm('医师执业注册申请审核表'),
    idCard(),
    {
      id: 'qualification',
      name: '医师资格证书',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '医师资格证书',
      copies: 0,
      core: true,
    },
    {
      id: 'employer-proof',
      name: '拟执业医疗卫生机构的聘用证明',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      id: 'health-certificate',
      name: '近6个月内的健康体检证明',
      required: true,
      form: 'both',
      source: 'applicant',
    },
  ],
  processSteps: steps({ acceptance: 1, review: 12, decision: 4, issuance: 3 }),
  legalLimitDays: 20,
  resultType: 'licence',
  resultName: '医师执业证书',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  riskCategories: ['personal-health'],
};

const birthPlanRegistration: BaseItemInput = {
  baseCode: '002010004000',
  name: '生育登记',
  aliases: ['生育登记服务', '生育服务登记'],
  keywords: ['生育登记', '准生证', '生育服务证', '怀孕登记', '生孩子登记', '三孩登记'],
  type: '20',
  department: 'health',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国人口与计划生育法》',
      article: '第十八条',
      excerpt: '国家提倡适龄婚育、优生优育。一对夫妻可以生育三个子女。',
    },
    { law: '《陕西省人口与计划生育条例》' },
  ],
  acceptanceConditions: ['夫妻一方户籍或居住地在本地', '由夫妻一方申请，可网上办理'],
  serviceTargets: ['person'],
  situations: [],
  materials: [idCard('夫妻双方居民身份证', 'spouses-id-cards')],
  processSteps: steps({ acceptance: 0, issuance: [1, '登记'] }),
  legalLimitDays: 1,
  resultType: 'registration',
  resultName: '生育登记服务单',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

export const HEALTH_ITEMS: BaseItemInput[] = [
  birthCertificate,
  vaccinationCertificate,
  deathCertificate,
  publicPlaceHygiene,
  physicianRegistration,
  birthPlanRegistration,
];
