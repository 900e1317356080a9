import { describe, expect, it } from 'vitest';
import {
  AsyncInvocations,
  type AsyncInvokeConfig,
  type DestinationRecord,
} from '../../../infra/local/lambda/async-invocations.ts';
import type { InvokeResult } from '../../../infra/local/lambda/types.ts';

const ARN = 'arn:aws-cn:lambda:cn-northwest-1:000000000000:function:notify';
const QUEUE = 'arn:aws-cn:sqs:cn-northwest-1:000000000000:failures';
const timing = { durationMs: 1, coldStart: false };
const failure: InvokeResult = {
  ok: false,
  error: { errorType: 'Error', errorMessage: 'table throttled' },
  ...timing,
};
const success: InvokeResult = { ok: true, payload: null, ...timing };

/** A function whose attempts answer as `outcomes` says (the last one from then on), and what reached a queue. */
function lambda(outcomes: InvokeResult[], configs: AsyncInvokeConfig[] = [], delays = [1, 1]) {
  const attempts: unknown[] = [];
  const sent: { queue: string | undefined; record: DestinationRecord }[] = [];
  const invocations = new AsyncInvocations({
    invoke: async (_arn, event) => {
      attempts.push(event);
      return outcomes[Math.min(attempts.length, outcomes.length) - 1]!;
    },
    resolve: (nameOrArn) => {
      if (nameOrArn !== ARN && nameOrArn !== 'notify')
        throw Object.assign(new Error('no'), { name: 'ResourceNotFoundException' });
      return { name: 'notify', arn: ARN };
    },
    configs,
    send: (queue, body) => void sent.push({ queue, record: JSON.parse(body) }),
    retryDelaysMs: delays,
  });
  return { invocations, attempts, sent };
}

describe("Lambda's asynchronous invocations, locally", () => {
  it('runs the handler once when it succeeds, and sends nothing anywhere', async () => {
    const { invocations, attempts, sent } = lambda([success], [{ functionName: 'notify', onFailure: QUEUE }]);
    await invocations.invoke(ARN, { id: 1 });
    expect(attempts).toEqual([{ id: 1 }]);
    expect(sent).toEqual([]);
  });

  it('retries a failing handler, and is done once a retry succeeds', async () => {
    const { invocations, attempts, sent } = lambda(
      [failure, failure, success],
      [{ functionName: 'notify', onFailure: QUEUE }],
    );
    await invocations.invoke('notify', { id: 2 });
    expect(attempts).toHaveLength(3);
    expect(sent).toEqual([]);
  });

  it("sends an event still failing after its retries to the on-failure queue, as Lambda's invocation record", async () => {
    const { invocations, attempts, sent } = lambda(
      [failure],
      [{ functionName: 'notify', maximumRetryAttempts: 2, onFailure: QUEUE }],
    );
    await invocations.invoke(ARN, { id: 3 });
    expect(attempts).toHaveLength(3);
    expect(sent).toEqual([
      {
        queue: QUEUE,
        record: {
          version: '1.0',
          timestamp: expect.any(String),
          requestContext: {
            requestId: expect.any(String),
            functionArn: `${ARN}:$LATEST`,
            condition: 'RetriesExhausted',
            approximateInvokeCount: 3,
          },
          requestPayload: { id: 3 },
          responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
          responsePayload: { errorType: 'Error', errorMessage: 'table throttled' },
        },
      },
    ]);
  });

  it('retries as often as the EventInvokeConfig says', async () => {
    const { invocations, attempts, sent } = lambda(
      [failure],
      [{ functionName: 'notify', maximumRetryAttempts: 0, onFailure: QUEUE }],
    );
    await invocations.invoke(ARN, {});
    expect(attempts).toHaveLength(1);
    expect(sent[0]?.record.requestContext.condition).toBe('RetriesExhausted');
  });

  it('gives up on an event that would be older than its maximum age at the next retry', async () => {
    const { invocations, attempts, sent } = lambda(
      [failure],
      [{ functionName: 'notify', maximumEventAgeSeconds: 0.05, onFailure: QUEUE }],
      [200, 200],
    );
    await invocations.invoke(ARN, {});
    expect(attempts).toHaveLength(1);
    expect(sent[0]?.record.requestContext.condition).toBe('EventAgeExceeded');
  });

  it('retries twice without an EventInvokeConfig, as Lambda does, and hands on what AWS would drop', async () => {
    const { invocations, attempts, sent } = lambda([failure]);
    await invocations.invoke(ARN, {});
    expect(attempts).toHaveLength(3);
    expect(sent.map((s) => s.queue)).toEqual([undefined]);
  });

  it('sends an event waiting for its retry to its queue when local mode stops', async () => {
    const { invocations, attempts, sent } = lambda(
      [failure],
      [{ functionName: 'notify', onFailure: QUEUE }],
      [60_000],
    );
    const settled = invocations.invoke(ARN, {});
    await expect.poll(() => attempts.length).toBe(1);
    invocations.close();
    await settled;
    await invocations.whenIdle();
    expect(sent[0]?.record.requestContext.condition).toBe('Local.PlatformStopped');
  });

  it('refuses to invoke a function that does not exist, as Lambda does', async () => {
    const { invocations, attempts } = lambda([success]);
    await expect(invocations.invoke('missing', {})).rejects.toThrow(
      expect.objectContaining({ name: 'ResourceNotFoundException' }),
    );
    expect(attempts).toEqual([]);
  });
});
