import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { eventHandler, eventOf } from '../../../shared/adapters/event-handler.ts';
import { logger } from '../../../shared/adapters/logger.ts';
import { FINAL_ERRORS } from '../../../shared/domain/errors.ts';

const context = { awsRequestId: 'req-1', functionName: 'step' } as Context;
const Step = z.object({ caseId: z.string().min(1), step: z.string() });

describe('the shared handler of workflow steps, rule targets, schedules and streams', () => {
  it('hands the parsed input to the function and answers with what it returns', async () => {
    const step = eventHandler({ input: Step }, async ({ caseId, step }) => ({ caseId, step }));
    expect(await step({ caseId: 'c-1', step: 'review', extra: true }, context)).toEqual({
      caseId: 'c-1',
      step: 'review',
    });
  });

  it('fails for good on input that does not parse: an InvalidInputError, a name the workflow never retries', async () => {
    const fn = vi.fn(async () => 'done');
    const step = eventHandler({ input: Step }, fn);

    const failure = await step({ step: 'review' }, context).catch((error: unknown) => error);

    expect(fn).not.toHaveBeenCalled();
    expect(failure).toMatchObject({
      name: 'InvalidInputError',
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ path: 'caseId' })],
    });
    expect(FINAL_ERRORS).toContain((failure as Error).name);
  });

  it('fails for good too when the function finds data of a shape it cannot take', async () => {
    const step = eventHandler({ input: z.unknown() }, async () => Step.parse({}));
    await expect(step({}, context)).rejects.toMatchObject({ name: 'InvalidInputError' });
  });

  it('throws any other failure as it is, for its trigger to try again', async () => {
    const throttled = Object.assign(new Error('slow down'), {
      name: 'ProvisionedThroughputExceededException',
    });
    const step = eventHandler({ input: Step }, async () => Promise.reject(throttled));
    await expect(step({ caseId: 'c-1', step: 'review' }, context)).rejects.toBe(throttled);
    expect(FINAL_ERRORS).not.toContain(throttled.name);
  });

  it("logs under the case's id: the input's caseId, or its detail's", async () => {
    const seen: unknown[] = [];
    const step = eventHandler({ input: z.unknown() }, async () => {
      seen.push(logger.getCorrelationId());
    });
    await step({ caseId: 'c-1' }, context);
    await step({ detail: { caseId: 'c-2' } }, context);
    await step({ detail: {} }, context);
    expect(seen).toEqual(['c-1', 'c-2', undefined]);
  });

  it('parses an EventBridge event with the detail the handler takes', async () => {
    const target = eventHandler({ input: eventOf(z.object({ year: z.number() })) }, async (event) => event);
    const event = {
      source: 'tongban.calendar',
      'detail-type': 'Calendar Year Loaded',
      detail: { year: 2027 },
    };
    expect(await target({ ...event, id: 'e-1' }, context)).toEqual(event);
    await expect(target({ ...event, detail: { year: '2027' } }, context)).rejects.toMatchObject({
      name: 'InvalidInputError',
    });
  });

  it('publishes the metrics it was given after every invocation, a failed one too', async () => {
    const metrics = { publishStoredMetrics: vi.fn() } as unknown as Metrics;
    const ok = eventHandler({ input: z.unknown(), metrics }, async () => 'ok');
    const failing = eventHandler({ input: z.unknown(), metrics }, async () =>
      Promise.reject(new Error('no')),
    );
    await ok({}, context);
    await failing({}, context).catch(() => undefined);
    expect(metrics.publishStoredMetrics).toHaveBeenCalledTimes(2);
  });
});
