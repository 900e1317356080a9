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
} from './helpers.ts';

/**
 * 税务局 (国家税务总局各级税务局). 契税申报 is filed by the taxpayer: it is listed as 公共服务 (20), the type
 * the tax service uses for 办税 matters a citizen starts, rather than 行政征收 (04), which is not a type
 * citizens apply for (APPLICABLE_TYPES) and would hide it from citizen search.
 */

const deedTaxReturn: BaseItemInput = {
  baseCode: '002012001000',
  name: '契税申报',
  nameEn: 'Deed tax return',
  aliases: ['契税纳税申报', '房屋契税申报'],
  keywords: ['交契税', '契税', '买房交税', '过户交税', '房屋契税', '二手房交税', '新房交契税'],
  type: '20',
  department: 'taxation',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国契税法》',
      article: '第一条',
      excerpt: '在中华人民共和国境内转移土地、房屋权属，承受的单位和个人为契税的纳税人。',
    },
    {
      law: '《中华人民共和国契税法》',
      article: '第十条',
      excerpt: '纳税人应当在依法办理土地、房屋权属登记手续前申报缴纳契税。',
    },
  ],
  acceptanceConditions: ['已签订土地、房屋权属转移合同或取得具有同等性质的凭证', '在办理权属登记之前申报'],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT, { id: 'relief', name: '申请享受契税减免（如家庭唯一住房、第二套住房优惠）' }],
  materials: [
    applicationForm('财产和行为税纳税申报表（契税）'),
    idCard('纳税人身份证明'),
    {
      id: 'transfer-contract',
      name: '土地、房屋权属转移合同（网签备案合同）',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    onlyWhen(['relief'], {
      id: 'household-housing',
      name: '家庭成员信息及家庭住房情况（部门共享查询结果）',
      required: true,
      form: 'electronic',
      source: 'government',
    }),
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, issuance: [1, '开具完税凭证'] }),
  legalLimitDays: 1,
  resultType: 'other',
  resultName: '契税完税凭证',
  resultNameEn: 'Deed tax payment certificate',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const taxRegistrationConfirmation: BaseItemInput = {
  baseCode: '001012001000',
  name: '新办纳税人税务登记信息确认',
  nameEn: 'Confirmation of tax registration information of new taxpayers',
  aliases: ['税务登记信息确认', '新办企业税务报到'],
  keywords: ['税务登记', '新办企业报到', '税务报到', '新公司税务报到', '多证合一税务'],
  type: '10',
  department: 'taxation',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国税收征收管理法》',
      article: '第十五条',
      excerpt:
        '企业自领取营业执照之日起三十日内，持有关证件，向税务机关申报办理税务登记。税务机关应当于收到申报的当日办理登记。',
    },
  ],
  acceptanceConditions: ['已领取营业执照（多证合一）的新办纳税人', '首次办理涉税事项'],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [
    businessLicence(),
    idCard('法定代表人、财务负责人、办税人员居民身份证', 'officers-id-cards'),
    ...agentMaterials(),
  ],
  // 当日办理: on the day of the application.
  processSteps: steps({ acceptance: 0, issuance: [0, '信息确认'] }),
  legalLimitDays: 0,
  resultType: 'registration',
  resultName: '税务登记信息确认',
  resultNameEn: 'Confirmed tax registration information',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const invoiceIssue: BaseItemInput = {
  baseCode: '001012002000',
  name: '发票领用',
  nameEn: 'Invoice requisition',
  aliases: ['发票申领', '发票票种核定'],
  keywords: ['领发票', '申领发票', '开发票', '数电发票', '发票额度', '发票怎么领'],
  type: '10',
  department: 'taxation',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国发票管理办法》',
      excerpt:
        '需要领用发票的单位和个人，应当持设立登记证件或者税务登记证件，以及经办人身份证明，向主管税务机关办理发票领用手续。',
    },
  ],
  acceptanceConditions: ['已办理税务登记信息确认', '依法需要开具发票的单位和个人'],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT],
  materials: [applicationForm('发票领用（票种核定）申请'), idCard('经办人居民身份证'), ...agentMaterials()],
  processSteps: steps({ acceptance: 0, review: 1, issuance: 1 }),
  legalLimitDays: 5,
  resultType: 'approval',
  resultName: '发票领用（票种、数量及领用方式确认）',
  resultNameEn: 'Invoice requisition (invoice types, quantities and method confirmed)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const specialInvoiceLimit: BaseItemInput = {
  baseCode: '000112001000',
  name: '增值税专用发票最高开票限额审批',
  nameEn: 'Approval of the maximum invoicing limit for special VAT invoices',
  aliases: ['增值税专用发票（增值税税控系统）最高开票限额审批', '专票限额审批'],
  keywords: ['专票限额', '提额', '发票提额', '开票限额', '专票审批', '增值税专用发票限额'],
  type: '01',
  department: 'taxation',
  level: 'county',
  legalBasis: [
    {
      law: '《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）',
      excerpt: '增值税防伪税控系统最高开票限额审批。',
    },
    { law: '《中华人民共和国行政许可法》', article: '第四十二条' },
  ],
  acceptanceConditions: [
    '增值税一般纳税人，或按规定可自行开具增值税专用发票的小规模纳税人',
    '申请限额与实际经营需要相适应',
  ],
  serviceTargets: ['enterprise'],
  situations: [AGENT, { id: 'site-check', name: '申请最高开票限额十万元及以上' }],
  materials: [
    applicationForm('增值税专用发票最高开票限额申请单'),
    idCard('经办人居民身份证'),
    onlyWhen(['site-check'], {
      id: 'business-evidence',
      name: '购销合同等证明经营需要的材料',
      required: true,
      form: 'both',
      source: 'applicant',
    }),
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: [7, '审核（含实地核查）'], decision: 2, issuance: 1 }),
  legalLimitDays: 20,
  resultType: 'approval',
  resultName: '准予税务行政许可决定书',
  resultNameEn: 'Decision granting the tax administrative licence',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

export const TAXATION_ITEMS: BaseItemInput[] = [
  deedTaxReturn,
  taxRegistrationConfirmation,
  invoiceIssue,
  specialInvoiceLimit,
];
