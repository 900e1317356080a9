/** Today's date in China (UTC+8), as the catalog's effective dates are read: YYYY-MM-DD. */
export function chinaDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
