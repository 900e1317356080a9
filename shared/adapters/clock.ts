import { chinaDate } from '../domain/catalog/dates.ts';

/**
 * "Now", for every handler and workflow step: the one place the platform reads the time. Deployed, it is the
 * system clock. Local mode can move it (`npm start -- --now …`, `POST /local/clock`) so that a scenario runs on
 * the day it needs: its Lambda runtime hands each function a shared offset in milliseconds under this symbol,
 * read on every call, so moving the clock reaches functions that are already warm.
 */
export const CLOCK_OFFSET = Symbol.for('tongban.clock.offset');

const offset = (): number => {
  const shared = (globalThis as { [CLOCK_OFFSET]?: Float64Array })[CLOCK_OFFSET];
  return shared?.[0] ?? 0;
};

export const now = (): Date => new Date(Date.now() + offset());

/** Now as an ISO timestamp, the form every record on a case is stamped with. */
export const nowIso = (): string => now().toISOString();

/** Epoch milliseconds, for durations and expiry times. */
export const nowMs = (): number => Date.now() + offset();

/** Today in China (UTC+8), the day the legal clock is read on. */
export const today = (): string => chinaDate(now());
