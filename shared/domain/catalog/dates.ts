/**
 * The date in China (UTC+8) at the instant `now`, as the catalog's effective dates are read: YYYY-MM-DD. The
 * instant comes from the caller (shared/adapters/clock.ts for "today"): a rule reads no clock.
 */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
