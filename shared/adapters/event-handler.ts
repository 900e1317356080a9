import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { ZodError, z } from 'zod';
import { InvalidInputError } from '../domain/errors.ts';
import { isThrottle } from './aws-errors.ts';
import { logger } from './logger.ts';

// Off outside Lambda and in local mode (POWERTOOLS_TRACE_ENABLED=false), where no X-Ray daemon listens.
const tracer = new Tracer();

export interface EventHandlerOptions<S extends z.ZodType> {
  /** What the function takes: a step's input, an event, a stream batch. Anything else fails for good. */
  input: S;
  /** The case the invocation is about, as the logs' correlation id; by default the input's `caseId` or its detail's. */
  caseId?: (input: z.output<S>) => string | undefined;
  /** Metrics the function records, published (EMF) after every invocation, failed ones too. */
  metrics?: Metrics;
}

/** A handler as Lambda, and a test, call it. */
export type EventHandler<R> = (event: unknown, context?: Context) => Promise<R>;

/**
 * The middy stack of every function that is not HTTP — a workflow step, a rule's target, a schedule, a stream
 * batch — the twin of httpHandler: logs with the Lambda context and the case id, a trace, metrics, the input
 * parsed with the handler's schema. A failure is thrown for its trigger to deal with, and told apart in the log:
 * input that does not parse, or any ZodError, is an InvalidInputError, which no retry mends: the approval
 * workflow does not retry it (FINAL_ERRORS) and the case stalls at once. A rule's target or a stream still
 * gets the few retries its trigger allows, then its dead-letter queue, where an event nobody can take is kept
 * and alarmed (a stream cannot skip a record without losing its order; the outbox reports the first failed
 * record, batchItemFailures). Anything else is retried: a throttled table, a write lost to a concurrent change.
 */
export function eventHandler<S extends z.ZodType, R>(
  options: EventHandlerOptions<S>,
  fn: (input: z.output<S>, context: Context) => Promise<R>,
): EventHandler<R> {
  const stack = middy<unknown, R>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    // The answer may carry personal data: a trace keeps timings and errors, not what a function returned.
    .use(captureLambdaHandler(tracer, { captureResponse: false }));
  if (options.metrics) stack.use(logMetrics(options.metrics));
  const handler = stack.handler(async (event, context) => {
    try {
      const input = options.input.parse(event);
      const caseId = (options.caseId ?? caseIdIn)(input);
      if (caseId) logger.setCorrelationId(caseId);
      return await fn(input, context);
    } catch (error) {
      throw reported(error instanceof ZodError ? new InvalidInputError(error) : error);
    }
  });
  return handler as EventHandler<R>;
}

function reported(error: unknown): unknown {
  if (error instanceof InvalidInputError) logger.error('input not taken (final)', { error });
  else if (isThrottle(error)) logger.warn('throttled (retryable)', { error: error as Error });
  else logger.error('failed (retryable)', { error: error as Error });
  return error;
}

const CaseIdHolder = z.object({ caseId: z.string().min(1) });
const caseIdIn = (input: unknown): string | undefined =>
  (CaseIdHolder.safeParse(input).data ?? CaseIdHolder.safeParse((input as { detail?: unknown })?.detail).data)
    ?.caseId;

/** An EventBridge event (a rule's target; a schedule's reminder, put on the hub) with the detail it carries. */
export const eventOf = <D extends z.ZodType>(detail: D) =>
  z.object({ source: z.string(), 'detail-type': z.string(), detail });
