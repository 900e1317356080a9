import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  businessLicence,
  commitment,
  idCard,
  type MaterialInput,
  NO_COMMITMENT,
  NO_TOLERANCE,
  steps,
  TOLERANCE,
} from './helpers.ts';

/** 市场监督管理局: market entry (登记) and the licences a shop needs before it opens (准营). */

// 市场主体登记管理条例 第十九条: registered on the spot, else within 3 working days (+3 for complex cases).
const REGISTRATION_LIMIT = {
  law: '《中华人民共和国市场主体登记管理条例》',
  article: '第十九条',
  excerpt: '登记机关对申请材料进行形式审查；不能当场登记的，应当在3个工作日内予以登记。',
};
const REGISTRATION_STEPS = steps({ acceptance: 0, review: 1, decision: 1, issuance: 1 });
const PRE_APPROVAL = { id: 'pre-approval', name: '经营范围涉及登记前置审批项目' };

function preApprovalDocument(): MaterialInput {
  return {
    id: 'pre-approval-document',
    name: '前置审批文件或许可证件',
    required: false,
    situations: [PRE_APPROVAL.id],
    form: 'both',
    source: 'government',
  };
}

const enterpriseEstablishment: BaseItemInput = {
  baseCode: '000109001000',
  name: '企业设立登记',
  aliases: ['公司设立登记', '营业执照办理', '企业开办登记'],
  keywords: ['办营业执照', '开公司', '注册公司', '成立公司', '公司注册', '办执照'],
  type: '01',
  department: 'market-regulation',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国公司法》',
      article: '第二十九条',
      excerpt: '设立公司，应当依法向公司登记机关申请设立登记。',
    },
    {
      law: '《中华人民共和国市场主体登记管理条例》',
      article: '第三条',
      excerpt: '市场主体应当依照本条例办理登记。未经登记，不得以市场主体名义从事经营活动。',
    },
    REGISTRATION_LIMIT,
    { law: '《中华人民共和国行政许可法》', article: '第十二条第（五）项' },
  ],
  acceptanceConditions: [
    '申请人为拟设立企业的全体投资人（股东、发起人）、其指定的代表或委托的代理人',
    '企业名称已自主申报，符合企业名称登记管理规定',
    '有符合规定的住所（经营场所）和章程（合伙协议）',
    '经营范围涉及登记前置审批的，已取得批准文件',
  ],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT, PRE_APPROVAL],
  materials: [
    applicationForm('公司登记（备案）申请书'),
    {
      id: 'articles',
      name: '公司章程',
      required: true,
      form: 'both',
      source: 'applicant',
      sample: '有限责任公司章程（参考格式）',
      core: true,
    },
    {
      id: 'investor-identity',
      name: '股东（发起人）主体资格证明或自然人身份证明',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    {
      id: 'officers',
      name: '法定代表人、董事、监事和高级管理人员的任职文件及身份证明',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      // 住所申报承诺制: the applicant may declare the premises instead of proving them.
      id: 'premises',
      name: '住所（经营场所）使用相关文件',
      required: true,
      form: 'both',
      source: 'applicant',
      replaceableByCommitment: true,
    },
    preApprovalDocument(),
    ...agentMaterials(),
  ],
  processSteps: REGISTRATION_STEPS,
  legalLimitDays: 3,
  resultType: 'licence',
  resultName: '营业执照',
  commitment: commitment('所申报的住所（经营场所）真实存在、可合法使用，并可据此接收登记机关的文书'),
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const enterpriseAlteration: BaseItemInput = {
  baseCode: '000109002000',
  name: '企业变更登记',
  aliases: ['营业执照变更登记', '公司变更登记'],
  keywords: ['执照变更', '营业执照变更', '换法人', '改公司名字', '变更经营范围', '变更地址', '公司迁址'],
  type: '01',
  department: 'market-regulation',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国市场主体登记管理条例》',
      article: '第二十四条',
      excerpt: '市场主体变更登记事项，应当自作出变更决议、决定或者法定变更事项发生之日起30日内申请变更登记。',
    },
    { law: '《中华人民共和国公司法》', article: '第三十四条' },
    REGISTRATION_LIMIT,
  ],
  acceptanceConditions: [
    '企业已依法登记且登记事项发生变更',
    '已依法作出变更决议或决定',
    '变更后的事项涉及登记前置审批的，已取得批准文件',
  ],
  serviceTargets: ['enterprise'],
  situations: [
    AGENT,
    PRE_APPROVAL,
    { id: 'address-change', name: '变更住所（经营场所）' },
    { id: 'representative-change', name: '变更法定代表人' },
    { id: 'articles-change', name: '变更事项涉及章程修改' },
  ],
  materials: [
    applicationForm('公司变更登记（备案）申请书'),
    {
      id: 'resolution',
      name: '变更决议或者决定',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    businessLicence('营业执照正、副本'),
    {
      id: 'new-premises',
      name: '新住所（经营场所）使用相关文件',
      required: false,
      situations: ['address-change'],
      form: 'both',
      source: 'applicant',
      replaceableByCommitment: true,
    },
    {
      id: 'new-representative',
      name: '新任法定代表人的任职文件及身份证明',
      required: false,
      situations: ['representative-change'],
      form: 'both',
      source: 'applicant',
    },
    {
      id: 'articles-amendment',
      name: '修改后的公司章程或章程修正案',
      required: false,
      situations: ['articles-change'],
      form: 'both',
      source: 'applicant',
    },
    preApprovalDocument(),
    ...agentMaterials(),
  ],
  processSteps: REGISTRATION_STEPS,
  legalLimitDays: 3,
  resultType: 'licence',
  resultName: '营业执照（换发）',
  commitment: commitment('变更后的住所（经营场所）真实存在、可合法使用'),
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const simpleDeregistration: BaseItemInput = {
  baseCode: '000109003000',
  name: '企业简易注销登记',
  aliases: ['简易注销', '公司简易注销'],
  keywords: ['注销公司', '公司注销', '注销营业执照', '关公司', '公司不开了'],
  type: '01',
  department: 'market-regulation',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国市场主体登记管理条例》',
      article: '第三十三条',
      excerpt:
        '未发生债权债务或者已将债权债务清偿完结，并由全体投资人书面承诺的，可以按照简易程序办理注销登记；公示期为20日。',
    },
    REGISTRATION_LIMIT,
  ],
  acceptanceConditions: [
    '企业未发生债权债务或已将债权债务清偿完结',
    '未发生或已结清清偿费用、职工工资、社会保险费用、法定补偿金和应缴税款',
    '全体投资人承诺书已通过国家企业信用信息公示系统公示满20日且无异议',
    '不存在被吊销营业执照、列入严重违法失信名单、股权被冻结等不适用简易注销的情形',
  ],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('企业注销登记申请书'),
    {
      // The procedure is itself built on this undertaking; it is a required material, not 告知承诺 in lieu of
      // a proof, so the matter does not "offer commitment" in the catalog's sense.
      id: 'investors-undertaking',
      name: '全体投资人承诺书',
      required: true,
      form: 'both',
      source: 'applicant',
      blankForm: '简易注销全体投资人承诺书',
      core: true,
    },
    businessLicence('营业执照正、副本（缴回）'),
    ...agentMaterials(),
  ],
  processSteps: REGISTRATION_STEPS,
  legalLimitDays: 3,
  resultType: 'approval',
  resultName: '准予简易注销登记通知书',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const soleTraderRegistration: BaseItemInput = {
  baseCode: '000109004000',
  name: '个体工商户设立登记',
  aliases: ['个体工商户注册登记', '个体户营业执照办理'],
  keywords: ['办个体执照', '个体户', '开小店', '开个店', '个体营业执照', '开门面'],
  type: '01',
  department: 'market-regulation',
  level: 'county',
  legalBasis: [
    {
      law: '《促进个体工商户发展条例》',
      article: '第二条',
      excerpt: '有经营能力的公民在中华人民共和国境内从事工商业经营，依法登记为个体工商户的，适用本条例。',
    },
    { law: '《中华人民共和国市场主体登记管理条例》', article: '第三条' },
    REGISTRATION_LIMIT,
  ],
  acceptanceConditions: [
    '经营者为有经营能力的自然人（家庭经营的，为参加经营的家庭成员）',
    '有固定的经营场所',
    '经营范围涉及登记前置审批的，已取得批准文件',
  ],
  serviceTargets: ['person'],
  situations: [AGENT, PRE_APPROVAL, { id: 'family', name: '以家庭形式经营' }],
  materials: [
    applicationForm('个体工商户登记（备案）申请书'),
    idCard('经营者居民身份证'),
    {
      id: 'premises',
      name: '经营场所使用相关文件',
      required: true,
      form: 'both',
      source: 'applicant',
      replaceableByCommitment: true,
    },
    {
      id: 'family-members',
      name: '参加经营的家庭成员姓名及居民身份证',
      required: false,
      situations: ['family'],
      form: 'both',
      source: 'government',
      licenceType: '居民身份证',
    },
    preApprovalDocument(),
    ...agentMaterials(),
  ],
  processSteps: REGISTRATION_STEPS,
  legalLimitDays: 3,
  resultType: 'licence',
  resultName: '营业执照（个体工商户）',
  commitment: commitment('所申报的经营场所真实存在、可合法使用'),
  tolerance: NO_TOLERANCE,
  highFrequency: true,
};

