import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformClock } from '../../../infra/local/clock.ts';
import { handleClock } from '../../../infra/local/clock-route.ts';
import { LocalScheduler } from '../../../infra/local/scheduler/scheduler.ts';
import { chinaDate } from '../../../shared/domain/catalog/dates.ts';
import { call, platformNow, platformToday } from '../../support/local.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const FUNCTION_ARN = 'arn:aws-cn:lambda:cn-northwest-1:000000000000:function:remind';

// A clock and a scheduler of its own behind /local/clock: moving the shared platform's clock would move it
// under every other test file of the run.
let server: Server;
let url: string;
let scratch: string;
let scheduler: LocalScheduler;
const clock = new PlatformClock({ now: '2026-12-20T10:00+08:00' });
const invoked: { payload: unknown; at: number }[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'tongban-clock-test-'));
  scheduler = new LocalScheduler({
    dataDir: scratch,
    region: 'cn-northwest-1',
    account: '000000000000',
    partition: 'aws-cn',
    clock,
    host: {
      // The function takes a moment, as a real one does: the clock's answer must wait for it.
      invokeFunction: async (_arn, payload) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        invoked.push({ payload, at: Date.now() });
      },
      putEvents: async () => ({ FailedEntryCount: 0 }),
    },
  });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const engines = { clock, handedOver: () => scheduler.whenDelivered() };
      void handleClock(engines, req, res, Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/local/clock`;
});

afterAll(async () => {
  server?.close();
  await scheduler?.close();
  await rm(scratch, { recursive: true, force: true });
});

async function post(body: unknown) {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  const answer = (await res.json()) as { now: string; offsetMs: number; today: string };
  return { status: res.status, body: answer, answeredAt: Date.now() };
}

describe('the platform clock over HTTP', () => {
  it('tells the running platform’s time, its offset and the date in China', async () => {
    // Given the platform the run started (at TONGBAN_NOW, when set), when its clock is read
    const { status, body } = await call('/local/clock');

    // Then it is consistent, and the helpers of test/support read the same
    expect(status).toBe(200);
    expect(body).toEqual({
      now: expect.any(String),
      offsetMs: expect.any(Number),
      today: chinaDate(new Date(body.now)),
    });
    expect(Math.abs(Date.now() + body.offsetMs - Date.parse(body.now))).toBeLessThan(5_000);
    expect(Math.abs((await platformNow()).getTime() - Date.parse(body.now))).toBeLessThan(5_000);
    expect(await platformToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a clock it cannot read with 400 and the reason in Chinese and English', async () => {
    // Given requests a hurried developer might send to the running platform
    for (const body of [{ now: 'next tuesday' }, { advance: 'P1M' }, { now: '2026-12-20', advance: 'P1D' }]) {
      // When each is sent, then it is refused, and the platform's clock did not move
      const { status, body: answer } = await call('/local/clock', {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(status).toBe(400);
      expect(answer).toEqual({
        error: {
          code: expect.stringMatching(/^(INVALID_CLOCK|VALIDATION_FAILED)$/),
          message: { 'zh-CN': expect.any(String), en: expect.any(String) },
        },
      });
    }
    expect((await call('/local/clock', { method: 'POST', body: '{' })).body.error.code).toBe('INVALID_JSON');
  });

  it('moves by a duration and answers once the schedules the move made due reached their targets', async () => {
    // Given a schedule due in three days of platform time
    scheduler.createSchedule({
      Name: 'remind-in-three-days',
      ScheduleExpression: `at(${new Date(clock.nowMs() + 3 * DAY_MS).toISOString().slice(0, 19)})`,
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: FUNCTION_ARN, RoleArn: 'arn:aws-cn:iam::000000000000:role/scheduler', Input: '{"n":1}' },
    });

    // When the clock is advanced two days, then nothing was due
    const twoDays = await post({ advance: 'P2D' });
    expect(twoDays.body.today).toBe('2026-12-22');
    expect(invoked).toHaveLength(0);

    // When it is advanced a day and an hour more, the answer comes after the function had the reminder
    const past = await post({ advance: 'P1DT1H' });
    expect(past).toMatchObject({ status: 200, body: { today: '2026-12-23' } });
    expect(invoked).toEqual([{ payload: { n: 1 }, at: expect.any(Number) }]);
    expect(invoked[0]!.at).toBeLessThanOrEqual(past.answeredAt);
  });

  it('is set to an instant or a date, from where it runs on', async () => {
    // Given the local clock, when it is set to a date, then it reads 10:00 China time that day
    const set = await post({ now: '2027-01-04' });
    expect(set.status).toBe(200);
    expect(Date.parse(set.body.now) - Date.parse('2027-01-04T02:00:00Z')).toBeLessThan(5_000);
    expect(set.body).toMatchObject({ today: '2027-01-04', offsetMs: clock.offsetMs });

    // And going back by milliseconds works the same way as forward
    const back = await post({ advance: -DAY_MS });
    expect(back.body.today).toBe('2027-01-03');
  });
});
