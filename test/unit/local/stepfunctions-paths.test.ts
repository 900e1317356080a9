import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalStepFunctions, type StepFunctionsHost } from '../../../infra/local/stepfunctions/index.ts';

// TimeoutSecondsPath and HeartbeatSecondsPath: the per-matter review limits of the approval workflow.

const PARTITION = 'aws-cn';
const REGION = 'cn-northwest-1';
const ACCOUNT = '123456789012';
const FUNCTION_ARN = `arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:review`;
const DAY_S = 24 * 60 * 60;
const DAY_MS = DAY_S * 1000;

/** A host whose Lambda function records each payload and answers null, or never with `hang`. */
function fakeHost({ hang = false } = {}) {
  const payloads: unknown[] = [];
  const host: StepFunctionsHost = {
    invokeFunction: (_functionName, payload) => {
      payloads.push(payload);
      return hang ? new Promise(() => {}) : Promise.resolve({ payload: null });
    },
    putEvents: async () => undefined,
  };
  return { host, payloads };
}

const opened: LocalStepFunctions[] = [];
const directories: string[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(opened.splice(0).map((sfn) => sfn.close()));
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function localStepFunctions(host: StepFunctionsHost) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sfn-paths-'));
  directories.push(dataDir);
  const sfn = new LocalStepFunctions({
    dataDir,
    host,
    region: REGION,
    account: ACCOUNT,
    partition: PARTITION,
  });
  opened.push(sfn);
  const storedTokens = () =>
    JSON.parse(readFileSync(join(dataDir, 'executions.json'), 'utf8')).executions[0].taskTokens;
  return { sfn, storedTokens };
}

