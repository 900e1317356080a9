import { ROLLOVER_AFTER_MS, ROLLOVER_ERROR } from './definition.ts';
import { StateFailure } from './errors.ts';
import type { OpenState } from './execution-record.ts';
import { type LongTimer, scheduleAt } from './long-timer.ts';
import { timeoutFailure } from './timeout-errors.ts';

/**
 * One attempt at one Task (or Wait) state: its outcome, the deadlines it must meet and, for a callback task,
 * the token that completes it. A retry is a new attempt; a rollover (see definition.ts) is not.
 */
export class TaskAttempt {
  readonly outcome: Promise<unknown>;
  readonly stateName: string;
  readonly token: string | undefined;
  /** A callback task's token has reached whoever will send it back (the task's integration call succeeded). */
  delivered = false;
  readonly #resolve: (result: unknown) => void;
  readonly #reject: (error: Error) => void;
  readonly #onSettled: () => void;
  #settled = false;
  #limited = false;
  #deadline: LongTimer | undefined;
  #timeoutAt: number | undefined;
  #waitUntil: number | undefined;
  #heartbeatSeconds: number | undefined;
  #heartbeatAt: number | undefined;
  #heartbeat: LongTimer | undefined;
  #segment: NodeJS.Timeout | undefined;

  constructor(stateName: string, token: string | undefined, onSettled: () => void) {
    const { promise, resolve, reject } = Promise.withResolvers<unknown>();
    this.outcome = promise;
    this.stateName = stateName;
    this.token = token;
    this.#resolve = resolve;
    this.#reject = reject;
    this.#onSettled = onSettled;
  }

  /** Fails the attempt with States.Timeout unless it settles within `seconds` (TimeoutSeconds). */
  limitTo(seconds: number): void {
    this.limitUntil(Date.now() + seconds * 1000);
  }

  /** Fails the attempt with States.Timeout unless it settles by `dueAt` (epoch ms): a deadline set before a restart. */
  limitUntil(dueAt: number): void {
    this.#limited = true;
    this.#timeoutAt = dueAt;
    this.#deadline = scheduleAt(dueAt, () => this.timeOut());
  }

  /** Whether the attempt has a TimeoutSeconds still to run out. */
  get timed(): boolean {
    return this.#limited && !this.#settled;
  }

  /** The attempt's TimeoutSeconds runs out: now, or when its timer fires. */
  timeOut(): void {
    this.fail(timeoutFailure('States.Timeout'));
  }

  /**
   * Ends the attempt with `result` when the timer `arm` sets goes off: a Wait state. `until` is the instant on
   * the system clock a wait of Seconds ends at, kept so a restart waits only for what is left of it.
   */
  succeedWhen(arm: (fire: () => void) => LongTimer, result: unknown, until?: number): void {
    this.#waitUntil = until;
    this.#deadline = arm(() => this.succeed(result));
  }

  /**
   * Fails the attempt with States.HeartbeatTimeout whenever `seconds` pass without a heartbeat; the first time by
   * `firstDueAt` when given (a heartbeat deadline set before a restart).
   */
  expectHeartbeats(seconds: number, firstDueAt?: number): void {
    this.#heartbeatSeconds = seconds;
    this.#armHeartbeat(firstDueAt ?? Date.now() + seconds * 1000);
  }

  heartbeat(): void {
    if (this.#heartbeatSeconds === undefined) return;
    this.#armHeartbeat(Date.now() + this.#heartbeatSeconds * 1000);
  }

  #armHeartbeat(dueAt: number): void {
    this.#heartbeat?.cancel();
    this.#heartbeatAt = dueAt;
    this.#heartbeat = scheduleAt(dueAt, () => this.fail(timeoutFailure('States.HeartbeatTimeout')));
  }

  /** What a restart needs to go on with this attempt rather than start its state again (undefined: not set). */
  snapshot(): OpenState {
    const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
    return {
      stateName: this.stateName,
      token: this.token,
      delivered: this.token ? this.delivered : undefined,
      timeoutAt: iso(this.#timeoutAt),
      heartbeatSeconds: this.#heartbeatSeconds,
      heartbeatAt: iso(this.#heartbeatAt),
      waitUntil: iso(this.#waitUntil),
    };
  }

  succeed(result: unknown): void {
    this.#settle(() => this.#resolve(result));
  }

  fail(error: Error): void {
    this.#settle(() => this.#reject(error));
  }

  /** Gives the attempt up without an outcome, because its execution has stopped. */
  abandon(): void {
    // Rejecting (rather than leaving the outcome pending) lets the interpreter clear the timer it keeps for
    // the state; a pending outcome would hold the process open for as long as the state's timeout.
    this.outcome.catch(() => undefined);
    this.#settle(() => this.#reject(new StateFailure('Local.ExecutionStopped')));
  }

  /**
   * What the interpreter awaits: the outcome, unless the wait outlasts ROLLOVER_AFTER_MS, in which case it
   * fails with ROLLOVER_ERROR first (after `onRollover`) so the hidden retrier asks for a fresh segment.
   */
  segment(onRollover: () => void): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const rollover = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onRollover();
        reject(new StateFailure(ROLLOVER_ERROR));
      }, ROLLOVER_AFTER_MS);
    });
    this.#segment = timer;
    return Promise.race([this.outcome, rollover]).finally(() => clearTimeout(timer));
  }

  #settle(complete: () => void): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#deadline?.cancel();
    this.#heartbeat?.cancel();
    clearTimeout(this.#segment);
    complete();
    this.#onSettled();
  }
}