const foodBusinessLicence: BaseItemInput = {
  baseCode: '000109005000',
  name: '食品经营许可',
  aliases: ['食品经营许可证核发', '餐饮服务许可', '食品销售许可'],
  keywords: ['开饭店', '开餐馆', '餐饮许可证', '开小卖部', '食品经营许可证', '开超市', '开奶茶店', '卖熟食'],
  type: '01',
  department: 'market-regulation',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国食品安全法》',
      article: '第三十五条',
      excerpt:
        '国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。仅销售预包装食品的，应当备案。',
    },
    {
      law: '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
      excerpt: '自受理申请之日起10个工作日内作出是否准予行政许可的决定。',
    },
  ],
  acceptanceConditions: [
    '已取得营业执照或其他主体资格证明',
    '有与经营的食品品种、数量相适应的经营场所和设备设施，并与有毒、有害场所保持规定的距离',
    '有食品安全管理人员和保证食品安全的规章制度',
    '有合理的设备布局和工艺流程',
  ],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT, { id: 'vending-machine', name: '利用自动售货设备从事食品销售' }],
  materials: [
    applicationForm('食品经营许可申请书'),
    businessLicence('营业执照或其他主体资格证明文件'),
    {
      id: 'layout',
      name: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      // The house rules may follow within the tolerance deadline: they do not change what is inspected on
      // site.
      id: 'safety-rules',
      name: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录',
      required: true,
      form: 'both',
      source: 'applicant',
      deferrable: true,
    },
    {
      id: 'vending-machine-proof',
      name: '自动售货设备的产品合格证明、具体放置地点及经营者联系方式',
      required: false,
      situations: ['vending-machine'],
      form: 'both',
      source: 'applicant',
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 1, review: [6, '审查及现场核查'], decision: 2, issuance: 1 }),
  legalLimitDays: 10,
  resultType: 'licence',
  resultName: '食品经营许可证',
  commitment: NO_COMMITMENT,
  tolerance: TOLERANCE,
  riskCategories: ['personal-health'],
  highFrequency: true,
};

