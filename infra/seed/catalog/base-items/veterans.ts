import {
  applicationForm,
  type BaseItemInput,
  householdBook,
  idCard,
  NO_COMMITMENT,
  NO_TOLERANCE,
  steps,
} from './helpers.ts';

/**
 * 退役军人事务局: receiving discharged soldiers, their one-off grant, and the preferential-treatment card.
 */

const RESETTLEMENT_RULES = '《退役士兵安置条例》';

const dischargeCertificate = {
  id: 'discharge-certificate',
  name: '退出现役证明（士兵退出现役证）',
  required: true,
  form: 'both' as const,
  source: 'government' as const,
  licenceType: '退出现役证',
  copies: 0,
  core: true,
};

const reception: BaseItemInput = {
  baseCode: '001013001000',
  name: '退役士兵报到及接收安置',
  nameEn: 'Reporting and resettlement of discharged soldiers',
  aliases: ['退役士兵接收安置', '退役士兵报到'],
  keywords: ['退伍报到', '退役报到', '退伍军人报到', '退役安置', '复员报到', '退伍回家'],
  type: '10',
  department: 'veterans',
  level: 'county',
  legalBasis: [
    {
      law: RESETTLEMENT_RULES,
      excerpt:
        '退役士兵应当自被批准退出现役之日起30日内，持退役证件到安置地县级人民政府退役士兵安置工作主管部门报到。',
    },
    { law: '《中华人民共和国退役军人保障法》', article: '第二章 移交接收' },
  ],
  acceptanceConditions: ['经批准退出现役的义务兵和士官', '在规定时间内到安置地报到'],
  serviceTargets: ['person'],
  situations: [],
  materials: [dischargeCertificate, idCard('本人居民身份证或居民户口簿')],
  processSteps: steps({ acceptance: 0, review: 1, issuance: [1, '登记接收'] }),
  legalLimitDays: 5,
  resultType: 'registration',
  resultName: '退役士兵报到登记',
  resultNameEn: 'Reporting registration of a discharged soldier',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const oneOffGrant: BaseItemInput = {
  baseCode: '000513001000',
  name: '自主就业退役士兵一次性经济补助金给付',
  nameEn: 'One-off grant to discharged soldiers who find their own employment',
  aliases: ['退役士兵一次性经济补助金', '自主就业经济补助'],
  keywords: ['退伍补助', '退伍一次性补助', '退役士兵补助金', '退伍费', '自主就业补助'],
  type: '05',
  department: 'veterans',
  level: 'county',
  legalBasis: [
    {
      law: RESETTLEMENT_RULES,
      article: '第十九条',
      excerpt:
        '对自主就业的退役士兵，由部队发给一次性退役金；地方人民政府可以根据当地实际情况给予经济补助，经济补助标准及发放办法由省、自治区、直辖市人民政府规定。',
    },
  ],
  acceptanceConditions: ['选择自主就业的退役士兵', '已到安置地报到'],
  serviceTargets: ['person'],
  situations: [],
  materials: [
    applicationForm('自主就业退役士兵一次性经济补助金申请表'),
    dischargeCertificate,
    idCard(),
    {
      id: 'payment-account',
      name: '本人社会保障卡或银行账户信息',
      required: true,
      form: 'both',
      source: 'applicant',
      copies: 0,
    },
  ],
  processSteps: steps({ acceptance: 0, review: [10, '审核'], decision: 3, issuance: [2, '发放'] }),
  legalLimitDays: 20,
  resultType: 'payment',
  resultName: '自主就业退役士兵一次性经济补助金',
  resultNameEn: 'One-off grant to a discharged soldier who finds their own employment',
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

const preferentialCard: BaseItemInput = {
  baseCode: '002013001000',
  name: '退役军人优待证申领',
  nameEn: "Veterans' preferential treatment card application",
  aliases: ['中华人民共和国退役军人优待证申领', '优待证办理'],
  keywords: ['优待证', '退役军人优待证', '军人优待证', '退伍军人优待证', '退伍优待'],
  type: '20',
  department: 'veterans',
  level: 'county',
  legalBasis: [{ law: '《中华人民共和国退役军人保障法》' }],
  acceptanceConditions: ['依法退出现役的军人（含退役士兵、退役军官）', '户籍在本地'],
  serviceTargets: ['person'],
  situations: [],
  materials: [
    applicationForm('退役军人优待证申领表'),
    idCard(),
    householdBook(),
    dischargeCertificate,
    {
      id: 'photo',
      name: '近期免冠证件照（电子版）',
      required: true,
      form: 'electronic',
      source: 'applicant',
      copies: 0,
    },
  ],
  processSteps: steps({ acceptance: 0, review: [5, '审核'], decision: [10, '制证'], issuance: [2, '发证'] }),
  legalLimitDays: 20,
  resultType: 'certificate',
  resultName: '中华人民共和国退役军人优待证',
  resultNameEn: "Preferential Treatment Card for Veterans of the People's Republic of China",
  commitment: NO_COMMITMENT,
  tolerance: NO_TOLERANCE,
};

export const VETERANS_ITEMS: BaseItemInput[] = [reception, oneOffGrant, preferentialCard];
