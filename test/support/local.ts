import { inject } from 'vitest';

let own: { url: string; endpoints: Record<string, string> } | undefined;

/**
 * Points this test file at a platform of its own (one whose clock it moves, or that it restarts), or back at
 * the shared one. Each test file runs in its own process, so no other file is affected.
 */
export function usePlatform(platform: { url: string; endpoints: Record<string, string> } | undefined) {
  own = platform;
}

/** Talks to the local platform the global setup started (or this file's own), as a browser would. */
export const baseUrl = () => own?.url ?? inject('baseUrl');

/** The engines' endpoints (DynamoDB Local, S3, the AWS control plane) of that platform. */
export const endpoints = () => own?.endpoints ?? inject('endpoints');

export async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (typeof init.body === 'string' && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  const res = await fetch(`${baseUrl()}${path}`, { ...init, headers });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on whatever the API answered
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

export async function tokenFor(
  role: string,
  options: { user?: string; region?: string; department?: string; expiresInSeconds?: number } = {},
): Promise<string> {
  const { status, body } = await call('/local/token', {
    method: 'POST',
    body: JSON.stringify({ role, ...options }),
  });
  if (status !== 200) throw new Error(`no token for ${role}: ${JSON.stringify(body)}`);
  return body.token;
}

/**
 * Polls until `probe` returns a value, for effects that travel through streams, buses and workflows. The ceiling
 * is generous on purpose: it only matters when something is wrong, and a loaded two-core machine is slow.
 */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What `GET /local/clock` answers: the platform's now, its offset from the system clock, today in China. */
export interface PlatformClockReading {
  now: string;
  offsetMs: number;
  today: string;
}

async function clockCall(init?: RequestInit): Promise<PlatformClockReading> {
  const { status, body } = await call('/local/clock', init);
  if (status !== 200) throw new Error(`/local/clock answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** The platform's "now", which differs from the system's when the run started with TONGBAN_NOW or was moved. */
export async function platformNow(): Promise<Date> {
  return new Date((await clockCall()).now);
}

/** Today in China by the platform clock: the day the legal clock reads. */
export async function platformToday(): Promise<string> {
  return (await clockCall()).today;
}

/**
 * Moves the platform clock to an instant (`{now: "2026-12-20T10:00+08:00"}`, or a date) or by a duration
 * (`{advance: "P3D"}`, or milliseconds); resolves once the schedules the move made due reached their targets
 * (wait at `/local/idle` for what they set off). The platform is shared by every test file of the run, and
 * files run in parallel: move it only in a file that runs alone, or where other files cannot notice.
 */
export async function setPlatformClock(
  change: { now: string } | { advance: string | number },
): Promise<PlatformClockReading> {
  return clockCall({ method: 'POST', body: JSON.stringify(change) });
}
