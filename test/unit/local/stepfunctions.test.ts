import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlatformClock } from '../../../infra/local/clock.ts';
import { LocalStepFunctions, type StepFunctionsHost } from '../../../infra/local/stepfunctions/index.ts';

const PARTITION = 'aws-cn';
const REGION = 'cn-northwest-1';
const ACCOUNT = '123456789012';
const FUNCTION_ARN = `arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:review`;
const DAY_MS = 24 * 60 * 60 * 1000;

type InvokeResult = Awaited<ReturnType<StepFunctionsHost['invokeFunction']>>;
type EventEntry = Parameters<StepFunctionsHost['putEvents']>[0][number] & { Resources?: string[] };

/** A host whose one Lambda function answers with `respond`; it records every call it receives. */
function fakeHost(respond: (payload: unknown) => InvokeResult = (payload) => ({ payload })) {
  const invocations: { functionName: string; payload: unknown }[] = [];
  const events: EventEntry[] = [];
  const messages: { queueUrl: string; body: string }[] = [];
  const host: StepFunctionsHost = {
    invokeFunction: async (functionName, payload) => {
      invocations.push({ functionName, payload });
      return respond(payload);
    },
    putEvents: async (entries) => {
      events.push(...entries);
      return undefined;
    },
    sendSqsMessage: async (queueUrl, body) => {
      messages.push({ queueUrl, body });
    },
  };
  return { host, invocations, events, messages };
}

const opened: LocalStepFunctions[] = [];
const directories: string[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(opened.splice(0).map((sfn) => sfn.close()));
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'sfn-'));
  directories.push(directory);
  return directory;
}

function localStepFunctions(host: StepFunctionsHost, dataDir = temporaryDirectory(), clock?: PlatformClock) {
  const sfn = new LocalStepFunctions({
    dataDir,
    host,
    clock,
    region: REGION,
    account: ACCOUNT,
    partition: PARTITION,
  });
  opened.push(sfn);
  return sfn;
}

