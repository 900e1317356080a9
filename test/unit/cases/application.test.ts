import { describe, expect, it } from 'vitest';
import { Application, checkApplicant, checkApplication } from '../../../shared/domain/cases/application.ts';
import { APPLICANT, foodBusinessLicence, REVIEWER, WINDOW } from './fixtures.ts';

const VALID_ID = '11010519491231002X';
const VALID_USCC = '91350100M000100Y43';
/** The day the checks run on (in China): a birth date after it is no birth date. */
const TODAY = '2025-06-01';

const application = (overrides: Record<string, unknown> = {}) =>
  Application.parse({
    implementationCode: '000109015000610100',
    form: { shopName: '老孙家泡馍', address: '西安市碑林区东关正街' },
    materials: [
      { materialId: 'application', by: 'upload', fileKey: 'u/1/application.pdf' },
      { materialId: 'floor-plan', by: 'upload', fileKey: 'u/1/floor-plan.pdf' },
      { materialId: 'equipment-layout', by: 'upload', fileKey: 'u/1/layout.pdf' },
      {
        materialId: 'business-licence',
        by: 'e-licence',
        licenceId: '1.2.156.3005.2.11100000000013338W011.001',
      },
      { materialId: 'legal-rep-id', by: 'e-licence', licenceId: '1.2.156.3005.2.11100000000013127D001.001' },
      { materialId: 'safety-rules', by: 'commitment' },
    ],
    commitment: true,
    ...overrides,
  });

const codes = (errors: { code: string }[]) => errors.map((e) => e.code);

describe('an application', () => {
  it('parses with defaults for what was not said', () => {
    const app = Application.parse({ implementationCode: '000109015000610100' });
    expect(app).toEqual({
      implementationCode: '000109015000610100',
      situations: [],
      form: {},
      materials: [],
      commitment: false,
      tolerance: false,
    });
  });

  it('rejects fields it does not know and an implementation code of the wrong shape', () => {
    expect(
      Application.safeParse({ implementationCode: '000109015000610100', status: 'approved' }).success,
    ).toBe(false);
    expect(Application.safeParse({ implementationCode: '0001' }).success).toBe(false);
  });

  it('checks the ID number by GB 11643, uppercase X only, with a bilingual ID_NUMBER_INVALID', () => {
    expect(checkApplicant({ kind: 'person', name: '张三', idNumber: VALID_ID }, TODAY)).toEqual([]);
    for (const idNumber of [VALID_ID.toLowerCase(), '110105194912310021', '11010519490231002X']) {
      const [error] = checkApplicant({ kind: 'person', name: '张三', idNumber }, TODAY);
      expect(error).toMatchObject({ code: 'ID_NUMBER_INVALID', field: 'onBehalfOf.idNumber' });
      expect(error?.zh).toContain('居民身份证');
      expect(error?.en).toContain('ID number');
    }
  });

  it('checks the 统一社会信用代码 by GB 32100, with a bilingual USCC_INVALID', () => {
    expect(checkApplicant({ kind: 'enterprise', name: '某公司', uscc: VALID_USCC }, TODAY)).toEqual([]);
    const [error] = checkApplicant({ kind: 'enterprise', name: '某公司', uscc: '91350100M000100Y44' }, TODAY);
    expect(error).toMatchObject({ code: 'USCC_INVALID', field: 'onBehalfOf.uscc' });
    expect(error?.zh).toContain('统一社会信用代码');
  });

  it('given window staff, then the applicant must be named and valid', () => {
    const matter = foodBusinessLicence();
    expect(codes(checkApplication(application(), { actor: WINDOW, matter, today: TODAY }))).toEqual([
      'ON_BEHALF_REQUIRED',
    ]);
    const forSomeone = application({
      onBehalfOf: { kind: 'person', name: '张三', idNumber: '110105194912310021' },
    });
    expect(codes(checkApplication(forSomeone, { actor: WINDOW, matter, today: TODAY }))).toEqual([
      'ID_NUMBER_INVALID',
    ]);
  });

  it('given a citizen, then they apply for themselves only; reviewers do not apply at all', () => {
    const matter = foodBusinessLicence();
    expect(checkApplication(application(), { actor: APPLICANT, matter, today: TODAY })).toEqual([]);
    const forSomeone = application({ onBehalfOf: { kind: 'person', name: '张三', idNumber: VALID_ID } });
    expect(codes(checkApplication(forSomeone, { actor: APPLICANT, matter, today: TODAY }))).toEqual([
      'ON_BEHALF_NOT_ALLOWED',
    ]);
    expect(codes(checkApplication(application(), { actor: REVIEWER, matter, today: TODAY }))).toEqual([
      'NOT_AN_APPLICANT',
    ]);
  });

  it('reports every problem against the matter at once', () => {
    const app = application({
      situations: ['agent', 'moon-base'],
      commitment: false,
      materials: [
        { materialId: 'safety-rules', by: 'commitment' },
        { materialId: 'horoscope', by: 'upload', fileKey: 'k' },
      ],
    });
    const matter = foodBusinessLicence({ serviceTargets: ['enterprise'] });
    expect(
      checkApplication(app, { actor: APPLICANT, matter, today: TODAY }).map((e) => `${e.code}@${e.field}`),
    ).toEqual([
      'SERVICE_TARGET@onBehalfOf',
      'SITUATION_UNKNOWN@situations.1',
      'COMMITMENT_NOT_SIGNED@materials.0',
      'MATERIAL_UNKNOWN@materials.1',
    ]);
  });
});
