/**
 * Matters of the seed catalog the tests and benchmarks apply for, and what makes an application complete.
 * 出生登记 in Xi'an (全省通办), decided by public security in three review steps: every required material is a
 * government certificate, so an application that offers their e-licences (免证办) is complete.
 */
export const BIRTH_REGISTRATION = '000707001000610100';

export const E_LICENCES = ['birth-certificate', 'household-book', 'parents-id-cards'].map((materialId) => ({
  materialId,
  by: 'e-licence',
  licenceId: `1.2.156.3005.2.${materialId}`,
}));
