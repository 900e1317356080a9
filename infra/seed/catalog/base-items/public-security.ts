import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  businessLicence,
  calendarDays,
  householdBook,
  idCard,
  NO_COMMITMENT,
  NO_TOLERANCE,
  steps,
} from './helpers.ts';

/**
 * 公安局: household registration (户政), identity cards, driving licences, seals, criminal-record
 * certificates.
 */

// 户口登记条例 sets the applicant's deadlines, not the office's; 10 working days is the seed's limit for 户政
// matters until the provincial list's own figure is loaded.
const HUKOU_LIMIT = 10;

const birthRegistration: BaseItemInput = {
  baseCode: '000707001000',
  name: '出生登记',
  aliases: ['新生儿出生登记', '新生儿落户', '户口登记（出生）'],
  keywords: ['给孩子上户口', '新生儿上户口', '宝宝落户', '小孩上户口', '报户口', '出生落户'],
  type: '07',
  department: 'public-security',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国户口登记条例》',
      article: '第七条',
      excerpt: '婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。',
    },
  ],
  acceptanceConditions: [
    '新生儿父亲或母亲一方为本辖区常住户口，随父或随母落户',
    '持有助产机构签发的《出生医学证明》',
    '由父母、其他监护人或户主申报',
  ],
  serviceTargets: ['person'],
  situations: [AGENT, { id: 'married-parents', name: '父母为婚姻关系' }],
  materials: [
    {
      id: 'birth-certificate',
      name: '出生医学证明',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '出生医学证明',
      core: true,
    },
    householdBook('落户方的居民户口簿'),
    idCard('父母双方居民身份证', 'parents-id-cards'),
    {
      // 非婚生育的子女也可落户（国办发〔2015〕96号），so the marriage certificate is only asked of married
      // parents.
      id: 'marriage-certificate',
      name: '结婚证',
      required: false,
      situations: ['married-parents'],
      form: 'both',
      source: 'government',
      licenceType: '结婚证',
      copies: 0,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: 1, decision: 1, issuance: 1 }),
  legalLimitDays: HUKOU_LIMIT,
  resultType: 'registration',
  resultName: '居民户口簿（新生儿户口登记）',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const deathDeregistration: BaseItemInput = {
  baseCode: '000707002000',
  name: '死亡注销户口',
  aliases: ['户口注销（死亡）', '死亡户口注销'],
  keywords: ['人去世了销户口', '注销户口', '销户口', '老人去世注销户口', '死亡销户'],
  type: '07',
  department: 'public-security',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国户口登记条例》',
      article: '第八条',
      excerpt:
        '公民死亡，城市在葬前，农村在一个月以内，由户主、亲属、抚养人或者邻居向户口登记机关申报死亡登记，注销户口。',
    },
  ],
  acceptanceConditions: ['被注销人已死亡且户口在本辖区', '由户主、亲属、抚养人或者邻居申报'],
  serviceTargets: ['person'],
  situations: [
    { id: 'natural-death', name: '在医疗卫生机构或家中正常死亡' },
    { id: 'unnatural-death', name: '非正常死亡' },
  ],
  materials: [
    {
      id: 'death-certificate',
      name: '居民死亡医学证明（推断）书',
      required: false,
      situations: ['natural-death'],
      form: 'both',
      source: 'government',
      licenceType: '居民死亡医学证明（推断）书',
    },
    {
      id: 'police-death-certificate',
      name: '公安机关出具的死亡证明',
      required: false,
      situations: ['unnatural-death'],
      form: 'both',
      source: 'government',
    },
    householdBook('死者的居民户口簿'),
    {
      id: 'deceased-id-card',
      name: '死者的居民身份证（交回；遗失的说明情况）',
      required: true,
      form: 'paper',
      source: 'government',
      licenceType: '居民身份证',
    },
    idCard('申报人居民身份证', 'reporter-id-card'),
  ],
  processSteps: steps({ acceptance: 0, review: 1, decision: 1 }),
  legalLimitDays: 5,
  resultType: 'registration',
  resultName: '户口注销（户口簿注销页及注销证明）',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const hukouTransfer: BaseItemInput = {
  baseCode: '000707003000',
  name: '户口迁移登记',
  aliases: ['户口迁入', '户口迁移（跨省通办）'],
  keywords: ['迁户口', '户口迁移', '落户', '迁户', '毕业生落户', '投靠落户', '买房落户', '人才落户'],
  type: '07',
  department: 'public-security',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国户口登记条例》',
      article: '第十条',
      excerpt:
        '公民迁出本户口管辖区，由本人或者户主在迁出前向户口登记机关申报迁出登记，领取迁移证件，注销户口。',
    },
    {
      law: '《中华人民共和国户口登记条例》',
      article: '第十三条',
      excerpt: '公民迁移，由本人或者户主持迁移证件向户口登记机关申报迁入登记，缴销迁移证件。',
    },
  ],
  acceptanceConditions: [
    '符合迁入地户口迁移政策（就业、购房、投靠亲属、高校毕业生等）',
    '本人或户主申报；跨省迁移可在迁入地一站式办理',
  ],
  serviceTargets: ['person'],
  situations: [
    AGENT,
    { id: 'graduate', name: '高校毕业生落户' },
    { id: 'home-purchase', name: '购买住房落户' },
    { id: 'kinship', name: '投靠亲属落户' },
    { id: 'employment', name: '就业（人才引进）落户' },
  ],
  materials: [
    applicationForm('户口迁移申请表'),
    householdBook('迁出地居民户口簿'),
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
    {
      id: 'title-certificate',
      name: '不动产权证书',
      required: false,
      situations: ['home-purchase'],
      form: 'both',
      source: 'government',
      licenceType: '不动产权证书',
    },
    {
      id: 'kinship-proof',
      name: '与被投靠人的亲属关系证明及被投靠人的居民户口簿',
      required: false,
      situations: ['kinship'],
      form: 'both',
      source: 'applicant',
    },
    {
      id: 'employment-contract',
      name: '劳动（聘用）合同',
      required: false,
      situations: ['employment', 'graduate'],
      form: 'both',
      source: 'applicant',
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: 3, decision: 1, issuance: 1 }),
  legalLimitDays: HUKOU_LIMIT,
  resultType: 'registration',
  resultName: '居民户口簿（迁入登记）',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const idCardRenewal: BaseItemInput = {
  baseCode: '000707004000',
  name: '居民身份证换领',
  aliases: ['居民身份证到期换领', '居民身份证换证'],
  keywords: ['换身份证', '身份证过期', '身份证到期', '身份证换新', '身份证损坏', '办身份证'],
  type: '07',
  department: 'public-security',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国居民身份证法》',
      article: '第十一条',
      excerpt:
        '居民身份证有效期满、公民姓名变更或者证件严重损坏不能辨认的，公民应当换领新证；领取新证时，必须交回原证。',
    },
    {
      law: '《中华人民共和国居民身份证法》',
      article: '第十二条',
      excerpt: '公安机关应当自公民提交《居民身份证申领登记表》之日起六十日内发放居民身份证。',
    },
  ],
  acceptanceConditions: [
    '居民身份证有效期满（或期满前三个月内）、姓名变更或证件严重损坏不能辨认',
    '本人到场采集人像和指纹信息；未满十六周岁的由监护人陪同',
  ],
  serviceTargets: ['person'],
  situations: [{ id: 'minor', name: '未满十六周岁' }],
  materials: [
    householdBook(),
    {
      id: 'old-id-card',
      name: '原居民身份证（交回）',
      required: true,
      form: 'paper',
      source: 'government',
      licenceType: '居民身份证',
      copies: 0,
      core: true,
    },
    {
      id: 'guardian-id-card',
      name: '监护人居民身份证',
      required: false,
      situations: ['minor'],
      form: 'both',
      source: 'government',
      licenceType: '居民身份证',
      copies: 0,
    },
  ],
  processSteps: steps({ acceptance: 0, review: [10, '审核'], decision: [5, '制证'], issuance: [5, '发证'] }),
  // 第十二条: 60 calendar days.
  legalLimitDays: calendarDays(60),
  resultType: 'certificate',
  resultName: '居民身份证',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const drivingLicenceRenewal: BaseItemInput = {
  baseCode: '000107001000',
  name: '机动车驾驶证期满换证',
  aliases: ['驾驶证到期换证', '驾驶证换领'],
  keywords: ['驾照到期', '换驾照', '驾驶证换证', '驾照过期', '驾驶证到期'],
  type: '01',
  department: 'public-security',
  level: 'city',
  legalBasis: [
    {
      law: '《中华人民共和国道路交通安全法》',
      article: '第十九条',
      excerpt: '驾驶机动车，应当依法取得机动车驾驶证。',
    },
    {
      law: '《机动车驾驶证申领和使用规定》（公安部令第162号）',
      excerpt: '机动车驾驶人应当于机动车驾驶证有效期满前九十日内，向车辆管理所申请换证。',
    },
  ],
  acceptanceConditions: ['驾驶证有效期满前九十日内，或期满后未超过一年', '身体条件符合所持准驾车型的规定'],
  serviceTargets: ['person'],
  situations: [AGENT],
  materials: [
    idCard(),
    {
      id: 'driving-licence',
      name: '机动车驾驶证',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '机动车驾驶证',
      copies: 0,
      core: true,
    },
    {
      id: 'health-certificate',
      name: '机动车驾驶人身体条件证明',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: 0, decision: 0, issuance: [1, '制证发证'] }),
  legalLimitDays: 1,
  resultType: 'licence',
  resultName: '机动车驾驶证',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  riskCategories: ['public-safety'],
  highFrequency: true,
};

