import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  businessLicence,
  calendarDays,
  commitment,
  householdBook,
  idCard,
  NO_COMMITMENT,
  NO_TOLERANCE,
  steps,
} from './helpers.ts';

/**
 * 人力资源和社会保障局, social insurance: registrations, pensions and survivors' benefits, the
 * social-security card. Employment matters of the same department are in employment.ts.
 */

export const SOCIAL_INSURANCE_LAW = '《中华人民共和国社会保险法》';

// Registrations at a social-insurance agency have no office deadline in law; 5 working days is the seed's
// limit.
export const REGISTRATION_LIMIT = 5;
export const QUICK_STEPS = steps({ acceptance: 0, review: 1, issuance: 1 });

/** 居民身份证 or the social-security card: either identifies an insured person at the agency. */
export const insuredIdentity = idCard('居民身份证或社会保障卡');

const socialSecurityCard: BaseItemInput = {
  baseCode: '002003001000',
  name: '社会保障卡申领',
  nameEn: 'Social security card application',
  aliases: ['社会保障卡办理', '社保卡申领', '第三代社会保障卡申领'],
  keywords: ['办社保卡', '社保卡', '新生儿社保卡', '补办社保卡', '社保卡丢了', '电子社保卡'],
  type: '20',
  department: 'human-resources',
  level: 'city',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第五十八条第三款',
      excerpt: '国家建立全国统一的个人社会保障号码。个人社会保障号码为公民身份号码。',
    },
  ],
  acceptanceConditions: ['已参加社会保险或按规定可申领社会保障卡的人员', '未持有有效的社会保障卡'],
  serviceTargets: ['person'],
  situations: [AGENT, { id: 'newborn', name: '为新生儿申领（监护人代办）' }],
  materials: [
    {
      id: 'identity',
      name: '居民身份证（新生儿为居民户口簿或出生医学证明）',
      required: true,
      form: 'both',
      source: 'government',
      copies: 0,
      core: true,
    },
    {
      id: 'photo',
      name: '近期免冠证件照（可现场拍摄或调用公安人像）',
      required: true,
      form: 'electronic',
      source: 'applicant',
      copies: 0,
    },
    {
      id: 'guardian-id-card',
      name: '监护人居民身份证',
      required: false,
      situations: ['newborn'],
      form: 'both',
      source: 'government',
      licenceType: '居民身份证',
      copies: 0,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: 1, decision: [8, '制卡'], issuance: [1, '发卡'] }),
  legalLimitDays: 20,
  resultType: 'certificate',
  resultName: '社会保障卡',
  resultNameEn: 'Social security card',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const employerRegistration: BaseItemInput = {
  baseCode: '002003003000',
  name: '单位参保登记',
  nameEn: 'Employer social insurance registration',
  aliases: ['单位社会保险登记', '企业社会保险登记', '社保开户'],
  keywords: ['公司社保开户', '单位社保开户', '企业参保', '社保登记', '新公司交社保'],
  type: '20',
  department: 'human-resources',
  level: 'county',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第五十七条第一款',
      excerpt:
        '用人单位应当自成立之日起三十日内凭营业执照、登记证书或者单位印章，向当地社会保险经办机构申请办理社会保险登记。社会保险经办机构应当自收到申请之日起十五日内予以审核。',
    },
  ],
  acceptanceConditions: ['用人单位已依法登记成立', '在本统筹地区尚未办理社会保险登记'],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('社会保险单位参保登记表'),
    businessLicence('营业执照或登记证书'),
    {
      id: 'bank-account',
      name: '社会保险费缴费银行账户信息',
      required: true,
      form: 'electronic',
      source: 'applicant',
      copies: 0,
    },
    ...agentMaterials(),
  ],
  processSteps: QUICK_STEPS,
  // 第五十七条: 15 calendar days.
  legalLimitDays: calendarDays(15),
  resultType: 'registration',
  resultName: '社会保险登记（单位参保信息）',
  resultNameEn: 'Social insurance registration (employer record)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const employeeEnrolment: BaseItemInput = {
  baseCode: '002003004000',
  name: '职工参保登记',
  nameEn: 'Employee social insurance enrolment',
  aliases: ['社保增员', '职工社会保险登记', '参保人员增员'],
  keywords: ['社保增员', '给员工交社保', '新员工参保', '员工社保', '员工入职社保'],
  type: '20',
  department: 'human-resources',
  level: 'county',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第五十八条第一款',
      excerpt: '用人单位应当自用工之日起三十日内为其职工向社会保险经办机构申请办理社会保险登记。',
    },
  ],
  acceptanceConditions: ['用人单位已办理单位参保登记', '与职工建立劳动关系之日起三十日内'],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [applicationForm('职工参保登记（增员）表'), insuredIdentity, ...agentMaterials()],
  processSteps: QUICK_STEPS,
  legalLimitDays: REGISTRATION_LIMIT,
  resultType: 'registration',
  resultName: '职工参保登记（增员）',
  resultNameEn: 'Employee social insurance enrolment (employee added)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const pensionClaim: BaseItemInput = {
  baseCode: '000503001000',
  name: '企业职工基本养老保险待遇申领',
  nameEn: "Claim for enterprise employees' basic pension",
  aliases: ['退休待遇申领', '基本养老金申领', '退休养老金核定'],
  keywords: ['办退休', '领养老金', '退休手续', '退休金', '养老金怎么领', '到龄退休'],
  type: '05',
  department: 'human-resources',
  level: 'city',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第十六条',
      excerpt: '参加基本养老保险的个人，达到法定退休年龄时累计缴费满十五年的，按月领取基本养老金。',
    },
    {
      law: '《国务院关于渐进式延迟法定退休年龄的办法》',
      article: '第二条',
      excerpt: '从2030年1月1日起，按月领取基本养老金的最低缴费年限由15年逐步提高至20年。',
    },
  ],
  acceptanceConditions: [
    '达到法定退休年龄（含按规定弹性提前或延迟退休）',
    '累计缴费年限达到国家规定的最低缴费年限',
    '参保关系在本统筹地区',
  ],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT, { id: 'illness', name: '因病或非因工致残完全丧失劳动能力提前退休' }],
  materials: [
    applicationForm('基本养老保险待遇申领表'),
    insuredIdentity,
    {
      id: 'personnel-file',
      name: '职工人事档案（用于核定出生时间和视同缴费年限）',
      required: true,
      form: 'paper',
      source: 'applicant',
      copies: 0,
      core: true,
    },
    {
      id: 'disability-assessment',
      name: '劳动能力鉴定结论书',
      required: false,
      situations: ['illness'],
      form: 'both',
      source: 'government',
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: [10, '待遇核定'], decision: 3, issuance: [2, '待遇发放'] }),
  legalLimitDays: 20,
  resultType: 'payment',
  resultName: '基本养老金（按月发放）',
  resultNameEn: 'Basic pension (paid monthly)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const residentPensionEnrolment: BaseItemInput = {
  baseCode: '002003005000',
  name: '城乡居民基本养老保险参保登记',
  nameEn: 'Enrolment in basic pension insurance for urban and rural residents',
  aliases: ['城乡居民养老保险参保', '居民养老保险登记'],
  keywords: ['居民养老保险', '农村养老保险', '新农保', '城乡居民养老参保', '个人交养老保险'],
  type: '20',
  department: 'human-resources',
  level: 'county',
  legalBasis: [
    { law: SOCIAL_INSURANCE_LAW, article: '第二十条', excerpt: '国家建立和完善新型农村社会养老保险制度。' },
    { law: SOCIAL_INSURANCE_LAW, article: '第二十二条' },
    {
      law: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
      article: '三、参保范围',
    },
  ],
  acceptanceConditions: [
    '年满16周岁（不含在校学生）',
    '非国家机关和事业单位工作人员，且不属于职工基本养老保险覆盖范围',
    '在本地有户籍',
  ],
  serviceTargets: ['person'],
  situations: [AGENT],
  materials: [
    applicationForm('城乡居民基本养老保险参保登记表'),
    idCard(),
    householdBook(),
    ...agentMaterials(),
  ],
  processSteps: QUICK_STEPS,
  legalLimitDays: REGISTRATION_LIMIT,
  resultType: 'registration',
  resultName: '城乡居民基本养老保险参保登记',
  resultNameEn: 'Enrolment in basic pension insurance for urban and rural residents',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const survivorBenefits: BaseItemInput = {
  baseCode: '000503002000',
  name: '丧葬补助金、抚恤金申领',
  nameEn: "Claim for funeral grant and survivors' benefit",
  aliases: ['参保人员死亡待遇申领', '遗属待遇申领'],
  keywords: ['丧葬费', '抚恤金', '老人去世领丧葬费', '遗属待遇', '死亡待遇', '丧葬补助'],
  type: '05',
  department: 'human-resources',
  level: 'city',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第十七条',
      excerpt: '参加基本养老保险的个人，因病或者非因工死亡的，其遗属可以领取丧葬补助金和抚恤金。',
    },
  ],
  acceptanceConditions: ['死者生前参加企业职工基本养老保险', '因病或非因工死亡', '申领人为死者的直系亲属'],
  serviceTargets: ['person'],
  situations: [AGENT],
  materials: [
    applicationForm('丧葬补助金、抚恤金申领表'),
    {
      id: 'death-certificate',
      name: '居民死亡医学证明（推断）书或死亡证明',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '居民死亡医学证明（推断）书',
      core: true,
    },
    idCard('申领人居民身份证'),
    {
      // A classic 证明事项 that 国办发〔2020〕42号 lets a signed commitment replace; checked afterwards.
      id: 'kinship-proof',
      name: '申领人与死者的亲属关系证明',
      required: true,
      form: 'both',
      source: 'applicant',
      replaceableByCommitment: true,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: [10, '审核'], decision: 3, issuance: [2, '待遇发放'] }),
  legalLimitDays: 20,
  resultType: 'payment',
  resultName: '丧葬补助金、抚恤金',
  resultNameEn: "Funeral grant and survivors' benefit",
  commitment: commitment('本人系死者的直系亲属，其他遗属对由本人申领无异议'),
  tolerance: NO_TOLERANCE,
};

