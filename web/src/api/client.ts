import { currentSession, expireSession } from '../auth/session.ts';

/** A failed call, with what the API said: a stable code and, for errors users can cause, words in both languages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text?: { 'zh-CN': string; en: string },
    readonly details?: unknown,
  ) {
    super(`${status} ${code}`);
    this.name = 'ApiError';
  }
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Calls from public pages send no token, so a stale one never turns a public read into a 401. */
  anonymous?: boolean;
}

/** Calls the platform's API on the same origin (CloudFront, or the local front server, forwards `/api`). */
export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const session = options.anonymous ? undefined : currentSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK');
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (res.ok) return body as T;
  if (res.status === 401 && session) expireSession();
  const error = (
    body as { error?: { code?: string; message?: { 'zh-CN': string; en: string }; details?: unknown } }
  )?.error;
  throw new ApiError(res.status, error?.code ?? `HTTP_${res.status}`, error?.message, error?.details);
}

/** A key that makes a retried submission return the case the first attempt created (Idempotency-Key). */
export const idempotencyKey = (): string => crypto.randomUUID();
