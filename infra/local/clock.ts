import { chinaDate } from '../../shared/domain/catalog/dates.ts';
import { ClockInputError, parseInstant } from './clock-input.ts';
import { type LongTimer, scheduleAt } from './stepfunctions/long-timer.ts';
import { warn } from './warn.ts';

export interface PlatformClockOptions {
  /** Where the clock starts: see parseInstant (ISO 8601 with offset, or a date read as 10:00 China time). */
  now?: string;
  /** Or how far ahead of (negative: behind) the system clock it runs. */
  offsetMs?: number;
}

interface PlatformTimer {
  dueAt: number;
  callback: () => void;
  wall?: LongTimer;
}

/**
 * "Now" for the local platform: the system clock plus an offset, so a scenario can run on the day it needs.
 * The offset lives in shared memory that every Lambda worker reads through shared/adapters/clock.ts, so a move
 * reaches warm functions at once. Engines that wait for an instant (Scheduler's at(), schedule rules, a Wait
 * state's Timestamp) arm their timers here, so moving the clock past them fires them, and moving it back
 * postpones them. Durations (timeouts, retries, back-off) stay on the system clock.
 */
export class PlatformClock {
  /** Element 0, as a Float64Array, is the offset in milliseconds; hand it to every worker. */
  readonly buffer = new SharedArrayBuffer(8);
  readonly #offset = new Float64Array(this.buffer);
  readonly #timers = new Set<PlatformTimer>();
  readonly #listeners = new Set<(clock: PlatformClock) => void>();

  constructor(options: PlatformClockOptions = {}) {
    if (options.now !== undefined && options.offsetMs !== undefined) {
      throw new ClockInputError(
        'Give the clock a start time or an offset, not both',
        '平台时钟只能指定起始时间或偏移量之一',
      );
    }
    if (options.now !== undefined) this.#offset[0] = parseInstant(options.now).getTime() - Date.now();
    else if (options.offsetMs !== undefined) this.#offset[0] = validOffset(options.offsetMs);
  }

  get offsetMs(): number {
    return this.#offset[0] as number;
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Today in China (UTC+8), the day the legal clock is read on. */
  today(): string {
    return chinaDate(this.now());
  }

  /** Moves the clock to `instant`, from where it keeps running. */
  set(instant: Date | string): void {
    const target = typeof instant === 'string' ? parseInstant(instant).getTime() : instant.getTime();
    this.#move(validOffset(target - Date.now()));
  }

  /** Moves the clock forward by `ms` (back, when negative). */
  advance(ms: number): void {
    this.#move(validOffset(this.offsetMs + ms));
  }

  /** Calls `listener` after every move, once the timers the move made due have fired; returns the unsubscribe. */
  onChange(listener: (clock: PlatformClock) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Calls `callback` once, when the platform time reaches `dueAt` (epoch ms): by the system clock as time
   * passes, or synchronously within set() or advance() when a move reaches it. Already due, it fires on the
   * next turn of the event loop, never inside this call.
   */
  at(dueAt: number, callback: () => void): LongTimer {
    const timer: PlatformTimer = { dueAt, callback };
    this.#timers.add(timer);
    this.#arm(timer);
    return {
      cancel: () => {
        this.#timers.delete(timer);
        timer.wall?.cancel();
      },
    };
  }

  #arm(timer: PlatformTimer): void {
    timer.wall?.cancel();
    timer.wall = scheduleAt(timer.dueAt - this.offsetMs, () => this.#fire(timer));
  }

  #fire(timer: PlatformTimer): void {
    if (!this.#timers.delete(timer)) return;
    timer.wall?.cancel();
    try {
      timer.callback();
    } catch (error) {
      warn('clock', `a timer failed: ${error instanceof Error ? error.stack : error}`);
    }
  }

  // The timers a move makes due fire in the order they were due, before the move returns: a caller that
  // moved the clock can then wait for what they set off.
  #move(offsetMs: number): void {
    this.#offset[0] = offsetMs;
    const now = this.nowMs();
    const due: PlatformTimer[] = [];
    for (const timer of this.#timers) {
      if (timer.dueAt <= now) due.push(timer);
      else this.#arm(timer);
    }
    for (const timer of due.sort((a, b) => a.dueAt - b.dueAt)) this.#fire(timer);
    for (const listener of [...this.#listeners]) listener(this);
  }
}

// Date covers ±8.64e15 ms around 1970; an offset that leaves that range would make every now() Invalid Date.
function validOffset(offsetMs: number): number {
  if (Number.isFinite(offsetMs) && Math.abs(Date.now() + offsetMs) <= 8.64e15) return Math.round(offsetMs);
  throw new ClockInputError(
    `The platform clock cannot be moved by ${offsetMs} ms: that is not a time a Date can hold`,
    `平台时钟无法偏移 ${offsetMs} 毫秒：超出可表示的时间范围`,
  );
}
