import type { PlatformClock } from '../clock.ts';
import type { LongTimer } from '../stepfunctions/long-timer.ts';
import type { LocalRule } from './buses.ts';

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/**
 * The period of a schedule rule's `rate(N unit)` in milliseconds. Anything else is refused with the reason:
 * `cron()` is not emulated (parsing AWS's six-field dialect is not worth hand-writing for local mode), and a
 * rate AWS itself would reject (zero, or "1 minutes" / "5 minute") is refused as AWS refuses it.
 */
export function ratePeriodMs(expression: string): number {
  if (expression.startsWith('cron(')) {
    throw new Error(
      `local mode runs rate() schedules only, not ${expression}; use rate(N minutes|hours|days), or an ` +
        'EventBridge Scheduler schedule',
    );
  }
  const [, value, unit = ''] = RATE.exec(expression) ?? [];
  const count = Number(value);
  if (!value || count < 1 || (count === 1) !== !unit.endsWith('s')) {
    throw new Error(
      `${expression} is not a valid rate expression: rate(N unit) with N a positive whole number and the unit ` +
        'minute, hour or day (singular for 1, plural otherwise)',
    );
  }
  return count * (UNIT_MS[unit.replace(/s$/, '')] as number);
}

export interface ScheduleRulesOptions {
  /** Every rule; only enabled ones with a schedule run. */
  rules: readonly LocalRule[];
  clock: PlatformClock;
  /** Sends the rule's Scheduled Event, stamped `time`, to its targets. */
  fire: (rule: LocalRule, time: Date) => void;
}

interface Pending {
  rule: LocalRule;
  periodMs: number;
  next: number;
  timer?: LongTimer;
}

/**
 * The schedule rules of the default bus, run on the platform clock: each fires one period after start and
 * every period after that. A clock moved forward past one or more periods fires it once, not once per period
 * missed, and it goes on at its own phase; a clock moved back brings the next firing within one period.
 */
export class ScheduleRules {
  readonly #options: ScheduleRulesOptions;
  readonly #pending: Pending[] = [];
  readonly #unsubscribe: () => void;

  constructor(options: ScheduleRulesOptions) {
    this.#options = options;
    const start = options.clock.nowMs();
    for (const rule of options.rules) {
      if (!rule.scheduleExpression || rule.state !== 'ENABLED') continue;
      const periodMs = ratePeriodMs(rule.scheduleExpression);
      const pending: Pending = { rule, periodMs, next: start + periodMs };
      this.#arm(pending);
      this.#pending.push(pending);
    }
    this.#unsubscribe = options.clock.onChange((clock) => this.#pullIn(clock.nowMs()));
  }

  close(): void {
    this.#unsubscribe();
    for (const pending of this.#pending) pending.timer?.cancel();
  }

  #arm(pending: Pending): void {
    pending.timer = this.#options.clock.at(pending.next, () => this.#tick(pending));
  }

  #tick(pending: Pending): void {
    const now = this.#options.clock.nowMs();
    const due = pending.next;
    // The first boundary of the rule's phase after now: one firing however many periods the clock jumped.
    pending.next = due + pending.periodMs * (Math.floor((now - due) / pending.periodMs) + 1);
    this.#arm(pending);
    this.#options.fire(pending.rule, new Date(now));
  }

  #pullIn(now: number): void {
    for (const pending of this.#pending) {
      if (pending.next <= now + pending.periodMs) continue;
      pending.timer?.cancel();
      pending.next = now + pending.periodMs;
      this.#arm(pending);
    }
  }
}
