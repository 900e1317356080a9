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
  steps,
} from './helpers.ts';
import {
  insuredIdentity,
  QUICK_STEPS,
  REGISTRATION_LIMIT,
  SOCIAL_INSURANCE_LAW,
} from './social-insurance.ts';

/** 人力资源和社会保障局, employment: registration, unemployment, graduates' files and subsidies. */

const EMPLOYMENT_RULES = '《就业服务与就业管理规定》（劳动和社会保障部令第28号）';

const employmentRegistration: BaseItemInput = {
  baseCode: '002003002000',
  name: '就业登记',
  nameEn: 'Employment registration',
  aliases: ['单位招用人员就业登记', '灵活就业人员就业登记', '就业创业证申领'],
  keywords: ['招人登记', '员工入职登记', '就业登记证', '毕业生就业登记', '灵活就业登记'],
  type: '20',
  department: 'human-resources',
  level: 'county',
  legalBasis: [
    {
      law: EMPLOYMENT_RULES,
      article: '第六十二条',
      excerpt:
        '用人单位招用人员后，应当于录用之日起30日内办理登记手续；劳动者从事个体经营或灵活就业的，由本人办理就业登记。',
    },
  ],
  acceptanceConditions: [
    '劳动者在法定劳动年龄内并已实现就业',
    '被用人单位招用的由单位办理；个体经营或灵活就业的由本人办理',
  ],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT, { id: 'hired', name: '被用人单位招用' }, { id: 'self-employed', name: '从事个体经营' }],
  materials: [
    applicationForm('就业登记表'),
    insuredIdentity,
    {
      id: 'labour-contract',
      name: '劳动合同或录用（聘用）手续',
      required: false,
      situations: ['hired'],
      form: 'both',
      source: 'applicant',
    },
    {
      ...businessLicence('个体工商户营业执照'),
      required: false,
      situations: ['self-employed'],
      core: false,
    },
    ...agentMaterials(),
  ],
  processSteps: QUICK_STEPS,
  legalLimitDays: REGISTRATION_LIMIT,
  resultType: 'registration',
  resultName: '就业登记（就业创业证记载）',
  resultNameEn: 'Employment registration (entered in the Employment and Entrepreneurship Certificate)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const unemploymentRegistration: BaseItemInput = {
  baseCode: '002003008000',
  name: '失业登记',
  nameEn: 'Unemployment registration',
  aliases: ['城镇失业人员登记', '就业创业证（失业登记）'],
  keywords: ['失业登记', '登记失业', '失业了怎么登记', '未就业登记', '毕业未就业登记'],
  type: '20',
  department: 'human-resources',
  level: 'county',
  legalBasis: [
    {
      law: EMPLOYMENT_RULES,
      article: '第六十三条',
      excerpt:
        '在法定劳动年龄内，有劳动能力，有就业要求，处于无业状态的城镇常住人员，可以到公共就业服务机构进行失业登记。',
    },
  ],
  acceptanceConditions: ['在法定劳动年龄内，有劳动能力和就业要求', '处于无业状态'],
  serviceTargets: ['person'],
  situations: [],
  materials: [insuredIdentity],
  processSteps: steps({ acceptance: 0, issuance: [1, '登记'] }),
  legalLimitDays: REGISTRATION_LIMIT,
  resultType: 'registration',
  resultName: '失业登记（就业创业证记载）',
  resultNameEn: 'Unemployment registration (entered in the Employment and Entrepreneurship Certificate)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const unemploymentBenefit: BaseItemInput = {
  baseCode: '000503003000',
  name: '失业保险金申领',
  nameEn: 'Unemployment insurance benefit claim',
  aliases: ['失业保险待遇申领', '失业金申领'],
  keywords: ['领失业金', '失业金', '失业保险金', '被裁员', '失业补助', '离职领钱'],
  type: '05',
  department: 'human-resources',
  level: 'city',
  legalBasis: [
    {
      law: SOCIAL_INSURANCE_LAW,
      article: '第四十五条',
      excerpt:
        '失业前用人单位和本人已经缴纳失业保险费满一年、非因本人意愿中断就业、已经进行失业登记并有求职要求的，从失业保险基金中领取失业保险金。',
    },
    { law: SOCIAL_INSURANCE_LAW, article: '第五十条' },
    {
      law: '《失业保险金申领发放办法》',
      excerpt: '经办机构自受理申请之日起10日内对申领者的资格进行审核认定。',
    },
  ],
  acceptanceConditions: [
    '失业前用人单位和本人已经缴纳失业保险费满一年',
    '非因本人意愿中断就业',
    '已经进行失业登记，并有求职要求',
  ],
  serviceTargets: ['person'],
  situations: [],
  materials: [
    insuredIdentity,
    {
      id: 'termination-proof',
      name: '终止或者解除劳动关系的证明',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
  ],
  processSteps: steps({ acceptance: 0, review: [4, '资格审核'], decision: 1, issuance: [1, '待遇发放'] }),
  legalLimitDays: calendarDays(10),
  resultType: 'payment',
  resultName: '失业保险金（按月发放）',
  resultNameEn: 'Unemployment insurance benefit (paid monthly)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const personnelFileReception: BaseItemInput = {
  baseCode: '002003007000',
  name: '流动人员人事档案接收',
  nameEn: 'Acceptance of personnel files of mobile workers',
  aliases: ['人事档案接收', '高校毕业生档案接收'],
  keywords: ['档案接收', '毕业生档案', '存档案', '人事档案', '档案寄到哪', '档案存放'],
  type: '20',
  department: 'human-resources',
  level: 'county',
  legalBasis: [
    {
      law: '《关于进一步加强流动人员人事档案管理服务工作的通知》（人社部发〔2014〕90号）',
    },
  ],
  acceptanceConditions: ['流动人员或未就业、在非公单位就业的高校毕业生', '档案经机要或专人转递，材料齐全'],
  serviceTargets: ['person'],
  situations: [AGENT, { id: 'graduate', name: '高校毕业生' }],
  materials: [
    applicationForm('流动人员人事档案存档申请表'),
    idCard(),
    {
      id: 'diploma',
      name: '毕业证书',
      required: false,
      situations: ['graduate'],
      form: 'both',
      source: 'government',
      licenceType: '学历证书',
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: 2, issuance: 1 }),
  legalLimitDays: REGISTRATION_LIMIT,
  resultType: 'other',
  resultName: '人事档案接收回执',
  resultNameEn: 'Receipt for the personnel file',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const jobSeekingSubsidy: BaseItemInput = {
  baseCode: '000503004000',
  name: '高校毕业生求职创业补贴',
  nameEn: 'Job-seeking and start-up subsidy for university graduates',
  aliases: ['求职创业补贴申领', '一次性求职创业补贴'],
  keywords: ['毕业生补贴', '求职补贴', '创业补贴', '大学生补贴', '低保家庭毕业生补贴', '助学贷款毕业生补贴'],
  type: '05',
  department: 'human-resources',
  level: 'city',
  legalBasis: [
    {
      law: '《就业补助资金管理办法》（财社〔2017〕164号）',
      excerpt: '对毕业年度内有就业创业意愿并积极求职创业的困难高校毕业生，给予一次性求职创业补贴。',
    },
  ],
  acceptanceConditions: [
    '毕业年度内的高校毕业生（含技工院校高级工班、预备技师班毕业生）',
    '属于低保家庭、脱贫家庭、残疾人家庭、特困人员，或本人残疾、获得国家助学贷款',
    '有就业创业意愿并积极求职创业',
  ],
  serviceTargets: ['person'],
  situations: [],
  materials: [
    applicationForm('高校毕业生求职创业补贴申请表'),
    idCard(),
    {
      id: 'student-status',
      name: '学籍证明（学生证或学信网学籍信息）',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    {
      id: 'hardship-proof',
      name: '困难情形证明（低保证、残疾人证、国家助学贷款合同等）',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
  ],
  processSteps: steps({
    acceptance: 0,
    review: [10, '学校初审、人社部门审核'],
    decision: [5, '公示及决定'],
    issuance: [3, '补贴发放'],
  }),
  legalLimitDays: 20,
  resultType: 'payment',
  resultName: '一次性求职创业补贴',
  resultNameEn: 'One-off job-seeking and start-up subsidy',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

export const EMPLOYMENT_ITEMS: BaseItemInput[] = [
  employmentRegistration,
  unemploymentRegistration,
  unemploymentBenefit,
  personnelFileReception,
  jobSeekingSubsidy,
];
