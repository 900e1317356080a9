import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  commitment,
  idCard,
  NO_COMMITMENT,
  NO_TOLERANCE,
  onlyWhen,
  steps,
} from './helpers.ts';

/** 医疗保障局: medical-insurance enrolment, retirees' entitlement, cross-province care, maternity benefit. */

const SOCIAL_INSURANCE_LAW = '《中华人民共和国社会保险法》';
const REGISTRATION_LIMIT = 5;
const QUICK_STEPS = steps({ acceptance: 0, review: 1, issuance: 1 });
const insuredIdentity = idCard('居民身份证或社会保障卡（医保电子凭证）');

const residentEnrolment: BaseItemInput = {
  baseCode: '002011001000',
  name: '城乡居民基本医疗保险参保登记',
  nameEn: 'Enrolment in basic medical insurance for urban and rural residents',
  aliases: ['居民医保参保登记', '城乡居民医保参保'],
  keywords: ['居民医保', '新生儿医保', '给孩子办医保', '城乡居民医保', '交医保', '新农合', '学生医保'],
  type: '20',
  department: 'medical-security',
  level: 'county',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第二十五条',
      excerpt: '国家建立和完善城镇居民基本医疗保险制度。城镇居民基本医疗保险实行个人缴费和政府补贴相结合。',
    },
    {
      law: '《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）',
    },
  ],
  acceptanceConditions: ['本地户籍或持本地居住证的常住人口（含新生儿、在校学生）', '未参加职工基本医疗保险'],
  serviceTargets: ['person'],
  situations: [AGENT, { id: 'newborn', name: '新生儿参保' }, { id: 'non-local', name: '非本地户籍常住人员' }],
  materials: [
    applicationForm('城乡居民基本医疗保险参保登记表'),
    {
      id: 'identity',
      name: '居民身份证或居民户口簿',
      required: true,
      form: 'both',
      source: 'government',
      copies: 0,
      core: true,
    },
    onlyWhen(['newborn'], {
      id: 'birth-certificate',
      name: '出生医学证明',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '出生医学证明',
    }),
    onlyWhen(['non-local'], {
      id: 'residence-permit',
      name: '居住证',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '居住证',
    }),
    ...agentMaterials(),
  ],
  processSteps: QUICK_STEPS,
  legalLimitDays: REGISTRATION_LIMIT,
  resultType: 'registration',
  resultName: '城乡居民基本医疗保险参保登记',
  resultNameEn: 'Enrolment in basic medical insurance for urban and rural residents',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const employeeEnrolment: BaseItemInput = {
  baseCode: '002011002000',
  name: '职工基本医疗保险参保登记',
  nameEn: "Enrolment in employees' basic medical insurance",
  aliases: ['医保增员', '职工医保参保登记', '灵活就业人员职工医保参保'],
  keywords: ['医保增员', '给员工交医保', '职工医保', '单位医保', '灵活就业医保'],
  type: '20',
  department: 'medical-security',
  level: 'county',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第二十三条',
      excerpt: '职工应当参加职工基本医疗保险，由用人单位和职工按照国家规定共同缴纳基本医疗保险费。',
    },
    { law: SOCIAL_INSURANCE_LAW, article: '第五十八条第一款' },
  ],
  acceptanceConditions: ['用人单位为其职工办理；灵活就业人员可以个人身份办理', '用工之日起三十日内'],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT, { id: 'flexible', name: '灵活就业人员以个人身份参保' }],
  materials: [
    applicationForm('职工基本医疗保险参保（增员）登记表'),
    insuredIdentity,
    onlyWhen(['flexible'], {
      id: 'flexible-employment',
      name: '灵活就业人员就业登记信息（部门共享）',
      required: true,
      form: 'electronic',
      source: 'government',
    }),
    ...agentMaterials(),
  ],
  processSteps: QUICK_STEPS,
  legalLimitDays: REGISTRATION_LIMIT,
  resultType: 'registration',
  resultName: '职工基本医疗保险参保登记（增员）',
  resultNameEn: "Enrolment in employees' basic medical insurance (employee added)",
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const retireeEntitlement: BaseItemInput = {
  baseCode: '000711001000',
  name: '职工基本医疗保险退休人员待遇核定',
  nameEn: "Employees' basic medical insurance: determination of retiree benefits",
  aliases: ['医保退休人员登记', '退休人员医保待遇核定'],
  keywords: ['退休医保', '退休后医保', '医保退休', '医保缴费年限', '退休人员医保', '医保补缴'],
  type: '07',
  department: 'medical-security',
  level: 'city',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第二十七条',
      excerpt:
        '参加职工基本医疗保险的个人，达到法定退休年龄时累计缴费达到国家规定年限的，退休后不再缴纳基本医疗保险费；未达到国家规定年限的，可以缴费至国家规定年限。',
    },
  ],
  acceptanceConditions: [
    '已办理退休并核定基本养老保险待遇',
    '职工医保累计缴费年限达到规定年限，或申请补缴至规定年限',
  ],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT, { id: 'top-up', name: '缴费年限不足，申请一次性补缴' }],
  materials: [
    insuredIdentity,
    {
      id: 'pension-approval',
      name: '基本养老保险待遇核定表（退休审批信息）',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    onlyWhen(['top-up'], applicationForm('职工医保一次性补缴申请表', 'top-up-form')),
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: 5, decision: 2 }),
  legalLimitDays: 10,
  resultType: 'approval',
  resultName: '职工医保退休人员待遇核定结果',
  resultNameEn: 'Decision on retiree medical insurance benefits',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const crossProvinceCare: BaseItemInput = {
  baseCode: '002011003000',
  name: '跨省异地就医直接结算备案',
  nameEn: 'Filing for direct settlement of medical treatment in another province',
  aliases: ['异地就医备案', '跨省就医备案'],
  keywords: ['异地就医', '异地医保备案', '外地看病报销', '异地就医备案', '跨省就医', '异地安置备案'],
  type: '20',
  department: 'medical-security',
  level: 'county',
  legalBasis: [
    {
      law: '《国家医疗保障局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）',
      excerpt: '跨省长期居住人员可以个人承诺方式办理备案。',
    },
  ],
  acceptanceConditions: [
    '已参加本地基本医疗保险并正常享受待遇',
    '属于异地长期居住、转诊转院或临时外出就医人员',
  ],
  serviceTargets: ['person'],
  situations: [
    AGENT,
    { id: 'long-term', name: '异地长期居住（异地安置、常驻工作、异地居住）' },
    { id: 'referral', name: '异地转诊就医' },
  ],
  materials: [
    applicationForm('跨省异地就医登记备案表'),
    insuredIdentity,
    onlyWhen(['long-term'], {
      // 医保发〔2022〕22号 lets a personal commitment stand in for the residence proof.
      id: 'residence-proof',
      name: '异地长期居住或工作证明（居住证、工作证明等）',
      required: true,
      form: 'both',
      source: 'applicant',
      replaceableByCommitment: true,
    }),
    onlyWhen(['referral'], {
      id: 'referral-proof',
      name: '参保地定点医疗机构出具的转诊转院证明',
      required: true,
      form: 'both',
      source: 'applicant',
    }),
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, issuance: [1, '备案'] }),
  legalLimitDays: REGISTRATION_LIMIT,
  resultType: 'registration',
  resultName: '跨省异地就医备案',
  resultNameEn: 'Filing for medical treatment in another province',
  commitment: commitment('本人在备案地长期居住或工作，备案期间不在参保地重复享受门诊统筹待遇'),
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const maternityAllowance: BaseItemInput = {
  baseCode: '000511001000',
  name: '生育津贴申领',
  nameEn: 'Maternity allowance claim',
  aliases: ['生育保险待遇申领', '生育津贴支付'],
  keywords: ['生育津贴', '产假工资', '生育保险', '生孩子报销', '产假津贴'],
  type: '05',
  department: 'medical-security',
  level: 'city',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第五十四条',
      excerpt: '用人单位已经缴纳生育保险费的，其职工享受生育保险待遇。',
    },
    { law: SOCIAL_INSURANCE_LAW, article: '第五十六条' },
  ],
  acceptanceConditions: ['用人单位按规定为职工缴纳生育保险费', '职工生育或施行计划生育手术并依法享受假期'],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('生育津贴申领表'),
    insuredIdentity,
    {
      id: 'birth-certificate',
      name: '出生医学证明或医疗机构出具的生育、手术证明',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: [10, '审核'], decision: 3, issuance: [2, '待遇发放'] }),
  legalLimitDays: 20,
  resultType: 'payment',
  resultName: '生育津贴',
  resultNameEn: 'Maternity allowance',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

export const MEDICAL_SECURITY_ITEMS: BaseItemInput[] = [
  residentEnrolment,
  employeeEnrolment,
  retireeEntitlement,
  crossProvinceCare,
  maternityAllowance,
];
