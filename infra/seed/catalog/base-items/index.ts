import { CIVIL_AFFAIRS_ITEMS } from './civil-affairs.ts';
import { DISABLED_PERSONS_ITEMS } from './disabled-persons.ts';
import { ECOLOGY_ITEMS } from './ecology.ts';
import { EDUCATION_ITEMS } from './education.ts';
import { EMPLOYMENT_ITEMS } from './employment.ts';
import { HEALTH_ITEMS } from './health.ts';
import type { BaseItemInput } from './helpers.ts';
import { HOUSING_ITEMS } from './housing.ts';
import { HOUSING_FUND_ITEMS } from './housing-fund.ts';
import { MARKET_REGULATION_ITEMS } from './market-regulation.ts';
import { MEDICAL_SECURITY_ITEMS } from './medical-security.ts';
import { NATURAL_RESOURCES_ITEMS } from './natural-resources.ts';
import { PUBLIC_SECURITY_ITEMS } from './public-security.ts';
import { REAL_ESTATE_ITEMS } from './real-estate.ts';
import { SOCIAL_INSURANCE_ITEMS } from './social-insurance.ts';
import { TAXATION_ITEMS } from './taxation.ts';
import { TRANSPORT_ITEMS } from './transport.ts';
import { UTILITIES_ITEMS } from './utilities.ts';
import { VETERANS_ITEMS } from './veterans.ts';

export type { BaseItemInput } from './helpers.ts';

/**
 * Every base item of the seed, one file per department (人社 in two), as written (unparsed: ../index.ts
 * applies defaults).
 */
export const SEED_BASE_ITEMS: BaseItemInput[] = [
  ...MARKET_REGULATION_ITEMS,
  ...PUBLIC_SECURITY_ITEMS,
  ...SOCIAL_INSURANCE_ITEMS,
  ...EMPLOYMENT_ITEMS,
  ...MEDICAL_SECURITY_ITEMS,
  ...CIVIL_AFFAIRS_ITEMS,
  ...HEALTH_ITEMS,
  ...HOUSING_ITEMS,
  ...NATURAL_RESOURCES_ITEMS,
  ...REAL_ESTATE_ITEMS,
  ...TAXATION_ITEMS,
  ...DISABLED_PERSONS_ITEMS,
  ...VETERANS_ITEMS,
  ...EDUCATION_ITEMS,
  ...TRANSPORT_ITEMS,
  ...ECOLOGY_ITEMS,
  ...HOUSING_FUND_ITEMS,
  ...UTILITIES_ITEMS,
];