function register(sfn: LocalStepFunctions, definition: object, name = 'Approval'): string {
  const arn = `arn:${PARTITION}:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;
  sfn.register({ arn, name, definition });
  return arn;
}

async function finished(sfn: LocalStepFunctions, executionArn: string) {
  await vi.waitFor(() => expect(sfn.describeExecution(executionArn).status).not.toBe('RUNNING'), {
    timeout: 2_500,
    interval: 10,
  });
  return sfn.describeExecution(executionArn);
}

// Its Parameters never pass `review` on, so the paths can only be read from the state input.
const reviewTask = (extra: object) => ({
  Type: 'Task',
  Resource: `arn:${PARTITION}:states:::lambda:invoke.waitForTaskToken`,
  Parameters: { FunctionName: FUNCTION_ARN, Payload: { 'token.$': '$$.Task.Token', 'case.$': '$.case' } },
  ...extra,
});

/** A review task with timeout catchers, whose catch output lands in $.timedOut. */
const reviewFlow = (extra: object) => ({
  StartAt: 'Review',
  States: {
    Review: reviewTask({
      Catch: [
        { ErrorEquals: ['States.TaskFailed'], Next: 'WrongCatcher' },
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.timedOut', Next: 'Escalate' },
      ],
      End: true,
      ...extra,
    }),
    WrongCatcher: { Type: 'Fail', Error: 'WrongCatcher' },
    Escalate: { Type: 'Pass', End: true },
  },
});

describe('LocalStepFunctions TimeoutSecondsPath and HeartbeatSecondsPath', () => {
  it('times a callback task out after the seconds TimeoutSecondsPath reads from the state input', async () => {
    // Given a review task whose timeout comes from the matter's input, not from its Parameters
    const { host, payloads } = fakeHost();
    const { sfn, storedTokens } = localStepFunctions(host);
    const arn = register(sfn, reviewFlow({ TimeoutSecondsPath: '$.review.timeoutSeconds' }));

    // When the review of a matter allowed one second is never reported back
    const { executionArn } = await sfn.startExecution({
      stateMachineArn: arn,
      input: '{"case":"C-1","review":{"timeoutSeconds":1}}',
    });
    await sfn.whenIdle();

    // Then the pending token is persisted with its resolved timeout, and the timeout reaches its catcher
    expect(payloads).toEqual([{ token: expect.any(String), case: 'C-1' }]);
    expect(storedTokens()).toEqual([
      { token: expect.any(String), stateName: 'Review', open: true, timeoutSeconds: 1 },
    ]);
    const execution = await finished(sfn, executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toEqual({
      case: 'C-1',
      review: { timeoutSeconds: 1 },
      timedOut: { Error: 'States.Timeout', Cause: '' },
    });
  });

  it('fails a callback task with States.HeartbeatTimeout after the seconds HeartbeatSecondsPath reads', async () => {
    // Given a review task with a long timeout but a one-second heartbeat, both read from the input
    const { host } = fakeHost();
    const { sfn, storedTokens } = localStepFunctions(host);
    const arn = register(
      sfn,
      reviewFlow({
        TimeoutSecondsPath: '$.review.timeoutSeconds',
        HeartbeatSecondsPath: '$.review.heartbeatSeconds',
      }),
    );

    // When no heartbeat arrives
    const { executionArn } = await sfn.startExecution({
      stateMachineArn: arn,
      input: '{"case":"C-2","review":{"timeoutSeconds":3600,"heartbeatSeconds":1}}',
    });
    await sfn.whenIdle();
    expect(storedTokens()[0]).toMatchObject({ timeoutSeconds: 3600, heartbeatSeconds: 1 });

    // Then the missed heartbeat reaches the States.Timeout catcher, as on AWS
    const execution = await finished(sfn, executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '').timedOut).toEqual({
      Error: 'States.HeartbeatTimeout',
      Cause: '',
    });
  });

  it('times out a lambda:invoke task by TimeoutSecondsPath read after InputPath, passing it its Parameters', async () => {
    // Given a plain lambda:invoke task that narrows its input with InputPath
    const { host, payloads } = fakeHost({ hang: true });
    const { sfn } = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Check',
      States: {
        Check: {
          Type: 'Task',
          Resource: `arn:${PARTITION}:states:::lambda:invoke`,
          InputPath: '$.matter',
          Parameters: { FunctionName: FUNCTION_ARN, 'Payload.$': '$.case' },
          TimeoutSecondsPath: '$.limits.checkSeconds',
          Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'TimedOut' }],
          End: true,
        },
        TimedOut: { Type: 'Pass', End: true },
      },
    });

    // When the function does not answer within the matter's limit
    const { executionArn } = await sfn.startExecution({
      stateMachineArn: arn,
      input: '{"matter":{"case":"C-3","limits":{"checkSeconds":1}}}',
    });

    // Then the function got the Parameters output alone, and the task timed out
    const execution = await finished(sfn, executionArn);
    expect(payloads).toEqual(['C-3']);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toMatchObject({ Error: 'States.Timeout' });
  });

  it.each([
    ['zero', '{"timeoutSeconds":0}', /selected 0, but its value must be a positive integer/],
    ['negative', '{"timeoutSeconds":-5}', /selected -5, but its value must be a positive integer/],
    ['fractional', '{"timeoutSeconds":1.5}', /selected 1.5, but its value must be a positive integer/],
    ['string', '{"timeoutSeconds":"60"}', /selected "60", but its value must be a positive integer/],
    [
      'missing',
      '{}',
      /^Invalid path '\$\.review\.timeoutSeconds' : No results for path: \$\['review'\]\['timeoutSeconds'\]$/,
    ],
  ])(
    'fails the execution with States.Runtime when TimeoutSecondsPath selects a %s value',
    async (_, review, cause) => {
      // Given a review task whose Catch would take any catchable error
      const { host, payloads } = fakeHost();
      const { sfn } = localStepFunctions(host);
      const arn = register(sfn, {
        StartAt: 'Review',
        States: {
          Review: reviewTask({
            TimeoutSecondsPath: '$.review.timeoutSeconds',
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
            End: true,
          }),
          Caught: { Type: 'Pass', End: true },
        },
      });

      // When the matter's timeout is not a positive integer
      const { executionArn } = await sfn.startExecution({
        stateMachineArn: arn,
        input: `{"case":"C-4","review":${review}}`,
      });

      // Then the execution fails with States.Runtime, which no Catch handles, before the task is called
      const execution = await finished(sfn, executionArn);
      expect(execution).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
      expect(execution.cause).toMatch(cause);
      expect(payloads).toEqual([]);
    },
  );

  it('fails the execution with States.Runtime when HeartbeatSecondsPath selects zero', async () => {
    // Given a review task whose heartbeat comes from the input
    const { host, payloads } = fakeHost();
    const { sfn } = localStepFunctions(host);
    const arn = register(sfn, reviewFlow({ HeartbeatSecondsPath: '$.review.heartbeatSeconds' }));

    // When the matter's heartbeat is zero
    const { executionArn } = await sfn.startExecution({
      stateMachineArn: arn,
      input: '{"case":"C-5","review":{"heartbeatSeconds":0}}',
    });

    // Then the state fails with States.Runtime and no token is issued
    expect(await finished(sfn, executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause:
        "HeartbeatSecondsPath '$.review.heartbeatSeconds' selected 0, but its value must be a positive integer",
    });
    expect(payloads).toEqual([]);
  });

  it('keeps limits of 26 and 30 days read by path past the setTimeout limit, and resolves them on each retry', async () => {
    // Given a review allowed 30 days with a 26-day heartbeat, retried once on a timeout, on a simulated clock
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { host, payloads } = fakeHost();
    const { sfn, storedTokens } = localStepFunctions(host);
    const arn = register(
      sfn,
      reviewFlow({
        TimeoutSecondsPath: '$.review.timeoutSeconds',
        HeartbeatSecondsPath: '$.review.heartbeatSeconds',
        Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 1, MaxAttempts: 1 }],
      }),
    );
    const { executionArn } = await sfn.startExecution({
      stateMachineArn: arn,
      input: JSON.stringify({
        case: 'C-6',
        review: { timeoutSeconds: 30 * DAY_S, heartbeatSeconds: 26 * DAY_S },
      }),
    });
    await sfn.whenIdle();
    const { token } = payloads[0] as { token: string };

    // When the reviewer beats at day 25 and nothing else happens until day 29
    await vi.advanceTimersByTimeAsync(25 * DAY_MS);
    sfn.sendTaskHeartbeat({ taskToken: token });
    await vi.advanceTimersByTimeAsync(4 * DAY_MS);

    // Then the task is still waiting on its first token, with the resolved limits persisted
    expect(sfn.describeExecution(executionArn).status).toBe('RUNNING');
    expect(payloads).toHaveLength(1);
    await sfn.whenIdle();
    expect(storedTokens()).toEqual([
      { token, stateName: 'Review', open: true, timeoutSeconds: 30 * DAY_S, heartbeatSeconds: 26 * DAY_S },
    ]);

    // And at day 30 it times out and is retried with a new token, whose unbeaten heartbeat lasts 26 days
    await vi.advanceTimersByTimeAsync(2 * DAY_MS);
    expect(payloads).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(25 * DAY_MS);
    expect(sfn.describeExecution(executionArn).status).toBe('RUNNING');
    await vi.advanceTimersByTimeAsync(2 * DAY_MS);
    const execution = sfn.describeExecution(executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '').timedOut).toEqual({
      Error: 'States.HeartbeatTimeout',
      Cause: '',
    });
    const types = sfn.getExecutionHistory(executionArn).events.map((event) => event.type);
    expect(types.filter((type) => type === 'StateRetried')).toHaveLength(1);
  });

  it('refuses at register a TimeoutSecondsPath that is not a reference path into the state input', () => {
    // Given local Step Functions
    const { sfn } = localStepFunctions(fakeHost().host);

    // When definitions read the timeout from the context object or set it twice, then registration fails
    expect(() =>
      register(sfn, reviewFlow({ TimeoutSecondsPath: '$$.Execution.Input.review.timeoutSeconds' })),
    ).toThrow(/State machine Approval: state 'Review' has TimeoutSecondsPath "\$\$\.Execution/);
    expect(() =>
      register(sfn, reviewFlow({ TimeoutSeconds: 60, TimeoutSecondsPath: '$.review.timeoutSeconds' })),
    ).toThrow(/State machine Approval/);
  });

  it('keeps the registered definition with its paths as given', () => {
    // Given a definition whose review task reads both limits from its input
    const { sfn } = localStepFunctions(fakeHost().host);
    const definition = reviewFlow({
      TimeoutSecondsPath: '$.review.timeoutSeconds',
      HeartbeatSecondsPath: "$['review']['heartbeatSeconds']",
    });
    const original = structuredClone(definition);

    // When it is registered, then local mode reports it unchanged and left it untouched
    const arn = register(sfn, definition);
    expect(sfn.definitionOf(arn)).toEqual(original);
    expect(definition).toEqual(original);
  });
});
