import { demoLicences } from '../../infra/local/demo-licences.ts';

/**
 * Matters of the seed catalog the tests and benchmarks apply for, and what makes an application complete.
 * 出生登记 in Xi'an (全省通办), decided by public security in three review steps: every required material is a
 * government certificate, so an application that offers their e-licences (免证办) is complete.
 */
export const BIRTH_REGISTRATION = '000707001000610100';

/** The e-licence of a type that the demo library (infra/local/demo-licences.ts) gives 张伟, or another holder. */
export function licenceOf(type: string, holder = '610104199003071230'): string {
  const found = demoLicences().find((l) => l.holder === holder && l.licence.type === type);
  if (!found) throw new Error(`no demo e-licence ${type} for ${holder}`);
  return found.licence.id;
}

/** 张伟's own e-licences for 出生登记: the birth certificate, the household register, his ID card. */
export const E_LICENCES = [
  { materialId: 'birth-certificate', by: 'e-licence', licenceId: licenceOf('出生医学证明') },
  { materialId: 'household-book', by: 'e-licence', licenceId: licenceOf('居民户口簿') },
  { materialId: 'parents-id-cards', by: 'e-licence', licenceId: licenceOf('居民身份证') },
];
