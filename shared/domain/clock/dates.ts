import { chinaDate } from '../catalog/dates.ts';

/**
 * The legal clock counts calendar days in China, written `YYYY-MM-DD`. Arithmetic is done in UTC on purpose:
 * a date string then means the same day on every machine, whatever its time zone (the day a local-time
 * library reads from '2025-10-01' depends on where it runs). String order is date order.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toTime(date: string): number | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const time = new Date(0).setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(time).toISOString().slice(0, 10) === date ? time : undefined;
}

function timeOf(date: string): number {
  const time = toTime(date);
  if (time === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return time;
}

/** A real calendar day as YYYY-MM-DD: '2025-02-29' has the shape but is no day. */
export function isIsoDate(value: string): boolean {
  return toTime(value) !== undefined;
}

export function addDays(date: string, days: number): string {
  return new Date(timeOf(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(timeOf(date)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function yearOf(date: string): number {
  timeOf(date);
  return Number(date.slice(0, 4));
}

/** Today in China (UTC+8) at the instant `now` (the caller's clock): the day the clock is read on, whatever the server's zone. */
export function chinaToday(now: Date): string {
  return chinaDate(now);
}
