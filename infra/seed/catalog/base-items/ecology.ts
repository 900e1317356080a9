import {
  AGENT,
  agentMaterials,
  applicationForm,
  type BaseItemInput,
  businessLicence,
  calendarDays,
  NO_COMMITMENT,
  NO_TOLERANCE,
  onlyWhen,
  steps,
} from './helpers.ts';

/**
 * 生态环境局: pollutant discharge (登记 or 许可) and environmental-impact approval. All ecology: no 告知承诺.
 */

const PERMIT_RULES = '《排污许可管理条例》';

const dischargeRegistration: BaseItemInput = {
  baseCode: '001005001000',
  name: '固定污染源排污登记',
  nameEn: 'Pollutant discharge registration of fixed pollution sources',
  aliases: ['排污登记', '排污登记表填报'],
  keywords: ['排污登记', '排污登记表', '环保登记', '排污备案', '小企业排污'],
  type: '10',
  department: 'ecology',
  level: 'city',
  legalBasis: [
    {
      law: PERMIT_RULES,
      article: '第二十四条',
      excerpt:
        '污染物产生量、排放量和对环境的影响程度都很小的企业事业单位和其他生产经营者，应当填报排污登记表，不需要申请取得排污许可证。',
    },
  ],
  acceptanceConditions: ['属于《固定污染源排污许可分类管理名录》中实行排污登记管理的单位'],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [applicationForm('固定污染源排污登记表'), businessLicence(), ...agentMaterials()],
  processSteps: steps({ acceptance: 0, issuance: [1, '生成登记回执'] }),
  legalLimitDays: 1,
  resultType: 'registration',
  resultName: '固定污染源排污登记回执',
  resultNameEn: 'Receipt of pollutant discharge registration',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  riskCategories: ['ecology-environment'],
};

/** The permit has two sub-items (子项), because the 条例 gives them different limits (第十二条). */
function dischargePermit(
  sub: '001' | '002',
  management: string,
  managementEn: string,
  limitDays: number,
): BaseItemInput {
  return {
    baseCode: `000105001${sub}`,
    name: `排污许可证核发（${management}）`,
    nameEn: `Pollutant discharge permit issue (${managementEn})`,
    aliases: ['排污许可证申领', `排污许可${management}`],
    keywords: ['排污许可证', '排污证', '申领排污许可', '环保许可证'],
    type: '01',
    department: 'ecology',
    level: 'city',
    legalBasis: [
      {
        law: PERMIT_RULES,
        article: '第十二条',
        excerpt: `对实行排污许可${management}的排污单位，审批部门应当自受理申请之日起${sub === '001' ? 30 : 20}日内作出审批决定。`,
      },
    ],
    acceptanceConditions: [
      `属于《固定污染源排污许可分类管理名录》中实行排污许可${management}的单位`,
      '依法取得建设项目环境影响评价文件审批意见或者按规定备案',
      '污染物排放符合污染物排放标准和重点污染物排放总量控制要求',
    ],
    serviceTargets: ['enterprise'],
    situations: [AGENT, { id: 'new-project', name: '新建、改建、扩建项目' }],
    materials: [
      applicationForm('排污许可证申请表'),
      businessLicence(),
      {
        id: 'monitoring-plan',
        name: '自行监测方案',
        required: true,
        form: 'both',
        source: 'applicant',
        core: true,
      },
      {
        // Required by the 条例 as part of the application, not 告知承诺 in lieu of a proof.
        id: 'compliance-undertaking',
        name: '排污单位守法承诺书',
        required: true,
        form: 'both',
        source: 'applicant',
        core: true,
      },
      onlyWhen(['new-project'], {
        id: 'eia-approval',
        name: '建设项目环境影响评价文件审批意见或备案材料',
        required: true,
        form: 'both',
        source: 'government',
      }),
      ...agentMaterials(),
    ],
    processSteps: steps({
      acceptance: 1,
      review: [limitDays - 6, '技术审查'],
      decision: 3,
      issuance: [2, '核发排污许可证'],
    }),
    // 第十二条 counts 日 (calendar days).
    legalLimitDays: limitDays,
    resultType: 'licence',
    resultName: '排污许可证',
    resultNameEn: 'Pollutant discharge permit',
    commitment: NO_COMMITMENT,
    tolerance: NO_TOLERANCE,
    riskCategories: ['ecology-environment'],
  };
}

const impactReportApproval: BaseItemInput = {
  baseCode: '000105002000',
  name: '建设项目环境影响报告表审批',
  nameEn: 'Approval of environmental impact report forms of construction projects',
  aliases: ['环境影响报告表审批', '环评报告表审批'],
  keywords: ['环评审批', '环评批复', '环境影响评价', '环评报告表', '项目环评', '办环评'],
  type: '01',
  department: 'ecology',
  level: 'city',
  legalBasis: [
    {
      law: '《中华人民共和国环境影响评价法》',
      article: '第二十二条',
      excerpt:
        '审批部门应当自收到环境影响报告书之日起六十日内，收到环境影响报告表之日起三十日内，分别作出审批决定并书面通知建设单位。',
    },
  ],
  acceptanceConditions: [
    '建设项目依法应当编制环境影响报告表',
    '项目符合生态环境分区管控、产业政策和相关规划',
  ],
  serviceTargets: ['enterprise'],
  situations: [AGENT],
  materials: [
    applicationForm('建设项目环境影响报告表审批申请'),
    {
      id: 'impact-report',
      name: '建设项目环境影响报告表',
      required: true,
      form: 'both',
      source: 'applicant',
      core: true,
    },
    {
      id: 'project-approval',
      name: '项目批准、核准或备案文件',
      required: true,
      form: 'both',
      source: 'government',
      core: true,
    },
    ...agentMaterials(),
  ],
  // Technical evaluation by experts pauses the clock: a special procedure of the implementation item.
  processSteps: steps({
    acceptance: 1,
    review: [12, '技术评估及审查'],
    decision: [5, '公示及决定'],
    issuance: 1,
  }),
  // 第二十二条: 30 calendar days for a 报告表.
  legalLimitDays: calendarDays(30),
  resultType: 'approval',
  resultName: '建设项目环境影响报告表批复',
  resultNameEn: 'Approval of the environmental impact report form',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
  riskCategories: ['ecology-environment'],
};

export const ECOLOGY_ITEMS: BaseItemInput[] = [
  dischargeRegistration,
  dischargePermit('001', '重点管理', 'key management', calendarDays(30)),
  dischargePermit('002', '简化管理', 'simplified management', calendarDays(20)),
  impactReportApproval,
];
