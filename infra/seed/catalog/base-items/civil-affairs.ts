import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  householdBook,
  idCard,
  NO_COMMITMENT,
  NO_TOLERANCE,
  onlyWhen,
  steps,
} from './helpers.ts';

/** 民政局: marriage registration and the allowances paid to people in need. */

const marriageRegistration: BaseItemInput = {
  baseCode: '000702001000',
  name: '内地居民结婚登记',
  nameEn: 'Marriage registration (mainland residents)',
  aliases: ['结婚登记', '婚姻登记（结婚）'],
  keywords: ['领证', '领结婚证', '结婚证', '扯证', '登记结婚', '结婚登记预约'],
  type: '07',
  department: 'civil-affairs',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国民法典》',
      article: '第一千零四十九条',
      excerpt:
        '要求结婚的男女双方应当亲自到婚姻登记机关申请结婚登记。符合本法规定的，予以登记，发给结婚证。完成结婚登记，即确立婚姻关系。',
    },
    {
      // 2025 revision (国务院令第804号, in force 2025-05-10): 全国通办, no 户口簿, no fees.
      law: '《婚姻登记条例》',
      article: '第二章 结婚登记',
      excerpt:
        '申请结婚登记的内地居民应当出具本人的居民身份证，以及本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明。',
    },
  ],
  acceptanceConditions: [
    '男年满二十二周岁，女年满二十周岁',
    '男女双方完全自愿',
    '双方均无配偶',
    '双方没有直系血亲和三代以内旁系血亲关系',
    '男女双方亲自到婚姻登记机关共同申请',
  ],
  serviceTargets: ['person'],
  situations: [],
  materials: [
    idCard('男方居民身份证', 'id-card-man'),
    idCard('女方居民身份证', 'id-card-woman'),
    {
      id: 'declaration',
      name: '申请结婚登记声明书（本人无配偶以及与对方没有直系血亲和三代以内旁系血亲关系的签字声明）',
      required: true,
      form: 'paper',
      source: 'applicant',
      blankForm: '申请结婚登记声明书',
      core: true,
    },
    {
      id: 'photos',
      name: '双方近期半身免冠合影照片（可现场拍摄）',
      required: true,
      form: 'paper',
      source: 'applicant',
      copies: 3,
    },
  ],
  // Registered on the spot (当场予以登记): every step takes 0 working days.
  processSteps: steps({ acceptance: 0, review: 0, decision: 0, issuance: [0, '颁发结婚证'] }),
  legalLimitDays: 0,
  resultType: 'certificate',
  resultName: '结婚证',
  resultNameEn: 'Marriage certificate',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const disabilityAllowances: BaseItemInput = {
  baseCode: '000502001000',
  name: '困难残疾人生活补贴和重度残疾人护理补贴',
  nameEn: 'Living allowance for disabled people in hardship and nursing allowance for the severely disabled',
  aliases: ['残疾人两项补贴', '困难残疾人生活补贴', '重度残疾人护理补贴'],
  keywords: ['残疾补贴', '残疾人补贴', '护理补贴', '残疾人生活补贴', '两项补贴', '重残补贴'],
  type: '05',
  department: 'civil-affairs',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国残疾人保障法》',
      article: '第四十八条',
      excerpt: '对生活不能自理的残疾人，地方各级人民政府应当根据情况给予护理补贴。',
    },
    {
      law: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    },
  ],
  acceptanceConditions: [
    '持有第二代中华人民共和国残疾人证且户籍在本地',
    '生活补贴：低保家庭中的残疾人（及当地规定的其他困难残疾人）',
    '护理补贴：残疾等级为一级、二级且需要长期照护的重度残疾人',
  ],
  serviceTargets: ['person'],
  situations: [AGENT, { id: 'living', name: '申请困难残疾人生活补贴' }],
  materials: [
    applicationForm('残疾人两项补贴申请审批表'),
    {
      id: 'disability-certificate',
      name: '中华人民共和国残疾人证',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '残疾人证',
      copies: 0,
      core: true,
    },
    idCard('申请人居民身份证或居民户口簿'),
    onlyWhen(['living'], {
      id: 'subsistence-certificate',
      name: '最低生活保障证或低保家庭证明',
      required: true,
      form: 'both',
      source: 'government',
    }),
    ...agentMaterials(),
  ],
  processSteps: steps({
    acceptance: 0,
    review: [10, '乡镇（街道）初审'],
    decision: [7, '县级民政部门审核确认'],
    issuance: [3, '补贴发放'],
  }),
  legalLimitDays: 20,
  resultType: 'payment',
  resultName: '困难残疾人生活补贴、重度残疾人护理补贴（按月发放）',
  resultNameEn: 'Living allowance and nursing allowance for disabled people (paid monthly)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const subsistenceAllowance: BaseItemInput = {
  baseCode: '000502002000',
  name: '最低生活保障审核确认',
  nameEn: 'Minimum living allowance: review and confirmation',
  aliases: ['低保申请', '城乡最低生活保障'],
  keywords: ['低保', '申请低保', '吃低保', '最低生活保障', '困难补助', '生活困难'],
  type: '05',
  department: 'civil-affairs',
  level: 'county',
  legalBasis: [
    {
      law: '《社会救助暂行办法》',
      article: '第十一条',
      excerpt: '申请最低生活保障，由共同生活的家庭成员向户籍所在地的乡镇人民政府、街道办事处提出书面申请。',
    },
    { law: '《最低生活保障审核确认办法》（民发〔2021〕57号）' },
  ],
  acceptanceConditions: [
    '共同生活的家庭成员人均收入低于当地最低生活保障标准',
    '家庭财产状况符合当地规定',
    '持有当地常住户口',
  ],
  serviceTargets: ['person'],
  situations: [AGENT, { id: 'disability', name: '家庭成员中有残疾人' }],
  materials: [
    applicationForm('最低生活保障申请书'),
    householdBook('家庭成员居民户口簿'),
    idCard('家庭成员居民身份证', 'family-id-cards'),
    {
      id: 'verification-consent',
      name: '家庭经济状况核对授权书',
      required: true,
      form: 'paper',
      source: 'applicant',
      blankForm: '家庭经济状况核对授权书',
      core: true,
    },
    {
      id: 'income-statement',
      name: '家庭收入和财产状况声明',
      required: true,
      form: 'paper',
      source: 'applicant',
    },
    onlyWhen(['disability'], {
      id: 'disability-certificate',
      name: '残疾人证',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '残疾人证',
    }),
    ...agentMaterials(),
  ],
  processSteps: steps({
    acceptance: 0,
    review: [15, '入户调查及家庭经济状况核对'],
    decision: [10, '审核确认及公示'],
    issuance: [3, '资金发放'],
  }),
  legalLimitDays: 30,
  resultType: 'payment',
  resultName: '最低生活保障金（按月发放）',
  resultNameEn: 'Minimum living allowance (paid monthly)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