const flexibleWorkerEnrolment: BaseItemInput = {
  baseCode: '002003006000',
  name: '灵活就业人员参保登记',
  nameEn: 'Social insurance enrolment of flexibly employed persons',
  aliases: ['灵活就业人员企业职工基本养老保险参保登记', '个人身份参保登记'],
  keywords: [
    '个人交社保',
    '灵活就业社保',
    '自由职业交社保',
    '个体户交社保',
    '以个人身份参保',
    '外卖骑手社保',
  ],
  type: '20',
  department: 'human-resources',
  level: 'county',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第十条第二款',
      excerpt:
        '无雇工的个体工商户、未在用人单位参加基本养老保险的非全日制从业人员以及其他灵活就业人员可以参加基本养老保险，由个人缴纳基本养老保险费。',
    },
  ],
  acceptanceConditions: [
    '在法定劳动年龄内的灵活就业人员或无雇工的个体工商户',
    '未在用人单位参加职工基本养老保险',
  ],
  serviceTargets: ['person'],
  situations: [],
  materials: [applicationForm('灵活就业人员参保登记表'), idCard()],
  processSteps: QUICK_STEPS,
  legalLimitDays: REGISTRATION_LIMIT,
  resultType: 'registration',
  resultName: '灵活就业人员参保登记',
  resultNameEn: 'Social insurance enrolment of flexibly employed persons',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const pensionTransfer: BaseItemInput = {
  baseCode: '002003009000',
  name: '基本养老保险关系转移接续',
  nameEn: 'Transfer and continuation of basic pension insurance',
  aliases: ['养老保险关系转移', '社保关系转移接续'],
  keywords: ['社保转移', '养老保险转移', '社保转出', '跨省转社保', '社保关系转移', '换城市工作社保'],
  type: '20',
  department: 'human-resources',
  level: 'city',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第十九条',
      excerpt: '个人跨统筹地区就业的，其基本养老保险关系随本人转移，缴费年限累计计算。',
    },
    {
      law: '《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）',
    },
  ],
  acceptanceConditions: ['参保人员跨统筹地区就业并已在新就业地参保', '原参保地已停止缴费'],
  serviceTargets: ['person'],
  situations: [AGENT],
  materials: [applicationForm('基本养老保险关系转移接续申请表'), insuredIdentity, ...agentMaterials()],
  processSteps: steps({ acceptance: 0, review: [15, '转出地审核及转移'], decision: [15, '转入地接续'] }),
  legalLimitDays: 30,
  resultType: 'other',
  resultName: '基本养老保险关系转移接续（参保缴费凭证）',
  resultNameEn: 'Transfer of basic pension insurance (contribution record)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const employerDeregistration: BaseItemInput = {
  baseCode: '002003010000',
  name: '单位社会保险注销登记',
  nameEn: 'Employer social insurance deregistration',
  aliases: ['单位参保注销', '社保注销登记'],
  keywords: ['社保注销', '单位社保销户', '公司注销社保', '企业社保注销'],
  type: '20',
  department: 'human-resources',
  level: 'county',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第五十七条第三款',
      excerpt: '用人单位依法终止的，应当自终止之日起三十日内，到社会保险经办机构办理注销社会保险登记。',
    },
  ],
  acceptanceConditions: ['用人单位依法终止或注销', '已结清应缴社会保险费、滞纳金和罚款'],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('社会保险单位注销登记表'),
    {
      id: 'termination-document',
      name: '注销登记通知书或终止文件',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    ...agentMaterials(),
  ],
  processSteps: QUICK_STEPS,
  legalLimitDays: REGISTRATION_LIMIT,
  resultType: 'registration',
  resultName: '单位社会保险注销登记',
  resultNameEn: 'Employer social insurance deregistration',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

export const SOCIAL_INSURANCE_ITEMS: BaseItemInput[] = [
  socialSecurityCard,
  employerRegistration,
  employeeEnrolment,
  pensionClaim,
  residentPensionEnrolment,
  survivorBenefits,
  flexibleWorkerEnrolment,
  pensionTransfer,
  employerDeregistration,
];
