import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  eventBridgeTargetPolicy,
  lambdaAsyncPolicy,
  SCHEDULER_TARGET_POLICY,
  STREAM_MAPPING_POLICY,
} from '../../../infra/local/retry-policy.ts';

describe('the local retry policies', () => {
  it('retry EventBridge targets 7 times by default, from 50 ms doubling to 10 s', () => {
    const policy = eventBridgeTargetPolicy();
    expect(afterFailure(policy, 1)).toEqual({ retryInMs: 50 });
    expect(afterFailure(policy, 7)).toEqual({ retryInMs: 3_200 });
    expect(afterFailure(policy, 8)).toEqual({ exhausted: 'retries' });
    expect(afterFailure(policy, 3, { maximumRetryAttempts: 2 })).toEqual({ exhausted: 'retries' });
    expect(eventBridgeTargetPolicy({ baseDelayMs: 1, maxDelayMs: 4 }).delayMs(10)).toBe(4);
  });

  it('give up on the age once the next attempt would come after the maximum event age', () => {
    const policy = eventBridgeTargetPolicy();
    expect(afterFailure(policy, 1, { maximumEventAgeSeconds: 60 }, 59_950)).toEqual({ retryInMs: 50 });
    expect(afterFailure(policy, 1, { maximumEventAgeSeconds: 60 }, 59_951)).toEqual({ exhausted: 'age' });
  });

  it('keep each service its own numbers', () => {
    expect(afterFailure(SCHEDULER_TARGET_POLICY, 1)).toEqual({ retryInMs: 1_000 });
    expect(afterFailure(SCHEDULER_TARGET_POLICY, 10)).toEqual({ retryInMs: 60_000 });
    expect(afterFailure(SCHEDULER_TARGET_POLICY, 186)).toEqual({ exhausted: 'retries' });
    expect(afterFailure(STREAM_MAPPING_POLICY, 10_000, {}, Number.MAX_SAFE_INTEGER)).toEqual({
      retryInMs: 5_000,
    });
    expect(afterFailure(STREAM_MAPPING_POLICY, 2, { maximumRetryAttempts: 1 })).toEqual({
      exhausted: 'retries',
    });
    expect(afterFailure(lambdaAsyncPolicy(), 2)).toEqual({ retryInMs: 2_000 });
    expect(afterFailure(lambdaAsyncPolicy(), 3)).toEqual({ exhausted: 'retries' });
    expect(afterFailure(lambdaAsyncPolicy([]), 1)).toEqual({ retryInMs: 0 });
  });
});
