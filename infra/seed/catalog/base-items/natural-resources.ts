import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  NO_COMMITMENT,
  NO_TOLERANCE,
  onlyWhen,
  steps,
} from './helpers.ts';

/** 自然资源和规划局: the planning permits of a building, and the planning check at completion. */

const PLANNING_LAW = '《中华人民共和国城乡规划法》';
// No special limit in the 城乡规划法: 行政许可法 第四十二条's 20 working days apply.
const LICENCE_LIMIT = { law: '《中华人民共和国行政许可法》', article: '第四十二条' };
const LICENCE_STEPS = steps({ acceptance: 1, review: 12, decision: 4, issuance: 3 });

const landUsePlanningPermit: BaseItemInput = {
  baseCode: '000104001000',
  name: '建设用地规划许可证核发',
  nameEn: 'Issue of the planning permit for construction land',
  aliases: ['建设用地规划许可', '用地规划许可证办理'],
  keywords: ['用地规划许可证', '规划许可', '拿地规划', '建设用地规划许可', '用地许可'],
  type: '01',
  department: 'natural-resources',
  level: 'county',
  legalBasis: [
    {
      law: PLANNING_LAW,
      article: '第三十七条',
      excerpt:
        '以划拨方式提供国有土地使用权的建设项目，经有关部门批准、核准、备案后，建设单位应当申请核发建设用地规划许可证。',
    },
    {
      law: PLANNING_LAW,
      article: '第三十八条',
      excerpt:
        '以出让方式取得国有土地使用权的建设项目，在签订国有土地使用权出让合同后，建设单位应当领取建设用地规划许可证。',
    },
    LICENCE_LIMIT,
  ],
  acceptanceConditions: [
    '建设项目已经批准、核准或备案',
    '划拨用地已取得用地预审与选址意见书；出让用地已签订国有土地使用权出让合同',
    '符合国土空间规划和规划条件',
  ],
  serviceTargets: ['enterprise'],
  situations: [
    AGENT,
    { id: 'allocation', name: '以划拨方式取得土地' },
    { id: 'transfer', name: '以出让方式取得土地' },
  ],
  materials: [
    applicationForm('建设用地规划许可证申请表'),
    {
      id: 'project-approval',
      name: '建设项目批准、核准或备案文件',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    onlyWhen(['allocation'], {
      id: 'site-opinion',
      name: '建设项目用地预审与选址意见书',
      required: true,
      form: 'both',
      source: 'government',
    }),
    onlyWhen(['transfer'], {
      id: 'transfer-contract',
      name: '国有建设用地使用权出让合同',
      required: true,
      form: 'both',
      source: 'applicant',
    }),
    {
      id: 'boundary-survey',
      name: '宗地图或勘测定界成果',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    ...agentMaterials(),
  ],
  processSteps: LICENCE_STEPS,
  legalLimitDays: 20,
  resultType: 'licence',
  resultName: '建设用地规划许可证',
  resultNameEn: 'Planning permit for construction land',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const buildingPlanningPermit: BaseItemInput = {
  baseCode: '000104002000',
  name: '建设工程规划许可证核发',
  nameEn: 'Issue of the planning permit for construction works',
  aliases: ['建设工程规划许可', '工程规划许可证办理'],
  keywords: ['工程规划许可证', '建设工程规划许可', '规划证', '设计方案审查', '建房规划'],
  type: '01',
  department: 'natural-resources',
  level: 'county',
  legalBasis: [
    {
      law: PLANNING_LAW,
      article: '第四十条',
      excerpt:
        '在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位或者个人应当申请办理建设工程规划许可证。',
    },
    LICENCE_LIMIT,
  ],
  acceptanceConditions: ['已取得土地使用权或用地批准手续', '建设工程设计方案符合控制性详细规划和规划条件'],
  serviceTargets: ['person', 'enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('建设工程规划许可证申请表'),
    {
      id: 'land-title',
      name: '不动产权证书或用地批准文件',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    {
      id: 'design-scheme',
      name: '建设工程设计方案（总平面图、建筑单体方案等）',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    ...agentMaterials(),
  ],
  processSteps: LICENCE_STEPS,
  legalLimitDays: 20,
  resultType: 'licence',
  resultName: '建设工程规划许可证',
  resultNameEn: 'Planning permit for construction works',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const planningVerification: BaseItemInput = {
  baseCode: '001004001000',
  name: '建设工程规划条件核实',
  nameEn: 'Verification of planning conditions of construction works',
  aliases: ['建设工程竣工规划核实', '规划核实'],
  keywords: ['规划核实', '规划验收', '竣工规划验收', '规划条件核实'],
  type: '10',
  department: 'natural-resources',
  level: 'county',
  legalBasis: [
    {
      law: PLANNING_LAW,
      article: '第四十五条',
      excerpt:
        '县级以上地方人民政府城乡规划主管部门按照国务院规定对建设工程是否符合规划条件予以核实。未经核实或者经核实不符合规划条件的，建设单位不得组织竣工验收。',
    },
  ],
  acceptanceConditions: ['建设工程已按建设工程规划许可证施工完成', '已完成规划核实测量'],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('建设工程规划条件核实申请表'),
    {
      id: 'planning-permit',
      name: '建设工程规划许可证',
      required: true,
      form: 'both',
      source: 'government',
      licenceType: '建设工程规划许可证',
      core: true,
    },
    {
      id: 'survey-report',
      name: '建设工程规划核实测量成果报告',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    ...agentMaterials(),
  ],
  processSteps: steps({ acceptance: 1, review: [10, '现场核实'], decision: 3, issuance: 1 }),
  legalLimitDays: 20,
  resultType: 'approval',
  resultName: '建设工程规划核实意见书',
  resultNameEn: 'Planning verification opinion for construction works',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

export const NATURAL_RESOURCES_ITEMS: BaseItemInput[] = [
  landUsePlanningPermit,
  buildingPlanningPermit,
  planningVerification,
];