const drugRetailLicence: BaseItemInput = {
  baseCode: '000109006000',
  name: '药品零售企业许可',
  aliases: ['药品经营许可证（零售）核发', '开办药品零售企业审批'],
  keywords: ['开药店', '开药房', '药店许可证', '药品经营许可证', '开大药房'],
  type: '01',
  department: 'market-regulation',
  level: 'county',
  legalBasis: [
    {
      law: '《中华人民共和国药品管理法》',
      article: '第五十一条',
      excerpt: '从事药品零售活动，应当经所在地县级以上地方人民政府药品监督管理部门批准，取得药品经营许可证。',
    },
    { law: '《中华人民共和国药品管理法》', article: '第五十二条' },
    { law: '《中华人民共和国行政许可法》', article: '第四十二条' },
  ],
  acceptanceConditions: [
    '有依法经过资格认定的药师或者其他药学技术人员',
    '有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境',
    '有与所经营药品相适应的质量管理机构或者人员',
    '有保证药品质量的规章制度，并符合药品经营质量管理规范要求',
  ],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('药品经营许可证申请表（零售）'),
    businessLicence(),
    {
      id: 'pharmacist',
      name: '执业药师或其他药学技术人员的资格证明及聘用文件',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '执业药师注册证',
      core: true,
    },
    {
      id: 'premises-layout',
      name: '营业场所、仓库平面布置图及房屋产权或使用权证明',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      id: 'quality-system',
      name: '药品质量管理制度文件目录',
      required: true,
      form: 'both',
      source: 'applicant',
      deferrable: true,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 1, review: [14, '审查及现场检查'], decision: 3, issuance: 2 }),
  legalLimitDays: 20,
  resultType: 'licence',
  resultName: '药品经营许可证',
  commitment: NO_COMMITMENT,
  tolerance: TOLERANCE,
  riskCategories: ['personal-health'],
};

export const MARKET_REGULATION_ITEMS: BaseItemInput[] = [
  enterpriseEstablishment,
  enterpriseAlteration,
  simpleDeregistration,
  soleTraderRegistration,
  foodBusinessLicence,
  drugRetailLicence,
];
