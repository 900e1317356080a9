import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  businessLicence,
  NO_COMMITMENT,
  steps,
  TOLERANCE,
} from './helpers.ts';

/** 交通运输局: road haulage licence and the filing of a motor-vehicle repair shop. */

const ROAD_TRANSPORT_RULES = '《中华人民共和国道路运输条例》';

const haulageLicence: BaseItemInput = {
  baseCode: '000108001000',
  name: '道路货物运输经营许可',
  nameEn: 'Road freight transport business licence',
  aliases: ['道路运输经营许可证核发（货运）', '普通货运经营许可'],
  keywords: ['道路运输许可证', '货运许可证', '跑运输', '开物流公司', '道路运输经营许可证', '货车营运证'],
  type: '01',
  department: 'transport',
  level: 'county',
  legalBasis: [
    {
      law: ROAD_TRANSPORT_RULES,
      article: '第二十一条',
      excerpt:
        '申请从事货运经营的，应当具备下列条件：有与其经营业务相适应并经检测合格的车辆；有符合规定条件的驾驶人员；有健全的安全生产管理制度。',
    },
    { law: '《中华人民共和国行政许可法》', article: '第四十二条' },
  ],
  acceptanceConditions: [
    '有与其经营业务相适应并经检测合格的车辆',
    '有符合规定条件的驾驶人员',
    '有健全的安全生产管理制度',
    '使用总质量4500千克及以下普通货运车辆从事普通货运经营的，无需申请本许可',
  ],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('道路货物运输经营申请表'),
    businessLicence(),
    {
      id: 'vehicles',
      name: '拟投入车辆的行驶证及检测合格证明',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    {
      id: 'drivers',
      name: '驾驶人员的机动车驾驶证和从业资格证',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    {
      id: 'safety-rules',
      name: '安全生产管理制度文本',
      required: true,
      form: 'both',
      source: 'applicant',
      deferrable: true,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 1, review: 12, decision: 4, issuance: 3 }),
  legalLimitDays: 20,
  resultType: 'licence',
  resultName: '道路运输经营许可证',
  resultNameEn: 'Road transport business licence',
  commitment: NO_COMMITMENT,
  tolerance: TOLERANCE,
  riskCategories: ['public-safety'],
};

const repairShopFiling: BaseItemInput = {
  baseCode: '001008001000',
  name: '机动车维修经营备案',
  nameEn: 'Motor vehicle repair business filing',
  aliases: ['机动车维修经营者备案', '汽车维修备案'],
  keywords: ['开修车店', '汽修备案', '汽车维修备案', '开汽修厂', '修理厂备案', '摩托车维修备案'],
  type: '10',
  department: 'transport',
  level: 'county',
  legalBasis: [
    {
      law: ROAD_TRANSPORT_RULES,
      excerpt:
        '从事机动车维修经营业务的，应当在依法向市场监督管理部门办理有关登记手续后，向所在地县级人民政府交通运输主管部门进行备案。',
    },
  ],
  acceptanceConditions: ['已取得营业执照', '有与维修业务相适应的场地、设备、技术人员和管理制度'],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('机动车维修经营备案表'),
    businessLicence(),
    {
      id: 'premises',
      name: '维修经营场地、停车场地的使用证明',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      id: 'equipment',
      name: '维修设备设施清单',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      id: 'technicians',
      name: '技术人员名册及从业资格信息',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      id: 'management-rules',
      name: '维修质量、安全生产等管理制度',
      required: true,
      form: 'both',
      source: 'applicant',
      deferrable: true,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 0, review: 2, issuance: [1, '备案'] }),
  legalLimitDays: 5,
  resultType: 'registration',
  resultName: '机动车维修经营备案',
  resultNameEn: 'Motor vehicle repair business filing',
  commitment: NO_COMMITMENT,
  tolerance: TOLERANCE,
  riskCategories: ['public-safety'],
};

export const TRANSPORT_ITEMS: BaseItemInput[] = [haulageLicence, repairShopFiling];