/** Shaanxi-local (origin 61): the amounts and age bands are set by the provincial and city governments. */
const oldAgeAllowance: BaseItemInput = {
  baseCode: '610502001000',
  name: '高龄老人生活保健补贴',
  nameEn: 'Living and health-care allowance for the very elderly',
  aliases: ['高龄津贴', '高龄补贴申领'],
  keywords: ['高龄补贴', '老人补贴', '80岁补贴', '百岁老人补贴', '长寿补贴', '老年人补贴'],
  type: '05',
  department: 'civil-affairs',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国老年人权益保障法》',
      article: '第三十三条',
      excerpt: '国家鼓励地方建立八十周岁以上低收入老年人高龄津贴制度。',
    },
  ],
  acceptanceConditions: ['具有本省户籍', '达到本省规定的享受年龄'],
  serviceTargets: ['person'],
  situations: [AGENT],
  materials: [
    applicationForm('高龄老人生活保健补贴申请表'),
    idCard('老人居民身份证'),
    householdBook(),
    {
      id: 'payment-account',
      name: '本人社会保障卡或银行账户信息',
      required: true,
      form: 'both',
      source: 'applicant',
      copies: 0,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({
    acceptance: 0,
    review: [10, '审核'],
    decision: [5, '公示及确认'],
    issuance: [3, '发放'],
  }),
  legalLimitDays: 20,
  resultType: 'payment',
  resultName: '高龄老人生活保健补贴（按月发放）',
  resultNameEn: 'Living and health-care allowance for the very elderly (paid monthly)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

export const CIVIL_AFFAIRS_ITEMS: BaseItemInput[] = [
  marriageRegistration,
  disabilityAllowances,
  subsistenceAllowance,
  oldAgeAllowance,
];
