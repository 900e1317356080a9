import { draftCase } from '../../../shared/domain/cases/lifecycle.ts';
import type { Actor, Case, CaseStatus, WorkingDays } from '../../../shared/domain/cases/model.ts';
import { ImplementationItem } from '../../../shared/domain/catalog/model.ts';

/**
 * 食品经营许可 as 西安市 delivers it: a core application form, two government-issued proofs that e-licences
 * can stand in for, two deferrable drawings, a commitment-replaceable rule book, and two materials needed only
 * when an agent applies (委托代理).
 */
export function foodBusinessLicence(overrides: Partial<Record<keyof ImplementationItem, unknown>> = {}) {
  return ImplementationItem.parse({
    baseCode: '000109015000',
    implementationCode: '000109015000610100',
    region: '610100',
    name: '食品经营许可',
    type: '01',
    department: 'market-regulation',
    legalBasis: [{ law: '《中华人民共和国食品安全法》', article: '第三十五条' }],
    acceptanceConditions: ['具有与经营的食品品种、数量相适应的经营场所'],
    serviceTargets: ['person', 'enterprise'],
    situations: [
      { id: 'agent', name: '委托代理人办理' },
      { id: 'chain', name: '连锁经营' },
    ],
    materials: [
      {
        id: 'application',
        name: '食品经营许可申请书',
        required: true,
        form: 'electronic',
        source: 'applicant',
        core: true,
      },
      {
        id: 'business-licence',
        name: '营业执照',
        required: true,
        form: 'electronic',
        source: 'government',
        licenceType: '营业执照',
        core: true,
      },
      {
        id: 'legal-rep-id',
        name: '法定代表人身份证明',
        required: true,
        form: 'electronic',
        source: 'government',
        licenceType: '居民身份证',
      },
      {
        id: 'floor-plan',
        name: '经营场所平面图',
        required: true,
        form: 'electronic',
        source: 'applicant',
        deferrable: true,
      },
      {
        id: 'equipment-layout',
        name: '设备布局和工艺流程图',
        required: true,
        form: 'electronic',
        source: 'applicant',
        deferrable: true,
      },
      {
        id: 'safety-rules',
        name: '食品安全管理制度',
        required: true,
        form: 'electronic',
        source: 'applicant',
        replaceableByCommitment: true,
      },
      {
        id: 'power-of-attorney',
        name: '授权委托书',
        required: false,
        situations: ['agent'],
        form: 'paper',
        source: 'applicant',
      },
      {
        id: 'agent-id',
        name: '委托代理人身份证明',
        required: false,
        situations: ['agent'],
        form: 'electronic',
        source: 'government',
        licenceType: '居民身份证',
      },
    ],
    processSteps: [
      { id: 'accept', name: '受理', kind: 'acceptance', limitDays: 1 },
      { id: 'review', name: '审查', kind: 'review', limitDays: 5 },
      { id: 'decide', name: '决定', kind: 'decision', limitDays: 3 },
      { id: 'issue', name: '制证', kind: 'issuance', limitDays: 1 },
    ],
    legalLimitDays: 20,
    promisedLimitDays: 10,
    resultType: 'licence',
    resultName: '食品经营许可证',
    commitment: { offered: true, text: '本人承诺所提交的食品安全管理制度真实有效。', verificationDays: 20 },
    tolerance: { offered: true },
    implementingBody: { name: '西安市市场监督管理局', uscc: '11610100MB2961374G' },
    handlingForm: 'both',
    visits: 0,
    locations: [
      { name: '西安市政务服务中心', address: '凤城八路109号', hours: '工作日 9:00-17:00', phone: '12345' },
    ],
    consultationPhone: '12345',
    complaintPhone: '12345',
    crossRegionScope: 'province',
    ...overrides,
  });
}

/** Working days for tests: Monday to Friday, no holidays, every year known. The real calendar lives in shared/domain/clock. */
export const addWeekdays: WorkingDays = {
  addWorkingDays(from, n) {
    const d = new Date(`${from}T00:00:00Z`);
    for (let left = n; left > 0; ) {
      d.setUTCDate(d.getUTCDate() + 1);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
    }
    return d.toISOString().slice(0, 10);
  },
  provisionalYears: () => [],
};

/** 2025-09-01 is a Monday. */
export const at = (day: string, time = '09:00') => `${day}T${time}:00+08:00`;

const office = { department: 'market-regulation', region: '610100' };
export const APPLICANT: Actor = { subject: 'citizen-zhang', roles: ['citizen'] };
export const STRANGER: Actor = { subject: 'citizen-li', roles: ['citizen'] };
export const WINDOW: Actor = { subject: 'window-wang', roles: ['window'], ...office };
export const REVIEWER: Actor = { subject: 'reviewer-zhao', roles: ['reviewer'], ...office };
export const OTHER_DEPARTMENT_REVIEWER: Actor = {
  subject: 'reviewer-sun',
  roles: ['reviewer'],
  department: 'health',
  region: '610100',
};
export const SUPERVISOR: Actor = { subject: 'supervisor-liu', roles: ['supervisor'], region: '610100' };
export const OTHER_CITY_SUPERVISOR: Actor = {
  subject: 'supervisor-ma',
  roles: ['supervisor'],
  region: '610300',
};

/** A case of APPLICANT's, as it stands in `status` (only the fields the rules read are filled in). */
export function caseIn(status: CaseStatus, overrides: Partial<Case> = {}): Case {
  const draft = draftCase({
    id: 'case-0001',
    matter: foodBusinessLicence(),
    version: 3,
    applicant: { subject: APPLICANT.subject, kind: 'person', name: '张三', idHash: 'hash-of-id' },
    at: at('2025-09-01', '08:00'),
  });
  return { ...draft, status, receivedAt: status === 'draft' ? undefined : at('2025-09-01'), ...overrides };
}
