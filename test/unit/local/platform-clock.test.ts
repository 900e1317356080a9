import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlatformClock } from '../../../infra/local/clock.ts';
import { ClockInputError, parseAdvance, parseInstant } from '../../../infra/local/clock-input.ts';
import { LocalFunction } from '../../../infra/local/lambda/runtime.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

afterEach(() => {
  vi.useRealTimers();
});

describe('parseInstant', () => {
  it('reads an ISO 8601 instant with its offset, with or without seconds and milliseconds', () => {
    // Given the same instant written four ways, when each is read, then they are one instant
    for (const text of [
      '2026-12-20T10:00:00+08:00',
      '2026-12-20T10:00+08:00',
      '2026-12-20T02:00Z',
      '2026-12-19T21:00:00.000-05:00',
    ]) {
      expect(parseInstant(text).toISOString()).toBe('2026-12-20T02:00:00.000Z');
    }
  });

  it('reads a bare date as 10:00 China time', () => {
    // Given a date alone, when it is read, then it is ten in the morning in Beijing
    expect(parseInstant('2026-12-20').toISOString()).toBe('2026-12-20T02:00:00.000Z');
  });

  it('refuses garbage, a time without an offset and a day that does not exist, saying what it wants', () => {
    // Given inputs a hurried developer might type
    const cases: [string, RegExp][] = [
      ['next tuesday', /not a time.*2026-12-20T10:00\+08:00/],
      ['2026-12-20T10:00', /no UTC offset.*\+08:00/],
      ['2026-02-30', /does not exist/],
      ['2026-12-20T24:00+08:00', /does not exist/],
      ['2026-12-20T10:00+15:00', /does not exist/],
    ];

    // When each is read, then it is refused with a reason in English and in Chinese
    for (const [text, reason] of cases) {
      expect(() => parseInstant(text)).toThrow(reason);
      expect(() => parseInstant(text)).toThrow(
        expect.objectContaining({ name: 'ClockInputError', zh: expect.stringContaining(text) }),
      );
    }
  });
});

describe('parseAdvance', () => {
  it('reads milliseconds and ISO 8601 durations of weeks, days, hours, minutes and seconds', () => {
    // Given durations as a caller of POST /local/clock sends them, when read, then they are milliseconds
    expect(parseAdvance(1500)).toBe(1500);
    expect(parseAdvance('P3D')).toBe(3 * DAY_MS);
    expect(parseAdvance('PT2H')).toBe(2 * HOUR_MS);
    expect(parseAdvance('P1W1DT12H30M1.5S')).toBe(8 * DAY_MS + 12.5 * HOUR_MS + 1500);
    expect(parseAdvance('-P1D')).toBe(-DAY_MS);
  });

  it('refuses years, months, an empty duration and anything that is not a number or a string', () => {
    // Given durations without a fixed length or without any length, when read, then each is refused
    for (const value of ['P1M', 'P1Y', 'P', 'PT', '3 days', Number.NaN, null, { days: 3 }]) {
      expect(() => parseAdvance(value)).toThrow(ClockInputError);
    }
  });
});

