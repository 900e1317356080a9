import type { IncomingMessage, ServerResponse } from 'node:http';
import { chinaDate } from '../../shared/domain/catalog/dates.ts';
import type { PlatformClock } from './clock.ts';
import { ClockInputError, parseAdvance } from './clock-input.ts';

export interface ClockEngines {
  clock: PlatformClock;
  /** Resolves once what the last move set off (schedules come due) has been handed to its targets. */
  handedOver: () => Promise<void>;
}

/**
 * `/local/clock`, never deployed. GET answers `{now, offsetMs, today}`; POST `{"now": "2026-12-20T10:00+08:00"}`
 * or `{"advance": "P3D" | "PT2H" | <ms>}` moves the platform clock and answers the same once the schedules the
 * move made due were handed to their targets, so the caller can go on to wait at `/local/idle`.
 */
export async function handleClock(
  engines: ClockEngines,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): Promise<void> {
  const { clock } = engines;
  if (req.method === 'GET') return reply(res, 200, reading(clock));
  if (req.method !== 'POST')
    return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET or POST', '请使用 GET 或 POST');
  let change: unknown;
  try {
    change = JSON.parse(body.toString('utf8'));
  } catch {
    return refuse(res, 400, 'INVALID_JSON', 'The request body is not valid JSON', '请求体不是合法的 JSON');
  }
  const keys = typeof change === 'object' && change !== null ? Object.keys(change) : [];
  if (keys.length !== 1 || !['now', 'advance'].includes(keys[0] as string)) {
    return refuse(
      res,
      400,
      'VALIDATION_FAILED',
      'Send {"now": "<ISO 8601 instant with offset, or a date>"} or {"advance": "<ISO 8601 duration>" | <ms>}',
      '请发送 {"now": "<带时区偏移的 ISO 8601 时间或日期>"} 或 {"advance": "<ISO 8601 时长>" | <毫秒数>}',
    );
  }
  const { now, advance } = change as { now?: unknown; advance?: unknown };
  try {
    if (advance !== undefined) clock.advance(parseAdvance(advance));
    else if (typeof now === 'string') clock.set(now);
    else throw new ClockInputError('"now" must be a string', '"now" 必须是字符串');
  } catch (error) {
    if (!(error instanceof ClockInputError)) throw error;
    return refuse(res, 400, 'INVALID_CLOCK', error.en, error.zh);
  }
  await engines.handedOver();
  return reply(res, 200, reading(clock));
}

function reading(clock: PlatformClock) {
  const now = clock.now();
  return { now: now.toISOString(), offsetMs: clock.offsetMs, today: chinaDate(now) };
}

function reply(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(payload));
}

function refuse(res: ServerResponse, status: number, code: string, en: string, zh: string): void {
  reply(res, status, { error: { code, message: { 'zh-CN': zh, en } } });
}
