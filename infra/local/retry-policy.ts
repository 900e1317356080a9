// How local mode retries what AWS retries for an asynchronous caller, stated once per service: how many
// attempts, how long between them, how old an event may grow, and where a failure goes in the end. Each engine
// (eventbridge/buses.ts, scheduler/scheduler.ts, dynamodb/streams.ts, lambda/async-invocations.ts) keeps its
// own loop, since what an attempt is differs, and asks `afterFailure` what to do after each failed one.
//
// The numbers of attempts and event ages are AWS's; the waits are not. AWS backs off over minutes and hours,
// with jitter; local mode waits milliseconds to seconds, without jitter, so that a failing handler surfaces in
// seconds and a local run is reproducible.

export interface RetryPolicy {
  /** The service whose semantics these are, for messages. */
  readonly service: string;
  /** Retries after the first attempt when the resource sets none; -1 for "until the event expires". */
  readonly defaultMaximumRetryAttempts: number;
  /** The age (from acceptance) past which an event is given up, when the resource sets none; undefined: none. */
  readonly defaultMaximumEventAgeSeconds?: number;
  /** The values a resource may set, as AWS validates them: [min, max]. */
  readonly maximumRetryAttemptsRange: readonly [number, number];
  readonly maximumEventAgeSecondsRange?: readonly [number, number];
  /** The wait before the attempt after failed attempt `attempt` (from 1). */
  delayMs(attempt: number): number;
  /** Where an event goes once given up (documentation; each engine does the sending). */
  readonly failureGoesTo: string;
}

/** What a resource sets, each falling back to the policy's default. */
export interface RetryLimits {
  maximumRetryAttempts?: number;
  maximumEventAgeSeconds?: number;
}

export type RetryDecision = { retryInMs: number } | { exhausted: 'retries' | 'age' };

/** Exponential back-off from `baseMs`, doubling on each failed attempt, capped at `maxMs`. */
export const exponential =
  (baseMs: number, maxMs: number) =>
  (attempt: number): number =>
    Math.min(baseMs * 2 ** (attempt - 1), maxMs);

/**
 * After failed attempt `attempt` (from 1) of an event accepted `ageMs` ago: retry after a wait, or give up —
 * on the retries once `attempt` exceeds the maximum retry attempts, on the age once the event would be older
 * than its maximum age at the next attempt.
 */
export function afterFailure(
  policy: RetryPolicy,
  attempt: number,
  limits: RetryLimits = {},
  ageMs = 0,
): RetryDecision {
  const retries = limits.maximumRetryAttempts ?? policy.defaultMaximumRetryAttempts;
  if (retries >= 0 && attempt > retries) return { exhausted: 'retries' };
  const delay = policy.delayMs(attempt);
  const maximumAge = limits.maximumEventAgeSeconds ?? policy.defaultMaximumEventAgeSeconds;
  if (maximumAge !== undefined && ageMs + delay > maximumAge * 1000) return { exhausted: 'age' };
  return { retryInMs: delay };
}

/** Whether `value` is an integer a resource may set, by the policy's range. */
export const withinRange = (value: number, [min, max]: readonly [number, number]): boolean =>
  Number.isInteger(value) && value >= min && value <= max;

/**
 * EventBridge rule targets (RetryPolicy, DeadLetterConfig): AWS retries 185 times over 24 hours; local mode,
 * when the target sets no MaximumRetryAttempts, gives up after 8 attempts. A failure, or an error retrying
 * cannot fix, goes to the target's dead-letter queue with EventBridge's error attributes.
 */
export function eventBridgeTargetPolicy(
  overrides: { baseDelayMs?: number; maxDelayMs?: number; defaultMaximumRetryAttempts?: number } = {},
): RetryPolicy {
  return {
    service: 'EventBridge',
    defaultMaximumRetryAttempts: overrides.defaultMaximumRetryAttempts ?? 7,
    defaultMaximumEventAgeSeconds: 86_400,
    maximumRetryAttemptsRange: [0, 185],
    maximumEventAgeSecondsRange: [60, 86_400],
    delayMs: exponential(overrides.baseDelayMs ?? 50, overrides.maxDelayMs ?? 10_000),
    failureGoesTo: "the target's dead-letter queue (SQS), with ERROR_CODE, ERROR_MESSAGE, RETRY_ATTEMPTS",
  };
}

/**
 * EventBridge Scheduler targets (RetryPolicy, DeadLetterConfig): AWS's defaults, 185 retries within 24 hours;
 * waits from a second, doubling to a minute. A failure goes to the dead-letter queue as the target's input,
 * or is dropped without one.
 */
export const SCHEDULER_TARGET_POLICY: RetryPolicy = {
  service: 'EventBridge Scheduler',
  defaultMaximumRetryAttempts: 185,
  defaultMaximumEventAgeSeconds: 86_400,
  maximumRetryAttemptsRange: [0, 185],
  maximumEventAgeSecondsRange: [60, 86_400],
  delayMs: exponential(1_000, 60_000),
  failureGoesTo: "the schedule's dead-letter queue (SQS), or nowhere",
};

/**
 * DynamoDB stream event source mappings: AWS retries a failing batch until it succeeds or its records expire
 * (MaximumRetryAttempts -1, 0-10000 when set); waits from 100 ms, doubling to 5 s. A batch given up on goes to
 * the mapping's on-failure destination as a batch-info record, its records not.
 */
export const STREAM_MAPPING_POLICY: RetryPolicy = {
  service: 'Lambda event source mapping (DynamoDB stream)',
  defaultMaximumRetryAttempts: -1,
  maximumRetryAttemptsRange: [-1, 10_000],
  delayMs: exponential(100, 5_000),
  failureGoesTo: "the mapping's on-failure destination, as DDBStreamBatchInfo",
};

/**
 * Lambda asynchronous invocation (EventInvokeConfig): 2 retries and 6 hours by default, as in Lambda. Lambda
 * waits about a minute before the first retry and two before the second; local mode `delaysMs` (a second and
 * two by default), the last repeated. A failure goes to the on-failure destination as the invocation record.
 */
export function lambdaAsyncPolicy(delaysMs: readonly number[] = [1_000, 2_000]): RetryPolicy {
  return {
    service: 'Lambda asynchronous invocation',
    defaultMaximumRetryAttempts: 2,
    defaultMaximumEventAgeSeconds: 21_600,
    maximumRetryAttemptsRange: [0, 2],
    maximumEventAgeSecondsRange: [60, 21_600],
    delayMs: (attempt) => delaysMs[Math.min(attempt - 1, delaysMs.length - 1)] ?? 0,
    failureGoesTo: "the function's on-failure destination, as the invocation record",
  };
}