describe('PlatformClock', () => {
  it('runs on the system clock when given nothing, and ahead of it when given an offset', () => {
    // Given a fixed system time
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T04:00:00Z'));

    // When one clock has no options and another runs three days ahead
    const system = new PlatformClock();
    const ahead = new PlatformClock({ offsetMs: 3 * DAY_MS });

    // Then the first reads the system time and the second three days on, China's date included
    expect(system.now().toISOString()).toBe('2026-11-27T04:00:00.000Z');
    expect(ahead.now().toISOString()).toBe('2026-11-30T04:00:00.000Z');
    expect(ahead.today()).toBe('2026-11-30');
  });

  it('starts at the instant it is given and keeps running from there', () => {
    // Given a clock started at 10:00 China time on 20 December
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T04:00:00Z'));
    const clock = new PlatformClock({ now: '2026-12-20T10:00+08:00' });

    // When 90 seconds of system time pass
    vi.setSystemTime(new Date('2026-11-27T04:01:30Z'));

    // Then the platform time has moved 90 seconds too
    expect(clock.now().toISOString()).toBe('2026-12-20T02:01:30.000Z');
    expect(clock.offsetMs).toBe(Date.parse('2026-12-20T02:00:00Z') - Date.parse('2026-11-27T04:00:00Z'));
  });

  it('is set to an instant or a date, advanced and moved back, telling its subscribers each time', () => {
    // Given a clock with a subscriber
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T04:00:00Z'));
    const clock = new PlatformClock();
    const seen: string[] = [];
    const unsubscribe = clock.onChange((c) => seen.push(c.now().toISOString()));

    // When it is set to a date, advanced two hours, and moved back a day
    clock.set('2026-12-20');
    clock.advance(2 * HOUR_MS);
    clock.advance(-DAY_MS);
    unsubscribe();
    clock.set(new Date('2027-01-01T00:00:00Z'));

    // Then each move landed where asked, and the subscriber heard the moves made while it listened
    expect(seen).toEqual([
      '2026-12-20T02:00:00.000Z',
      '2026-12-20T04:00:00.000Z',
      '2026-12-19T04:00:00.000Z',
    ]);
    expect(clock.today()).toBe('2027-01-01');
  });

  it('refuses a start time and an offset together, and moves no Date can hold', () => {
    // Given a clock, when it is built or moved with nonsense, then it says so and stays where it was
    expect(() => new PlatformClock({ now: '2026-12-20', offsetMs: 0 })).toThrow(/not both/);
    expect(() => new PlatformClock({ now: 'tomorrow' })).toThrow(ClockInputError);
    const clock = new PlatformClock({ offsetMs: DAY_MS });
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(/cannot be moved/);
    expect(() => clock.advance(1e16)).toThrow(/cannot be moved/);
    expect(clock.offsetMs).toBe(DAY_MS);
  });

  it('fires a timer the clock is moved past at once, in the order they were due, and only once', () => {
    // Given timers due in one, two and three days of platform time
    const clock = new PlatformClock();
    const fired: string[] = [];
    const start = clock.nowMs();
    clock.at(start + 2 * DAY_MS, () => fired.push('day 2'));
    clock.at(start + DAY_MS, () => fired.push('day 1'));
    clock.at(start + 3 * DAY_MS, () => fired.push('day 3'));

    // When the clock is advanced 2.5 days, then the first two fire within the move, earliest first
    clock.advance(2.5 * DAY_MS);
    expect(fired).toEqual(['day 1', 'day 2']);

    // And moving it back and forth again fires the third alone, once
    clock.advance(-2 * DAY_MS);
    expect(fired).toHaveLength(2);
    clock.advance(5 * DAY_MS);
    clock.advance(DAY_MS);
    expect(fired).toEqual(['day 1', 'day 2', 'day 3']);
  });

  it('re-arms a pending timer when the clock is moved back, so it fires that much later in system time', async () => {
    // Given a timer due in one hour of platform time, on a simulated system clock
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const clock = new PlatformClock();
    const fired = vi.fn();
    clock.at(clock.nowMs() + HOUR_MS, fired);

    // When the clock is moved back a day and an hour of system time passes
    clock.advance(-DAY_MS);
    await vi.advanceTimersByTimeAsync(HOUR_MS);

    // Then it has not fired; it does when the day has passed too
    expect(fired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(DAY_MS);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('does not fire a timer that was cancelled, whatever the clock does', () => {
    // Given a cancelled timer, when the clock passes its time, then nothing fires
    const clock = new PlatformClock();
    const fired = vi.fn();
    clock.at(clock.nowMs() + HOUR_MS, fired).cancel();
    clock.advance(DAY_MS);
    expect(fired).not.toHaveBeenCalled();
  });
});

describe('PlatformClock shared with Lambda workers', () => {
  let root: string | undefined;
  let fn: LocalFunction | undefined;
  afterEach(async () => {
    await fn?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('lets a warm function read the moved clock through shared/adapters/clock.ts at once, module scope included', async () => {
    // Given a function that reads "now" the way every handler does, once at import and once per call
    root = mkdtempSync(join(tmpdir(), 'tongban-clock-'));
    const adapter = pathToFileURL(join(import.meta.dirname, '../../../shared/adapters/clock.ts')).href;
    mkdirSync(join(root, 'today'));
    writeFileSync(
      join(root, 'today', 'index.mjs'),
      `import { today } from '${adapter}';
      const loadedOn = today();
      export const handler = async () => ({ loadedOn, today: today() });`,
    );
    const clock = new PlatformClock({ now: '2026-12-20T10:00+08:00' });
    fn = new LocalFunction(
      {
        name: 'tongban-today',
        arn: 'arn:aws-cn:lambda:cn-northwest-1:123456789012:function:tongban-today',
        assetDir: join(root, 'today'),
        handler: 'index.handler',
        runtime: 'nodejs24.x',
        environment: {},
      },
      { baseEnvironment: {}, logSink: () => {}, clock: clock.buffer },
    );

    // When it runs, the clock is advanced three days, and it runs again in the same worker
    const before = await fn.invoke({});
    clock.advance(3 * DAY_MS);
    const after = await fn.invoke({});

    // Then it read the platform's date from the start, and the new one without a cold start
    expect(before).toMatchObject({ ok: true, payload: { loadedOn: '2026-12-20', today: '2026-12-20' } });
    expect(after).toMatchObject({ ok: true, payload: { loadedOn: '2026-12-20', today: '2026-12-23' } });
    expect(fn.stats()).toMatchObject({ coldStarts: 1, invocations: 2 });
  });
});
