import type { ImplementationItem } from '../catalog/model.ts';
import { type CaseConfig, DEFAULT_CASE_CONFIG } from './model.ts';

/**
 * The working days after acceptance a deferred material may follow in: N (configurable), but never beyond the
 * promised time limit — the applicant cannot use tolerance to outlast the time the department promised. The
 * guide shows this number, so what it says is what a case gets.
 */
export function toleranceDays(
  matter: Pick<ImplementationItem, 'promisedLimitDays'>,
  config: Partial<CaseConfig> = {},
): number {
  return Math.min(config.toleranceDays ?? DEFAULT_CASE_CONFIG.toleranceDays, matter.promisedLimitDays);
}
