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

/**
 * 残疾人联合会: the disability certificate and children's rehabilitation. 残联 is a 群团组织 acting under
 * delegation; the allowances paid to disabled people are 民政's (civil-affairs.ts).
 */

const CERTIFICATE_RULES = '《中华人民共和国残疾人证管理办法》';

const guardianMaterials = [
  onlyWhen(['guardian'], idCard('监护人居民身份证', 'guardian-id-card')),
  onlyWhen(['guardian'], {
    id: 'guardianship-proof',
    name: '监护关系证明（居民户口簿或村（居）委会证明）',
    required: true,
    form: 'both',
    source: 'applicant',
  }),
];
const GUARDIAN = { id: 'guardian', name: '未成年人或智力、精神残疾人由监护人代为办理' };

const disabilityCertificate: BaseItemInput = {
  baseCode: '000714001000',
  name: '残疾人证新办',
  nameEn: 'Disability certificate: first issue',
  aliases: ['中华人民共和国残疾人证核发', '残疾人证申领'],
  keywords: ['办残疾证', '残疾证', '残疾证怎么办', '评残', '残疾鉴定', '残疾人证'],
  type: '07',
  department: 'disabled-persons',
  level: 'county',
  legalBasis: [
    {
      law: CERTIFICATE_RULES,
      article: '第二条',
      excerpt:
        '残疾人证是认定残疾人及其残疾类别、残疾等级的合法凭证，残疾评定标准为《残疾人残疾分类和分级》（GB/T 26341）。',
    },
    { law: CERTIFICATE_RULES, article: '第三条', excerpt: '残疾人证坚持申领自愿、属地管理原则。' },
    { law: '《中华人民共和国残疾人保障法》', article: '第二条' },
  ],
  acceptanceConditions: [
    '视力、听力、言语、肢体、智力、精神或多重残疾，符合《残疾人残疾分类和分级》标准',
    '本人自愿，向户籍所在地县级残联申请',
  ],
  serviceTargets: ['person'],
  situations: [GUARDIAN],
  materials: [
    applicationForm('残疾人证申请表'),
    idCard('申请人居民身份证或居民户口簿'),
    {
      id: 'photo',
      name: '近期二寸免冠彩色照片',
      required: true,
      form: 'both',
      source: 'applicant',
      copies: 3,
    },
    ...guardianMaterials,
  ],
  // 残疾评定 at the designated hospital is appraisal time: it pauses the clock (a special procedure of the
  // implementation item), and is not one of these steps.
  processSteps: steps({ acceptance: 0, review: [5, '审核评定结论'], decision: 3, issuance: [2, '制证发证'] }),
  legalLimitDays: 20,
  resultType: 'certificate',
  resultName: '中华人民共和国残疾人证',
  resultNameEn: "Disability Certificate of the People's Republic of China",
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const certificateTransfer: BaseItemInput = {
  baseCode: '000714002000',
  name: '残疾人证迁移',
  nameEn: 'Disability certificate: transfer on moving',
  aliases: ['残疾人证迁移办理', '残疾人证跨省迁移'],
  keywords: ['残疾证迁移', '残疾证转户籍', '残疾证异地', '户口迁了残疾证怎么办'],
  type: '07',
  department: 'disabled-persons',
  level: 'county',
  legalBasis: [
    {
      law: CERTIFICATE_RULES,
      excerpt: '残疾人户籍迁移的，应当办理残疾人证迁移手续。',
    },
  ],
  acceptanceConditions: ['持有有效的第二代残疾人证', '户籍已迁至本地'],
  serviceTargets: ['person'],
  situations: [AGENT],
  materials: [
    applicationForm('残疾人证迁移申请表'),
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
    householdBook('迁入后的居民户口簿'),
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: 2, issuance: 1 }),
  legalLimitDays: 10,
  resultType: 'certificate',
  resultName: '中华人民共和国残疾人证（迁入地换发）',
  resultNameEn:
    "Disability Certificate of the People's Republic of China (reissued where the holder moved to)",
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const childRehabilitation: BaseItemInput = {
  baseCode: '000514001000',
  name: '残疾儿童康复救助',
  nameEn: 'Rehabilitation assistance for disabled children',
  aliases: ['残疾儿童康复救助申请', '0-6岁残疾儿童康复救助'],
  keywords: ['残疾儿童康复', '孤独症儿童救助', '脑瘫康复补贴', '儿童康复救助', '自闭症康复', '听障儿童'],
  type: '05',
  department: 'disabled-persons',
  level: 'county',
  legalBasis: [{ law: '《国务院关于建立残疾儿童康复救助制度的意见》（国发〔2018〕20号）' }],
  acceptanceConditions: [
    '0-6岁视力、听力、言语、肢体、智力等残疾儿童和孤独症儿童',
    '具有本地户籍或持本地居住证',
  ],
  serviceTargets: ['person'],
  situations: [],
  materials: [
    applicationForm('残疾儿童康复救助申请审批表'),
    householdBook('儿童居民户口簿'),
    idCard('监护人居民身份证', 'guardian-id-card'),
    {
      id: 'diagnosis',
      name: '残疾人证或二级以上医疗机构出具的诊断证明',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
  ],
  processSteps: steps({
    acceptance: 0,
    review: [10, '审核'],
    decision: 3,
    issuance: [2, '确定定点康复机构'],
  }),
  legalLimitDays: 20,
  resultType: 'payment',
  resultName: '残疾儿童康复救助（定点机构康复费用救助）',
  resultNameEn: 'Rehabilitation assistance for disabled children (costs at designated institutions)',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

export const DISABLED_PERSONS_ITEMS: BaseItemInput[] = [
  disabilityCertificate,
  certificateTransfer,
  childRehabilitation,
];
