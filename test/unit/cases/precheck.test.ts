import { describe, expect, it } from 'vitest';
import { CaseError } from '../../../shared/domain/cases/errors.ts';
import { type PrecheckInput, precheck, summarize } from '../../../shared/domain/cases/precheck.ts';
import { foodBusinessLicence } from './fixtures.ts';

const CLEAN = { badCredit: false, falseCommitmentRecord: false };
const ok = (...ids: string[]) => ids.map((materialId) => ({ materialId, problems: [] }));

/** Everything 食品经营许可 asks of an applicant without an agent, supplied in the three possible ways. */
function everything(overrides: Partial<PrecheckInput> = {}): PrecheckInput {
  return {
    matter: foodBusinessLicence(),
    situations: [],
    supplied: {
      uploaded: ok('application', 'floor-plan', 'equipment-layout'),
      eLicences: ['business-licence', 'legal-rep-id'],
      commitments: ['safety-rules'],
    },
    standing: CLEAN,
    toleranceRequested: false,
    ...overrides,
  };
}

const codesOf = (result: ReturnType<typeof precheck>) =>
  Object.fromEntries(result.notice.items.map((i) => [i.materialId, i.problems.map((p) => p.code)]));

describe('the pre-check', () => {
  it('given every material by upload, e-licence or commitment, then the application is complete', () => {
    const result = precheck(everything());
    expect(result.outcome).toBe('complete');
    expect(result.notice.items).toEqual([]);
    expect(result.satisfied).toContainEqual({ materialId: 'business-licence', by: 'e-licence' });
    expect(result.replacedByCommitment).toEqual(['safety-rules']);
  });

  it('given only deferrable materials missing and tolerance asked for, then it is tolerable', () => {
    const input = everything({ toleranceRequested: true });
    input.supplied.uploaded = ok('application');
    const result = precheck(input);
    expect(result.outcome).toBe('tolerable');
    expect(result.notice.items.map((i) => i.name)).toEqual(['经营场所平面图', '设备布局和工艺流程图']);
    expect(result.toleranceRefusals).toEqual([]);
  });

  it('given only deferrable materials missing but no tolerance asked for, then it needs correction and says why', () => {
    const input = everything();
    input.supplied.uploaded = ok('application', 'equipment-layout');
    const result = precheck(input);
    expect(result.outcome).toBe('correction');
    expect(result.toleranceRefusals.map((r) => r.code)).toEqual(['TOLERANCE_NOT_REQUESTED']);
  });

  it('refuses tolerance to an applicant with a bad-credit flag and for a matter that does not offer it', () => {
    const input = everything({
      toleranceRequested: true,
      standing: { badCredit: true, falseCommitmentRecord: false },
      matter: foodBusinessLicence({ tolerance: { offered: false } }),
    });
    input.supplied = { ...input.supplied, uploaded: ok('application', 'equipment-layout'), commitments: [] };
    input.supplied.uploaded.push({ materialId: 'safety-rules', problems: [] });
    const result = precheck(input);
    expect(result.outcome).toBe('correction');
    expect(result.toleranceRefusals.map((r) => r.code)).toEqual([
      'TOLERANCE_NOT_OFFERED',
      'TOLERANCE_BAD_CREDIT',
    ]);
  });

  it('given a core material missing among other faults, then ONE notice names every problem at once', () => {
    const input = everything({
      toleranceRequested: true,
      standing: { badCredit: false, falseCommitmentRecord: true },
    });
    input.supplied = {
      uploaded: [
        { materialId: 'floor-plan', problems: [{ kind: 'wrong-type' }] },
        { materialId: 'equipment-layout', problems: [{ kind: 'unreadable' }] },
        { materialId: 'safety-rules', problems: [{ kind: 'failed-check', detail: '未加盖公章' }] },
      ],
      eLicences: ['business-licence'],
      commitments: ['safety-rules'],
    };
    const result = precheck(input);
    expect(result.outcome).toBe('correction');
    expect(codesOf(result)).toEqual({
      application: ['MATERIAL_MISSING'],
      'legal-rep-id': ['MATERIAL_MISSING'],
      'floor-plan': ['MATERIAL_WRONG_TYPE'],
      'equipment-layout': ['MATERIAL_UNREADABLE'],
      'safety-rules': ['MATERIAL_FAILED_CHECK', 'COMMITMENT_FALSE_RECORD'],
    });
    const rules = result.notice.items.find((i) => i.materialId === 'safety-rules');
    expect(rules?.problems[0]?.zh).toBe('「食品安全管理制度」未通过核验（未加盖公章）');
    expect(result.notice.items.every((i) => i.problems.every((p) => p.zh && p.en))).toBe(true);
    expect(result.toleranceRefusals.map((r) => r.code)).toEqual([
      'TOLERANCE_NOT_DEFERRABLE',
      'TOLERANCE_NOT_DEFERRABLE',
      'TOLERANCE_NOT_DEFERRABLE',
    ]);
    expect(summarize(result.notice).zh).toBe(
      '一次性告知：需补正5项材料：食品经营许可申请书、法定代表人身份证明、经营场所平面图、设备布局和工艺流程图、食品安全管理制度',
    );
  });

  it('asks for the 授权委托书 only when an agent applies', () => {
    expect(precheck(everything()).outcome).toBe('complete');
    const byAgent = precheck(everything({ situations: ['agent'] }));
    expect(byAgent.notice.items.map((i) => i.name)).toEqual(['授权委托书', '委托代理人身份证明']);
    const input = everything({ situations: ['agent'] });
    input.supplied.uploaded.push(...ok('power-of-attorney'));
    input.supplied.eLicences.push('agent-id');
    expect(precheck(input).outcome).toBe('complete');
  });

  it('refuses a commitment from an applicant with a record of false commitments, saying so', () => {
    const result = precheck(everything({ standing: { badCredit: false, falseCommitmentRecord: true } }));
    expect(result.outcome).toBe('correction');
    expect(codesOf(result)).toEqual({ 'safety-rules': ['MATERIAL_MISSING', 'COMMITMENT_FALSE_RECORD'] });
    expect(result.replacedByCommitment).toEqual([]);
  });

  it('refuses a commitment for a matter that does not offer it, or touches an excluded area', () => {
    const notOffered = precheck(
      everything({ matter: foodBusinessLicence({ commitment: { offered: false } }) }),
    );
    expect(codesOf(notOffered)).toEqual({ 'safety-rules': ['MATERIAL_MISSING', 'COMMITMENT_NOT_OFFERED'] });
    const risky = precheck(
      everything({ matter: foodBusinessLicence({ riskCategories: ['personal-health'] }) }),
    );
    expect(codesOf(risky)['safety-rules']).toContain('COMMITMENT_RISK_CATEGORY');
    expect(risky.notice.items[0]?.problems[1]?.zh).toContain('人身健康');
  });

  it('refuses a commitment in place of a material the list does not mark replaceable', () => {
    const input = everything();
    input.supplied.uploaded = ok('floor-plan', 'equipment-layout');
    input.supplied.commitments.push('application');
    expect(codesOf(precheck(input))).toEqual({
      application: ['MATERIAL_MISSING', 'COMMITMENT_NOT_REPLACEABLE'],
    });
  });

  it('takes an e-licence only for a certificate a government body issues', () => {
    const input = everything();
    input.supplied.uploaded = ok('floor-plan', 'equipment-layout');
    input.supplied.eLicences.push('application');
    expect(codesOf(precheck(input))).toEqual({ application: ['MATERIAL_MISSING', 'LICENCE_NOT_APPLICABLE'] });
  });

  it('takes a good upload even when another upload of the same material failed', () => {
    const input = everything();
    input.supplied.uploaded.push({ materialId: 'application', problems: [{ kind: 'expired' }] });
    expect(precheck(input).outcome).toBe('complete');
  });

  it('refuses a situation the matter does not have', () => {
    expect(() => precheck(everything({ situations: ['moon-base'] }))).toThrow(CaseError);
  });
});
