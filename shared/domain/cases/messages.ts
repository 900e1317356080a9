import type { RiskCategory } from '../catalog/model.ts';
import type { Message } from './model.ts';

/** Every reason these rules give, in one place so the wording stays consistent in both languages. */

const m = (code: string, zh: string, en: string): Message => ({ code, zh, en });
const detail = (d: string | undefined, zh: boolean) => (d ? (zh ? `（${d}）` : ` (${d})`) : '');

export const UPLOAD_PROBLEMS = [
  'wrong-type',
  'failed-check',
  'expired',
  'unreadable',
  'incomplete',
  'unchecked',
] as const;
export type UploadProblemKind = (typeof UPLOAD_PROBLEMS)[number];

export const materialMissing = (name: string) =>
  m('MATERIAL_MISSING', `未提交「${name}」`, `"${name}" was not supplied`);

const UPLOAD_TEXT: Record<UploadProblemKind, [string, (n: string) => string, (n: string) => string]> = {
  'wrong-type': [
    'MATERIAL_WRONG_TYPE',
    (n) => `上传的文件不是「${n}」`,
    (n) => `the file uploaded is not "${n}"`,
  ],
  'failed-check': ['MATERIAL_FAILED_CHECK', (n) => `「${n}」未通过核验`, (n) => `"${n}" failed a check`],
  expired: ['MATERIAL_EXPIRED', (n) => `「${n}」已超过有效期`, (n) => `"${n}" has expired`],
  unreadable: [
    'MATERIAL_UNREADABLE',
    (n) => `「${n}」无法识别，请上传清晰完整的文件`,
    (n) => `"${n}" cannot be read; upload a clear, complete copy`,
  ],
  incomplete: [
    'MATERIAL_INCOMPLETE',
    (n) => `「${n}」内容不完整（缺页、缺签字或缺盖章）`,
    (n) => `"${n}" is incomplete (pages, signatures or seals missing)`,
  ],
  unchecked: ['MATERIAL_UNCHECKED', (n) => `「${n}」尚未完成核验`, (n) => `"${n}" has not been checked yet`],
};

export function uploadProblem(kind: UploadProblemKind, name: string, d?: string): Message {
  const [code, zh, en] = UPLOAD_TEXT[kind];
  return m(code, zh(name) + detail(d, true), en(name) + detail(d, false));
}

export const licenceNotApplicable = (name: string) =>
  m(
    'LICENCE_NOT_APPLICABLE',
    `「${name}」不是政府部门核发的证照，不能以电子证照免于提交`,
    `"${name}" is not issued by a government body, so an e-licence cannot stand in for it`,
  );

const RISK_TEXT: Record<RiskCategory, [string, string]> = {
  'national-security': ['国家安全', 'national security'],
  'state-secrets': ['国家秘密', 'state secrets'],
  'public-safety': ['公共安全', 'public safety'],
  'financial-prudential': ['金融审慎监管', 'financial prudential supervision'],
  'ecology-environment': ['生态环境保护', 'ecology and environment'],
  'personal-health': ['人身健康', 'personal health'],
  'life-property-safety': ['生命财产安全', 'life and property safety'],
  'foreign-affairs': ['重要涉外事项', 'important foreign affairs'],
};

export const commitmentNotOffered = () =>
  m('COMMITMENT_NOT_OFFERED', '本事项不实行告知承诺制', 'this matter does not offer commitment (告知承诺)');
export const commitmentRisk = (risk: RiskCategory) =>
  m(
    'COMMITMENT_RISK_CATEGORY',
    `本事项涉及${RISK_TEXT[risk][0]}，不适用告知承诺制`,
    `this matter touches ${RISK_TEXT[risk][1]}, where commitment never applies`,
  );
export const commitmentFalseRecord = () =>
  m(
    'COMMITMENT_FALSE_RECORD',
    '申请人有虚假承诺记录，不适用告知承诺制',
    'the applicant has a record of false commitments',
  );
export const commitmentBadCredit = () =>
  m('COMMITMENT_BAD_CREDIT', '申请人存在失信记录，不适用告知承诺制', 'the applicant has a bad-credit flag');
export const commitmentNotReplaceable = (name: string) =>
  m(
    'COMMITMENT_NOT_REPLACEABLE',
    `「${name}」不能以承诺代替`,
    `"${name}" may not be replaced by a commitment`,
  );

export const toleranceNotOffered = () =>
  m('TOLERANCE_NOT_OFFERED', '本事项不实行容缺受理', 'this matter does not offer tolerance (容缺受理)');
export const toleranceBadCredit = () =>
  m('TOLERANCE_BAD_CREDIT', '申请人存在失信记录，不能容缺受理', 'the applicant has a bad-credit flag');
export const toleranceMissedBefore = () =>
  m(
    'TOLERANCE_MISSED_BEFORE',
    '申请人近期有容缺材料逾期未补、办件被终止的记录，暂不能容缺受理',
    'the applicant recently let a deferred-material deadline pass (the case was terminated): no tolerance for now',
  );
export const toleranceNotRequested = () =>
  m(
    'TOLERANCE_NOT_REQUESTED',
    '申请人未申请容缺受理并签署承诺书',
    'the applicant did not ask for tolerance and sign the undertaking',
  );
export const toleranceNotDeferrable = (name: string) =>
  m(
    'TOLERANCE_NOT_DEFERRABLE',
    `「${name}」是核心材料或不可容缺，必须在受理前提交`,
    `"${name}" is core or not deferrable, so it must be supplied before acceptance`,
  );