const sealFiling: BaseItemInput = {
  baseCode: '001007001000',
  name: '公章刻制备案',
  aliases: ['印章刻制备案', '刻章备案'],
  keywords: ['刻章', '刻公章', '刻公司章', '公司印章', '刻发票章', '刻财务章'],
  type: '10',
  department: 'public-security',
  level: 'county',
  legalBasis: [
    {
      law: '《国务院关于第三批取消中央指定地方实施行政许可事项的决定》（国发〔2017〕7号）',
      article: '附件（公章刻制审批）',
      excerpt: '取消公章刻制审批，改为由刻制企业向公安机关备案。',
    },
  ],
  acceptanceConditions: [
    '用章单位已依法登记',
    '在已向公安机关备案、接入印章业治安管理信息系统的刻制企业刻制',
  ],
  serviceTargets: ['enterprise'],
  situations: [AGENT, { id: 'lost-seal', name: '印章遗失后重新刻制' }],
  materials: [
    businessLicence('营业执照或其他登记证书'),
    idCard('法定代表人（负责人）居民身份证', 'representative-id-card'),
    {
      id: 'loss-statement',
      name: '印章遗失声明',
      required: false,
      situations: ['lost-seal'],
      form: 'both',
      source: 'applicant',
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, issuance: [1, '备案完成'] }),
  legalLimitDays: 1,
  resultType: 'registration',
  resultName: '公章刻制备案信息',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const noCriminalRecord: BaseItemInput = {
  baseCode: '002007001000',
  name: '无犯罪记录证明开具',
  aliases: ['犯罪记录查询', '无犯罪记录证明'],
  keywords: ['开无犯罪证明', '无犯罪证明', '无犯罪记录', '政审证明', '入职无犯罪证明', '出国无犯罪证明'],
  type: '20',
  department: 'public-security',
  level: 'county',
  legalBasis: [
    {
      law: '《公安机关办理犯罪记录查询工作规定》（公通字〔2021〕19号）',
      excerpt: '不能当场办理的，出具受理回执，在3个工作日内办结。',
    },
  ],
  acceptanceConditions: ['查询本人犯罪记录，或委托他人代为查询', '申请用途正当'],
  serviceTargets: ['person'],
  situations: [AGENT],
  materials: [applicationForm('犯罪记录查询申请表'), idCard(), ...agentMaterials()],
  processSteps: steps({ acceptance: 0, review: [2, '查询核实'], issuance: 1 }),
  legalLimitDays: 3,
  resultType: 'certificate',
  resultName: '无犯罪记录证明',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

export const PUBLIC_SECURITY_ITEMS: BaseItemInput[] = [
  birthRegistration,
  deathDeregistration,
  hukouTransfer,
  idCardRenewal,
  drivingLicenceRenewal,
  sealFiling,
  noCriminalRecord,
];
