import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterFailure, lambdaAsyncPolicy, type RetryPolicy } from '../retry-policy.ts';
import type { InvokeResult, LambdaError } from './types.ts';

/** A function's AWS::Lambda::EventInvokeConfig, resolved (wiring/event-invoke-configs.ts). */
export interface AsyncInvokeConfig {
  /** The resource's path in the app, for messages. */
  path?: string;
  /** The function's name, as the template's FunctionName resolves. */
  functionName: string;
  /** Defaults to 2, as in Lambda. */
  maximumRetryAttempts?: number;
  /** Defaults to 21600 (6 hours), as in Lambda. */
  maximumEventAgeSeconds?: number;
  /** The ARN of the queue an event goes to once Lambda gives up on it. */
  onFailure?: string;
}

export interface AsyncInvocationsOptions {
  /** Runs the function once, synchronously; rejects for a call Lambda refuses (no such function). */
  invoke(nameOrArn: string, event: unknown): Promise<InvokeResult>;
  /** The function's name and unqualified ARN; throws for a function that does not exist. */
  resolve(nameOrArn: string): { name: string; arn: string };
  configs: readonly AsyncInvokeConfig[];
  /**
   * Hands a destination record to its queue; `undefined` when the function has no on-failure destination, where
   * AWS drops the event (local mode keeps it where it can be seen).
   */
  send(queueArn: string | undefined, body: string): void;
  /**
   * The waits before each retry. Lambda waits about a minute before the first and two before the second; local
   * mode a second and two, so that a failing handler surfaces in seconds.
   */
  retryDelaysMs?: readonly number[];
}

/** What Lambda sends an on-failure destination (the "invocation record"). */
export interface DestinationRecord {
  version: '1.0';
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'RetriesExhausted' | 'EventAgeExceeded' | 'Local.PlatformStopped';
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext: { statusCode: number; executedVersion: string; functionError: string };
  responsePayload: LambdaError;
}

/**
 * Lambda's asynchronous invocation (InvocationType `Event`, as EventBridge Scheduler invokes a function): the
 * handler runs, and one that fails is run again after a wait, as often as the function's EventInvokeConfig says;
 * an event still failing then, or grown older than its maximum age, goes to the function's on-failure
 * destination as Lambda's invocation record. Local mode runs the retries at once rather than on a queue of
 * Lambda's, so an invocation settles (succeeds or reaches its destination) before `invoke` resolves.
 */
export class AsyncInvocations {
  readonly #options: AsyncInvocationsOptions;
  readonly #configs = new Map<string, AsyncInvokeConfig>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #stopping = new AbortController();
  readonly #policy: RetryPolicy;

  constructor(options: AsyncInvocationsOptions) {
    this.#options = options;
    this.#policy = lambdaAsyncPolicy(options.retryDelaysMs);
    for (const config of options.configs) this.#configs.set(config.functionName, config);
  }

  /** The EventInvokeConfig of a function, if it has one. */
  configOf(functionName: string): AsyncInvokeConfig | undefined {
    return this.#configs.get(functionName);
  }

  /**
   * Invokes a function asynchronously and resolves once the event is settled: handled, or handed to the
   * function's on-failure destination after its retries. Rejects only when Lambda would refuse the call.
   */
  async invoke(nameOrArn: string, event: unknown): Promise<void> {
    const fn = this.#options.resolve(nameOrArn);
    const run = this.#run(nameOrArn, fn, event);
    this.#inFlight.add(run);
    try {
      await run;
    } finally {
      this.#inFlight.delete(run);
    }
  }

  /** Resolves once every invocation already accepted has settled. */
  async whenIdle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Stops waiting to retry: invocations still failing go to their destinations now. */
  close(): void {
    this.#stopping.abort();
  }

  async #run(nameOrArn: string, fn: { name: string; arn: string }, event: unknown): Promise<void> {
    const config = this.#configs.get(fn.name);
    const acceptedAt = Date.now();
    const requestId = randomUUID();
    for (let attempt = 1; ; attempt++) {
      const error = await this.#attempt(nameOrArn, event);
      if (!error) return;
      let condition: DestinationRecord['requestContext']['condition'] | undefined;
      const next = afterFailure(this.#policy, attempt, config, Date.now() - acceptedAt);
      if ('exhausted' in next)
        condition = next.exhausted === 'retries' ? 'RetriesExhausted' : 'EventAgeExceeded';
      else {
        try {
          await sleep(next.retryInMs, undefined, { signal: this.#stopping.signal });
        } catch {
          // Local mode is stopping: the event goes where one Lambda gave up on goes, not nowhere.
          condition = 'Local.PlatformStopped';
        }
      }
      if (condition) {
        const record: DestinationRecord = {
          version: '1.0',
          timestamp: new Date().toISOString(),
          requestContext: {
            requestId,
            functionArn: `${fn.arn}:$LATEST`,
            condition,
            approximateInvokeCount: attempt,
          },
          requestPayload: event,
          responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
          responsePayload: error,
        };
        this.#options.send(config?.onFailure, JSON.stringify(record));
        return;
      }
    }
  }

  // A call that did not reach the handler (the function closing, say) counts as a failed attempt too.
  async #attempt(nameOrArn: string, event: unknown): Promise<LambdaError | undefined> {
    try {
      const result = await this.#options.invoke(nameOrArn, event);
      return result.ok ? undefined : result.error;
    } catch (error) {
      return {
        errorType: error instanceof Error ? error.name : 'Error',
        errorMessage: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