function register(sfn: LocalStepFunctions, definition: object, name = 'Flow'): string {
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

/** The task token the callback task sent to the Lambda function, once it has. */
async function tokenSent(sfn: LocalStepFunctions, invocations: { payload: unknown }[]): Promise<string> {
  await sfn.whenIdle();
  const payload = invocations.at(-1)?.payload as { token: string };
  return payload.token;
}

const callbackTask = (extra: object = {}) => ({
  Type: 'Task',
  Resource: `arn:${PARTITION}:states:::lambda:invoke.waitForTaskToken`,
  Parameters: { FunctionName: FUNCTION_ARN, Payload: { 'token.$': '$$.Task.Token', 'case.$': '$.case' } },
  ...extra,
});

describe('LocalStepFunctions', () => {
  it('returns the lambda:invoke response envelope with the function output as Payload', async () => {
    // Given a state machine that invokes a function through the optimized Lambda integration
    const { host, invocations } = fakeHost(() => ({ payload: { approved: true } }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Invoke',
      States: {
        Invoke: {
          Type: 'Task',
          Resource: `arn:${PARTITION}:states:::lambda:invoke`,
          Parameters: { FunctionName: FUNCTION_ARN, 'Payload.$': '$' },
          End: true,
        },
      },
    });

    // When an execution runs
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, input: '{"case":"C-1"}' });
    const execution = await finished(sfn, executionArn);

    // Then the function got the state input and the output is the Invoke response envelope
    expect(invocations).toEqual([{ functionName: FUNCTION_ARN, payload: { case: 'C-1' } }]);
    expect(execution.status).toBe('SUCCEEDED');
    const output = JSON.parse(execution.output ?? '');
    expect(output).toMatchObject({
      ExecutedVersion: '$LATEST',
      Payload: { approved: true },
      StatusCode: 200,
      SdkHttpMetadata: { HttpStatusCode: 200, HttpHeaders: { 'X-Amz-Executed-Version': '$LATEST' } },
    });
    expect(output.SdkResponseMetadata.RequestId).toBe(output.SdkHttpMetadata.HttpHeaders['x-amzn-RequestId']);
  });

  it('reports every status change of an execution to the default bus, as AWS does', async () => {
    // Given a state machine that succeeds straight away
    const { host, events } = fakeHost();
    const sfn = localStepFunctions(host);
    const arn = register(sfn, { StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } });

    // When an execution runs to completion
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, name: 'case-1' });
    await finished(sfn, executionArn);
    await sfn.whenIdle();

    // Then one Execution Status Change event per status went out from aws.states
    expect(events.map((event) => [event.Source, event.DetailType, event.EventBusName])).toEqual([
      ['aws.states', 'Step Functions Execution Status Change', undefined],
      ['aws.states', 'Step Functions Execution Status Change', undefined],
    ]);
    const details = events.map((event) => JSON.parse(event.Detail));
    expect(details.map((detail) => detail.status)).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(details[1]).toMatchObject({ executionArn, stateMachineArn: arn, name: 'case-1', output: '{}' });
    expect(events[1]?.Resources).toEqual([executionArn]);
  });

  it('completes a waitForTaskToken task with the output passed to sendTaskSuccess', async () => {
    // Given a callback task that hands its token to a Lambda function
    const { host, invocations } = fakeHost(() => ({ payload: null }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, { StartAt: 'Review', States: { Review: callbackTask({ End: true }) } });
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, input: '{"case":"C-2"}' });

    // When the token comes back with a result
    const token = await tokenSent(sfn, invocations);
    expect(sfn.describeExecution(executionArn).status).toBe('RUNNING');
    sfn.sendTaskSuccess({ taskToken: token, output: '{"decision":"approve"}' });

    // Then the task result is that output, and the token cannot be used twice
    const execution = await finished(sfn, executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toEqual({ decision: 'approve' });
    expect(token).toMatch(/^[\w-]{512}$/);
    expect(() => sfn.sendTaskSuccess({ taskToken: token, output: '{}' })).toThrow(
      expect.objectContaining({ name: 'TaskTimedOut' }),
    );
  });

  it('routes a custom error reported with sendTaskFailure to the Catch that names it', async () => {
    // Given a callback task that catches a business error
    const { host, invocations } = fakeHost(() => ({ payload: null }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Review',
      States: {
        Review: callbackTask({
          Catch: [{ ErrorEquals: ['Review.Rejected'], ResultPath: '$.failure', Next: 'Rejected' }],
          End: true,
        }),
        Rejected: { Type: 'Pass', End: true },
      },
    });
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, input: '{"case":"C-3"}' });

    // When the reviewer reports the task failed with that error
    const token = await tokenSent(sfn, invocations);
    sfn.sendTaskFailure({ taskToken: token, error: 'Review.Rejected', cause: 'missing documents' });

    // Then the catcher's state received the error output
    const execution = await finished(sfn, executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toEqual({
      case: 'C-3',
      failure: { Error: 'Review.Rejected', Cause: 'missing documents' },
    });
  });

  it('fails a callback task with States.Timeout after TimeoutSeconds, which States.TaskFailed does not catch', async () => {
    // Given a callback task with a one-second timeout and catchers for task failures and timeouts
    const { host } = fakeHost(() => ({ payload: null }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Review',
      States: {
        Review: callbackTask({
          TimeoutSeconds: 1,
          Catch: [
            { ErrorEquals: ['States.TaskFailed'], Next: 'Failed' },
            { ErrorEquals: ['States.Timeout'], Next: 'TimedOut' },
          ],
          End: true,
        }),
        Failed: { Type: 'Fail', Error: 'WrongCatcher' },
        TimedOut: { Type: 'Pass', End: true },
      },
    });

    // When nobody reports back
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, input: '{"case":"C-4"}' });

    // Then the timeout is routed to its own catcher
    const execution = await finished(sfn, executionArn);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toMatchObject({ Error: 'States.Timeout' });
  });

  it('fails a callback task with States.HeartbeatTimeout when HeartbeatSeconds pass without a heartbeat', async () => {
    // Given a callback task that expects a heartbeat every second, with catchers as in the timeout case
    const { host, invocations } = fakeHost(() => ({ payload: null }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Review',
      States: {
        Review: callbackTask({
          HeartbeatSeconds: 1,
          Catch: [
            { ErrorEquals: ['States.TaskFailed'], Next: 'Failed' },
            { ErrorEquals: ['States.Timeout'], Next: 'TimedOut' },
          ],
          End: true,
        }),
        Failed: { Type: 'Fail', Error: 'WrongCatcher' },
        TimedOut: { Type: 'Pass', End: true },
      },
    });
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, input: '{"case":"C-5"}' });
    const token = await tokenSent(sfn, invocations);

    // When no heartbeat arrives
    const execution = await finished(sfn, executionArn);

    // Then the task failed on the heartbeat, which AWS lets a States.Timeout catcher handle, and the token expired
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '')).toMatchObject({ Error: 'States.HeartbeatTimeout' });
    expect(() => sfn.sendTaskHeartbeat({ taskToken: token })).toThrow(
      expect.objectContaining({ name: 'TaskTimedOut' }),
    );
  });

  it('keeps a callback task alive while heartbeats arrive within HeartbeatSeconds', async () => {
    // Given a callback task that expects a heartbeat every second
    const { host, invocations } = fakeHost(() => ({ payload: null }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Review',
      States: { Review: callbackTask({ HeartbeatSeconds: 1, End: true }) },
    });
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, input: '{"case":"C-6"}' });
    const token = await tokenSent(sfn, invocations);

    // When the worker beats every 400 ms for longer than one heartbeat period, then finishes
    for (let beat = 0; beat < 4; beat++) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      sfn.sendTaskHeartbeat({ taskToken: token });
    }
    expect(sfn.describeExecution(executionArn).status).toBe('RUNNING');
    sfn.sendTaskSuccess({ taskToken: token, output: '"done"' });

    // Then the task succeeded
    expect(await finished(sfn, executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '"done"' });
  });

  it('publishes events:putEvents entries naming the execution and state machine, then waits for the token', async () => {
    // Given a callback task that announces its token on an event bus
    const { host, events } = fakeHost();
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Announce',
      States: {
        Announce: {
          Type: 'Task',
          Resource: `arn:${PARTITION}:states:::events:putEvents.waitForTaskToken`,
          Parameters: {
            Entries: [
              {
                EventBusName: 'cases',
                Source: 'tongban.cases',
                DetailType: 'Review Requested',
                Detail: { 'token.$': '$$.Task.Token', 'case.$': '$.case' },
              },
            ],
          },
          End: true,
        },
      },
    });
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, input: '{"case":"C-10"}' });
    await sfn.whenIdle();

    // When a subscriber completes the task with the token from the event
    const announced = events.find((event) => event.Source === 'tongban.cases');
    const detail = JSON.parse(announced?.Detail ?? '{}');
    sfn.sendTaskSuccess({ taskToken: detail.token, output: '{"reviewer":"li"}' });

    // Then the event went to its bus with AWS's extra resources, and the task took the reported output
    expect(announced).toMatchObject({
      EventBusName: 'cases',
      DetailType: 'Review Requested',
      Resources: [executionArn, arn],
    });
    expect(detail.case).toBe('C-10');
    expect(await finished(sfn, executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"reviewer":"li"}',
    });
  });

  it('issues every Map iteration its own task token', async () => {
    // Given a Map state that runs a callback task per item
    const { host, invocations } = fakeHost(() => ({ payload: null }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'EachCase',
      States: {
        EachCase: {
          Type: 'Map',
          ItemsPath: '$.cases',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'Review',
            States: { Review: callbackTask({ End: true }) },
          },
          End: true,
        },
      },
    });
    const { executionArn } = await sfn.startExecution({
      stateMachineArn: arn,
      input: '{"cases":[{"case":"A"},{"case":"B"},{"case":"C"}]}',
    });
    await sfn.whenIdle();

    // When each token is completed, in reverse order, with its own case
    const sent = invocations.map(({ payload }) => payload as { token: string; case: string });
    for (const { token, case: id } of [...sent].reverse()) {
      sfn.sendTaskSuccess({ taskToken: token, output: JSON.stringify(id.toLowerCase()) });
    }

    // Then every iteration got a distinct token and its own result
    expect(new Set(sent.map(({ token }) => token)).size).toBe(3);
    expect(await finished(sfn, executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '["a","b","c"]' });
  });

  it('retries a failing Lambda task as its Retry field says', async () => {
    // Given a function that fails with a transient error once, then succeeds
    let calls = 0;
    const { host } = fakeHost(() =>
      ++calls === 1
        ? { payload: null, functionError: { errorType: 'Transient', errorMessage: 'try again' } }
        : { payload: { calls } },
    );
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: FUNCTION_ARN,
          Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 1, MaxAttempts: 1 }],
          End: true,
        },
      },
    });

    // When an execution runs
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn });

    // Then the second attempt's result is the output, and the history shows the retry
    expect(await finished(sfn, executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"calls":2}' });
    const { events } = sfn.getExecutionHistory(executionArn);
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'StateEntered',
      'StateFailed',
      'StateRetried',
      'StateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[2]).toMatchObject({ stateName: 'Call', error: 'Transient' });
  });

  it('does not retry an error a retrier before States.TaskFailed gives no attempts, and catches it at once', async () => {
    // Given a function that fails on input it cannot take, under the approval workflow's retriers
    const { host, invocations } = fakeHost(() => ({
      payload: null,
      functionError: { errorType: 'InvalidInputError', errorMessage: 'The input is not valid' },
    }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: FUNCTION_ARN,
          Retry: [
            { ErrorEquals: ['InvalidInputError'], MaxAttempts: 0 },
            { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 1, MaxAttempts: 4 },
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: 'Stalled' }],
          End: true,
        },
        Stalled: { Type: 'Pass', End: true },
      },
    });

    // When an execution runs
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn });

    // Then the function was called once, and the failure went to the catcher with its name
    expect(await finished(sfn, executionArn)).toMatchObject({ status: 'SUCCEEDED' });
    expect(invocations).toHaveLength(1);
    const { events } = sfn.getExecutionHistory(executionArn);
    expect(events.map((event) => event.type)).not.toContain('StateRetried');
    expect(JSON.parse(sfn.describeExecution(executionArn).output!).failure).toMatchObject({
      Error: 'InvalidInputError',
    });
  });

  it('names a function error after its errorType, and an untyped one Lambda.Unknown', async () => {
    // Given a function that crashes without an error type
    const { host } = fakeHost(() => ({
      payload: null,
      functionError: { errorType: '', errorMessage: 'timed out' },
    }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: FUNCTION_ARN, End: true } },
    });

    // When an execution runs
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn });

    // Then the execution failed with Lambda.Unknown and the error document as cause
    expect(await finished(sfn, executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'Lambda.Unknown',
      cause: JSON.stringify({ errorType: '', errorMessage: 'timed out' }),
    });
  });

  it('aborts an execution with stopExecution and expires its task token', async () => {
    // Given an execution waiting for a task token
    const { host, invocations } = fakeHost(() => ({ payload: null }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, { StartAt: 'Review', States: { Review: callbackTask({ End: true }) } });
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, input: '{"case":"C-11"}' });
    const token = await tokenSent(sfn, invocations);

    // When it is stopped
    sfn.stopExecution({ executionArn, error: 'Case.Withdrawn', cause: 'the applicant withdrew' });

    // Then it is ABORTED with the given error, and the token can no longer complete it
    expect(sfn.describeExecution(executionArn)).toMatchObject({
      status: 'ABORTED',
      error: 'Case.Withdrawn',
      cause: 'the applicant withdrew',
    });
    expect(() => sfn.sendTaskSuccess({ taskToken: token, output: '{}' })).toThrow(
      expect.objectContaining({ name: 'TaskTimedOut' }),
    );
    expect(sfn.listExecutions({ stateMachineArn: arn, statusFilter: 'ABORTED' }).executions).toHaveLength(1);
  });

  it("times an execution out after the definition's TimeoutSeconds", async () => {
    // Given a state machine allowed one second, waiting on a token that never comes
    const { host } = fakeHost(() => ({ payload: null }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Review',
      TimeoutSeconds: 1,
      States: { Review: callbackTask({ End: true }) },
    });

    // When an execution runs
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, input: '{"case":"C-12"}' });

    // Then it ends TIMED_OUT
    expect(await finished(sfn, executionArn)).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
  });

  it('refuses at register a Task resource local mode cannot run, naming the state machine, state and resource', () => {
    // Given a state machine calling DynamoDB directly
    const sfn = localStepFunctions(fakeHost().host);
    const definition = {
      StartAt: 'Save',
      States: {
        Save: {
          Type: 'Task',
          Resource: `arn:${PARTITION}:states:::dynamodb:putItem`,
          Parameters: { TableName: 'cases', Item: {} },
          End: true,
        },
      },
    };

    // When it is registered, then registration fails with the details
    expect(() => register(sfn, definition, 'SaveCase')).toThrow(
      /State machine SaveCase: state 'Save' uses Task resource 'arn:aws-cn:states:::dynamodb:putItem'/,
    );
  });

  it('keeps the registered definition as given, while running its internal rewrite', () => {
    // Given a definition with a Wait state and a callback task with timeouts
    const sfn = localStepFunctions(fakeHost().host);
    const definition = {
      StartAt: 'Pause',
      TimeoutSeconds: 3600,
      States: {
        Pause: { Type: 'Wait', Seconds: 60, Next: 'Review' },
        Review: callbackTask({ TimeoutSeconds: 86_400, HeartbeatSeconds: 600, End: true }),
      },
    };
    const original = structuredClone(definition);

    // When it is registered
    const arn = register(sfn, definition);

    // Then the definition local mode reports is exactly the one given, which is itself untouched
    expect(sfn.definitionOf(arn)).toEqual(original);
    expect(definition).toEqual(original);
  });

  it('ends a Wait state with a TimestampPath when the platform clock passes that instant, and not before', async () => {
    // Given an execution waiting until a deadline three days ahead in platform time
    const clock = new PlatformClock({ now: '2026-12-20T10:00+08:00' });
    const sfn = localStepFunctions(fakeHost().host, temporaryDirectory(), clock);
    const arn = register(sfn, {
      StartAt: 'UntilDeadline',
      States: {
        UntilDeadline: { Type: 'Wait', TimestampPath: '$.deadline', Next: 'Done' },
        Done: { Type: 'Pass', End: true },
      },
    });
    const input = JSON.stringify({ deadline: '2026-12-23T10:00:00+08:00' });
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, input });

    // When the clock is advanced two days, it still waits
    clock.advance(2 * DAY_MS);
    await sfn.whenIdle();
    expect(sfn.describeExecution(executionArn).status).toBe('RUNNING');

    // When it is advanced past the deadline, the wait ends and the execution goes on to succeed
    clock.advance(DAY_MS);
    expect(await finished(sfn, executionArn)).toMatchObject({ status: 'SUCCEEDED', output: input });
  });

  it('returns the running execution for a repeated start with the same name and input, and refuses other inputs', async () => {
    // Given a running execution named case-8
    const { host } = fakeHost(() => ({ payload: null }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, { StartAt: 'Review', States: { Review: callbackTask({ End: true }) } });
    const first = await sfn.startExecution({ stateMachineArn: arn, name: 'case-8', input: '{"case":"C-8"}' });

    // When it is started again with the same name
    const again = await sfn.startExecution({ stateMachineArn: arn, name: 'case-8', input: '{"case":"C-8"}' });

    // Then the same input is idempotent and a different one is ExecutionAlreadyExists
    expect(again).toEqual(first);
    await expect(
      sfn.startExecution({ stateMachineArn: arn, name: 'case-8', input: '{}' }),
    ).rejects.toMatchObject({
      name: 'ExecutionAlreadyExists',
    });
  });

  it('tells a malformed task token from one it never issued', () => {
    // Given local Step Functions with no execution yet
    const sfn = localStepFunctions(fakeHost().host);

    // When tokens it could not have issued come back, then each gets the AWS error that fits
    expect(() => sfn.sendTaskSuccess({ taskToken: 'nope', output: '{}' })).toThrow(
      expect.objectContaining({ name: 'InvalidToken' }),
    );
    expect(() => sfn.sendTaskSuccess({ taskToken: 'a'.repeat(512), output: '{}' })).toThrow(
      expect.objectContaining({ name: 'TaskDoesNotExist' }),
    );
  });

  it('waits past the 24.8-day setTimeout limit for a task token and for a Wait state', async () => {
    // Given a 40-day Wait followed by a callback task with a 30-day timeout, on a simulated clock
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { host, invocations } = fakeHost(() => ({ payload: null }));
    const sfn = localStepFunctions(host);
    const arn = register(sfn, {
      StartAt: 'Pause',
      States: {
        Pause: { Type: 'Wait', Seconds: 40 * 86_400, Next: 'Review' },
        Review: callbackTask({ TimeoutSeconds: 30 * 86_400, End: true }),
      },
    });
    const { executionArn } = await sfn.startExecution({ stateMachineArn: arn, input: '{"case":"C-9"}' });

    // When 39 days pass, the Wait is still waiting
    await vi.advanceTimersByTimeAsync(39 * DAY_MS);
    expect(invocations).toHaveLength(0);

    // And once it ends, the task waits 29 more days without timing out, then takes the token's result
    await vi.advanceTimersByTimeAsync(30 * DAY_MS);
    expect(sfn.describeExecution(executionArn).status).toBe('RUNNING');
    const token = await tokenSent(sfn, invocations);
    sfn.sendTaskSuccess({ taskToken: token, output: '"late but valid"' });
    await vi.advanceTimersByTimeAsync(0);
    expect(sfn.describeExecution(executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: '"late but valid"',
    });
    expect(sfn.getExecutionHistory(executionArn).events.map((event) => event.type)).not.toContain(
      'StateRetried',
    );
  });
});
