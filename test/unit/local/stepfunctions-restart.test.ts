import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LocalStepFunctions, type StepFunctionsHost } from '../../../infra/local/stepfunctions/index.ts';

// Executions outlive a restart of local mode: each is taken up again at the state it was in.

const PARTITION = 'aws-cn';
const REGION = 'cn-northwest-1';
const ACCOUNT = '123456789012';
const FUNCTION_ARN = `arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:review`;
const DAY_MS = 24 * 60 * 60 * 1000;

type Answer = Awaited<ReturnType<StepFunctionsHost['invokeFunction']>>;

/** A host whose function records each payload and answers null, or what `answer` promises for it. */
function fakeHost(answer: (payload: unknown) => Promise<Answer> | undefined = () => undefined) {
  const payloads: unknown[] = [];
  const host: StepFunctionsHost = {
    invokeFunction: (_functionName, payload) => {
      payloads.push(payload);
      return answer(payload) ?? Promise.resolve({ payload: null });
    },
    putEvents: async () => undefined,
  };
  return { host, payloads };
}

const never = new Promise<Answer>(() => {});
const stepOf = (payload: unknown) => (payload as { step: string }).step;

const opened: LocalStepFunctions[] = [];
const directories: string[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(opened.splice(0).map((sfn) => sfn.close()));
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

const ARN = `arn:${PARTITION}:states:${REGION}:${ACCOUNT}:stateMachine:Approval`;

/** Local Step Functions on `dataDir` with the approval-like machine registered, as `npm start` would open it. */
function open(
  dataDir: string,
  host: StepFunctionsHost,
  { definition = APPROVAL, drainSeconds }: { definition?: object; drainSeconds?: number } = {},
) {
  const sfn = new LocalStepFunctions({
    dataDir,
    host,
    region: REGION,
    account: ACCOUNT,
    partition: PARTITION,
    drainSeconds,
  });
  opened.push(sfn);
  sfn.register({ arn: ARN, name: 'Approval', definition });
  return sfn;
}

function dataDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'sfn-restart-'));
  directories.push(directory);
  return directory;
}

const lambda = (step: string, next: object) => ({
  Type: 'Task',
  Resource: `arn:${PARTITION}:states:::lambda:invoke`,
  Parameters: { FunctionName: FUNCTION_ARN, Payload: { step, 'case.$': '$.case' } },
  ResultSelector: { 'result.$': '$.Payload' },
  ...next,
});

/** Pre-check, a review that waits for a token (with a timeout and a heartbeat), then a decision. */
const APPROVAL = {
  StartAt: 'Precheck',
  States: {
    Precheck: lambda('Precheck', { ResultPath: '$.precheck', Next: 'Review' }),
    Review: {
      Type: 'Task',
      Resource: `arn:${PARTITION}:states:::lambda:invoke.waitForTaskToken`,
      Parameters: {
        FunctionName: FUNCTION_ARN,
        Payload: { step: 'Review', 'token.$': '$$.Task.Token', 'case.$': '$.case' },
      },
      TimeoutSeconds: 20 * 86_400,
      HeartbeatSeconds: 7 * 86_400,
      ResultPath: '$.decision',
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'Escalate' }],
      Next: 'Record',
    },
    Escalate: { Type: 'Pass', Result: 'escalated', ResultPath: '$.escalated', End: true },
    Record: lambda('Record', { ResultPath: '$.recorded', End: true }),
  },
};

const steps = (payloads: unknown[]) => payloads.map(stepOf);
const tokenOf = (payloads: unknown[]) => (payloads.at(-1) as { token: string }).token;

async function settled(sfn: LocalStepFunctions, executionArn: string) {
  await vi.waitFor(() => expect(sfn.describeExecution(executionArn).status).not.toBe('RUNNING'), {
    timeout: 5_000,
    interval: 10,
  });
  return sfn.describeExecution(executionArn);
}

