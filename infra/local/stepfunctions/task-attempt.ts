import { ROLLOVER_AFTER_MS, ROLLOVER_ERROR } from './definition.ts';
import { StateFailure } from './errors.ts';
import { type LongTimer, scheduleAt } from './long-timer.ts';
import { timeoutFailure } from './timeout-errors.ts';

/**
 * One attempt at one Task (or Wait) state: its outcome, the deadlines it must meet and, for a callback task,
 * the token that completes it. A retry is a new attempt; a rollover (see definition.ts) is not.
 */
export class TaskAttempt {
  readonly outcome: Promise<unknown>;
  readonly token: string | undefined;
  readonly #resolve: (result: unknown) => void;
  readonly #reject: (error: Error) => void;
  readonly #onSettled: () => void;
  #settled = false;
  #limited = false;
  #deadline: LongTimer | undefined;
  #heartbeatSeconds: number | undefined;
  #heartbeat: LongTimer | undefined;
  #segment: NodeJS.Timeout | undefined;

  constructor(token: string | undefined, onSettled: () => void) {
    const { promise, resolve, reject } = Promise.withResolvers<unknown>();
    this.outcome = promise;
    this.token = token;
    this.#resolve = resolve;
    this.#reject = reject;
    this.#onSettled = onSettled;
  }

  /** Fails the attempt with States.Timeout unless it settles within `seconds` (TimeoutSeconds). */
  limitTo(seconds: number): void {
    this.#limited = true;
    this.#deadline = scheduleAt(Date.now() + seconds * 1000, () => this.timeOut());
  }

  /** Whether the attempt has a TimeoutSeconds still to run out. */
  get timed(): boolean {
    return this.#limited && !this.#settled;
  }

  /** The attempt's TimeoutSeconds runs out: now, or when its timer fires. */
  timeOut(): void {
    this.fail(timeoutFailure('States.Timeout'));
  }

  /** Ends the attempt with `result` when the timer `arm` sets goes off: a Wait state. */
  succeedWhen(arm: (fire: () => void) => LongTimer, result: unknown): void {
    this.#deadline = arm(() => this.succeed(result));
  }

  /** Fails the attempt with States.HeartbeatTimeout whenever `seconds` pass without a heartbeat. */
  expectHeartbeats(seconds: number): void {
    this.#heartbeatSeconds = seconds;
    this.heartbeat();
  }

  heartbeat(): void {
    if (this.#heartbeatSeconds === undefined) return;
    this.#heartbeat?.cancel();
    this.#heartbeat = scheduleAt(Date.now() + this.#heartbeatSeconds * 1000, () =>
      this.fail(timeoutFailure('States.HeartbeatTimeout')),
    );
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