describe('a restart of local mode', () => {
  it('goes on waiting on the task token a review was given, and a decision sent with it afterwards completes it', async () => {
    // Given an execution named after its case, waiting for a reviewer, when local mode stops
    const dir = dataDir();
    const first = fakeHost();
    const before = open(dir, first.host);
    const { executionArn } = await before.startExecution({
      stateMachineArn: ARN,
      name: 'C-1',
      input: '{"case":"C-1"}',
    });
    await before.whenIdle();
    expect(steps(first.payloads)).toEqual(['Precheck', 'Review']);
    const token = tokenOf(first.payloads);
    await before.close();

    // When it starts again on the same data
    const second = fakeHost();
    const after = open(dir, second.host);
    expect(after.resumeInterrupted()).toEqual({ resumed: 1, failed: 0 });
    await after.whenIdle();

    // Then the execution runs on under its name, the review is not asked for again, and its token decides it
    expect(after.describeExecution(executionArn)).toMatchObject({ name: 'C-1', status: 'RUNNING' });
    expect(second.payloads).toEqual([]);
    after.sendTaskSuccess({ taskToken: token, output: '{"outcome":"approve"}' });
    const done = await settled(after, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '')).toMatchObject({ case: 'C-1', decision: { outcome: 'approve' } });
    expect(steps(second.payloads)).toEqual(['Record']);

    // And the history tells of the restart, where it went on and with what
    const history = after.getExecutionHistory(executionArn).events;
    const resumed = history.find((event) => event.type === 'ExecutionResumed');
    expect(resumed).toMatchObject({
      stateName: 'Review',
      input: { case: 'C-1', precheck: { result: null } },
    });
    expect(history.filter((event) => event.type === 'ExecutionStarted')).toHaveLength(1);
    expect(history.at(-1)?.type).toBe('ExecutionSucceeded');
  });

  it('lets a Lambda task under way finish as local mode stops, and does not call it again after the restart', async () => {
    // Given an execution whose pre-check is running when local mode is told to stop
    const dir = dataDir();
    const answer = Promise.withResolvers<Answer>();
    const first = fakeHost((payload) => (stepOf(payload) === 'Precheck' ? answer.promise : undefined));
    const before = open(dir, first.host);
    const { executionArn } = await before.startExecution({ stateMachineArn: ARN, input: '{"case":"C-0"}' });
    await vi.waitFor(() => expect(first.payloads).toHaveLength(1));
    const closing = before.close();

    // When the pre-check answers while local mode stops
    answer.resolve({ payload: { outcome: 'accepted' } });
    await closing;

    // Then its result was kept and the review waits for the restart, where it starts once
    expect(steps(first.payloads)).toEqual(['Precheck']);
    const second = fakeHost();
    const after = open(dir, second.host);
    after.resumeInterrupted();
    await after.whenIdle();
    expect(steps(second.payloads)).toEqual(['Review']);
    const resumed = after.getExecutionHistory(executionArn).events.find((e) => e.type === 'ExecutionResumed');
    expect(resumed).toMatchObject({
      stateName: 'Review',
      input: { precheck: { result: { outcome: 'accepted' } } },
    });
  });

  it('invokes again a Lambda task that did not finish before local mode stopped, with the same input', async () => {
    // Given an execution whose pre-check never answered before local mode stopped
    const dir = dataDir();
    const first = fakeHost((payload) => (stepOf(payload) === 'Precheck' ? never : undefined));
    const before = open(dir, first.host, { drainSeconds: 0.05 });
    const { executionArn } = await before.startExecution({ stateMachineArn: ARN, input: '{"case":"C-2"}' });
    await vi.waitFor(() => expect(first.payloads).toHaveLength(1));
    await before.close();

    // When local mode starts again
    const second = fakeHost();
    const after = open(dir, second.host);
    after.resumeInterrupted();
    await after.whenIdle();

    // Then the pre-check runs again (at least once, like a retry) and the execution goes on to the review
    expect(second.payloads).toMatchObject([
      { step: 'Precheck', case: 'C-2' },
      { step: 'Review', case: 'C-2' },
    ]);
    expect(after.describeExecution(executionArn).status).toBe('RUNNING');
  });

  it('asks again for a review whose token had not reached the reviewer, with a new token, and the old one expires', async () => {
    // Given a review task whose Lambda function had not answered when local mode stopped
    const dir = dataDir();
    const first = fakeHost((payload) => (stepOf(payload) === 'Review' ? never : undefined));
    const before = open(dir, first.host, { drainSeconds: 0.05 });
    const { executionArn } = await before.startExecution({ stateMachineArn: ARN, input: '{"case":"C-3"}' });
    await vi.waitFor(() => expect(first.payloads).toHaveLength(2));
    const undelivered = tokenOf(first.payloads);
    await before.close();

    // When local mode starts again
    const second = fakeHost();
    const after = open(dir, second.host);
    after.resumeInterrupted();
    await after.whenIdle();

    // Then the review is asked for again with a new token, which completes it; the old one answers TaskTimedOut
    expect(steps(second.payloads)).toEqual(['Review']);
    const token = tokenOf(second.payloads);
    expect(token).not.toBe(undelivered);
    expect(() => after.sendTaskSuccess({ taskToken: undelivered, output: '{}' })).toThrow(
      expect.objectContaining({ name: 'TaskTimedOut' }),
    );
    after.sendTaskSuccess({ taskToken: token, output: '{"outcome":"approve"}' });
    expect((await settled(after, executionArn)).status).toBe('SUCCEEDED');
  });

  it('keeps a decision sent while local mode was stopping and applies it on restart', async () => {
    // Given a review waiting on its token, and local mode stopping
    const dir = dataDir();
    const first = fakeHost();
    const before = open(dir, first.host);
    const { executionArn } = await before.startExecution({ stateMachineArn: ARN, input: '{"case":"C-4"}' });
    await before.whenIdle();
    const token = tokenOf(first.payloads);
    await before.close();

    // When the decision arrives after the engine closed (a request that was under way), then once more
    before.sendTaskSuccess({ taskToken: token, output: '{"outcome":"deny"}' });
    expect(() => before.sendTaskSuccess({ taskToken: token, output: '{}' })).toThrow(
      expect.objectContaining({ name: 'TaskTimedOut' }),
    );
    await before.flushed();

    // Then the restarted execution takes that decision and goes on
    const second = fakeHost();
    const after = open(dir, second.host);
    after.resumeInterrupted();
    const done = await settled(after, executionArn);
    expect(JSON.parse(done.output ?? '')).toMatchObject({ decision: { outcome: 'deny' } });
    expect(steps(second.payloads)).toEqual(['Record']);
  });

  it("runs a review's TimeoutSeconds and heartbeat on from their deadlines, not from the restart", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // Given a review opened with 20 days to run, on which a heartbeat came on day 5, stopped on day 11
    const dir = dataDir();
    const first = fakeHost();
    const before = open(dir, first.host);
    const { executionArn } = await before.startExecution({ stateMachineArn: ARN, input: '{"case":"C-5"}' });
    await before.whenIdle();
    const token = tokenOf(first.payloads);
    await vi.advanceTimersByTimeAsync(5 * DAY_MS);
    before.sendTaskHeartbeat({ taskToken: token });
    await vi.advanceTimersByTimeAsync(6 * DAY_MS);
    await before.close();
    const kept = JSON.parse(readFileSync(join(dir, 'executions.json'), 'utf8')).executions[0];
    expect(kept.openStates).toEqual([
      expect.objectContaining({ stateName: 'Review', token, delivered: true, heartbeatSeconds: 7 * 86_400 }),
    ]);

    // When local mode starts again a day later, its heartbeat deadline (day 12) has not yet passed
    await vi.advanceTimersByTimeAsync(0.5 * DAY_MS);
    const after = open(dir, fakeHost().host);
    after.resumeInterrupted();
    await vi.advanceTimersByTimeAsync(0.4 * DAY_MS);
    expect(after.describeExecution(executionArn).status).toBe('RUNNING');

    // Then it fails on that deadline, 7 days after the heartbeat, not 7 days after the restart
    await vi.advanceTimersByTimeAsync(0.2 * DAY_MS);
    expect(after.describeExecution(executionArn).status).toBe('SUCCEEDED');
    const history = after.getExecutionHistory(executionArn).events;
    expect(history.find((event) => event.type === 'StateFailed')).toMatchObject({
      stateName: 'Review',
      error: 'States.HeartbeatTimeout',
    });
  });

  it('ends a Wait of Seconds when it would have ended had local mode not stopped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    // Given a 10-day Wait, stopped after 6 days
    const dir = dataDir();
    const definition = {
      StartAt: 'Pause',
      States: {
        Pause: { Type: 'Wait', Seconds: 10 * 86_400, Next: 'Done' },
        Done: { Type: 'Pass', End: true },
      },
    };
    const before = open(dir, fakeHost().host, { definition });
    const { executionArn } = await before.startExecution({ stateMachineArn: ARN, input: '{"case":"C-6"}' });
    await vi.advanceTimersByTimeAsync(6 * DAY_MS);
    await before.close();

    // When local mode starts again a day later
    await vi.advanceTimersByTimeAsync(DAY_MS);
    const after = open(dir, fakeHost().host, { definition });
    after.resumeInterrupted();

    // Then the wait ends three days on, not ten
    await vi.advanceTimersByTimeAsync(2.9 * DAY_MS);
    expect(after.describeExecution(executionArn).status).toBe('RUNNING');
    await vi.advanceTimersByTimeAsync(0.2 * DAY_MS);
    expect(after.describeExecution(executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"case":"C-6"}',
    });
  });

  it('stops a resumed execution by its name, and expires the token it was waiting on', async () => {
    // Given a review taken up again after a restart
    const dir = dataDir();
    const first = fakeHost();
    const before = open(dir, first.host);
    const { executionArn } = await before.startExecution({
      stateMachineArn: ARN,
      name: 'C-7-run2',
      input: '{"case":"C-7"}',
    });
    await before.whenIdle();
    const token = tokenOf(first.payloads);
    await before.close();
    const after = open(dir, fakeHost().host);
    after.resumeInterrupted();

    // When the case is withdrawn and its execution stopped by the ARN made from its name
    after.stopExecution({ executionArn: `${ARN.replace(':stateMachine:', ':execution:')}:C-7-run2` });

    // Then it is ABORTED and its token can no longer decide it
    expect(after.describeExecution(executionArn).status).toBe('ABORTED');
    expect(() => after.sendTaskSuccess({ taskToken: token, output: '{}' })).toThrow(
      expect.objectContaining({ name: 'TaskTimedOut' }),
    );
  });

  it('fails, naming the cause, an execution whose state is no longer in the state machine', async () => {
    // Given an execution waiting in Review when local mode stops
    const dir = dataDir();
    const first = fakeHost();
    const before = open(dir, first.host);
    const { executionArn } = await before.startExecution({ stateMachineArn: ARN, input: '{"case":"C-8"}' });
    await before.whenIdle();
    await before.close();

    // When it starts again with a state machine that no longer has that state
    const changed = { StartAt: 'Precheck', States: { Precheck: lambda('Precheck', { End: true }) } };
    const after = open(dir, fakeHost().host, { definition: changed });

    // Then the execution fails visibly rather than silently going somewhere else
    expect(after.resumeInterrupted()).toEqual({ resumed: 0, failed: 1 });
    expect(after.describeExecution(executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'Local.PlatformRestarted',
      cause: expect.stringContaining('its state Review is no longer in the state machine'),
    });
  });
});
