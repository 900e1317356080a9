import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DescribeExecutionOutput, ExecutionListItem, ExecutionStatus } from '@aws-sdk/client-sfn';
import { ExecutionError, type RunOptions } from 'aws-local-stepfunctions';
import { PlatformClock } from '../clock.ts';
import { type PreparedDefinition, prepareDefinition, type StateSpec, waitEnd } from './definition.ts';
import { StateFailure, StepFunctionsApiError } from './errors.ts';
import {
  describe,
  type ExecutionEnd,
  type ExecutionRecord,
  listItem,
  statusChangeEvent,
} from './execution-record.ts';
import { type HistoryEvent, historyEvent } from './history.ts';
import { callIntegration, type StepFunctionsHost } from './integrations.ts';
import { JsonFile } from './json-file.ts';
import { type LongTimer, scheduleAt } from './long-timer.ts';
import { TaskAttempt } from './task-attempt.ts';
import { resolveTaskLimits, type TaskLimits } from './task-limits.ts';
import { loadTimeoutErrorClass } from './timeout-errors.ts';

export interface LocalStepFunctionsOptions {
  dataDir: string;
  host: StepFunctionsHost;
  region: string;
  account: string;
  partition?: string;
  /** What a Wait state's Timestamp is read against; the system clock when absent. */
  clock?: PlatformClock;
}

interface RegisteredStateMachine {
  arn: string;
  name: string;
  definition: object;
  prepared: PreparedDefinition;
}

interface LiveExecution {
  record: ExecutionRecord;
  machine: RegisteredStateMachine;
  abort?: () => void;
  attempts: Set<TaskAttempt>;
  /** Attempts a rollover handed back to the interpreter, by state name, until it asks for them again. */
  rollovers: Map<string, TaskAttempt[]>;
  /** The token `$$.Task.Token` produced, until the callback task whose Parameters asked for it takes it. */
  mintedToken?: string;
  timeout?: LongTimer;
}

type TaskHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;

// Standard workflows keep closed executions (and their names) for 90 days.
const RETENTION_MS = 90 * 24 * 60 * 60 * 1000;
const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u;
// Opaque, URL-safe and about as long as the tokens AWS hands out.
const TOKEN_PATTERN = /^[\w-]{512}$/;
const mintTaskToken = (): string => randomBytes(384).toString('base64url');
const RESTART_CAUSE =
  'Local mode was restarted while this execution was running. Unlike AWS, local mode cannot resume an ' +
  'execution in the middle of a state, so it stopped the execution here; start a new execution to run it again.';

/**
 * Step Functions Standard workflows for local mode: the synthesized ASL runs on aws-local-stepfunctions, with
 * Task integrations, task tokens, timeouts and heartbeats emulated as AWS documents them and every execution
 * persisted to `dataDir/executions.json`.
 */
export class LocalStepFunctions {
  readonly #host: StepFunctionsHost;
  readonly #region: string;
  readonly #account: string;
  readonly #partition: string;
  readonly #clock: PlatformClock;
  readonly #file: JsonFile<{ executions: ExecutionRecord[] }>;
  readonly #machines = new Map<string, RegisteredStateMachine>();
  readonly #records = new Map<string, ExecutionRecord>();
  readonly #live = new Map<string, LiveExecution>();
  readonly #openTasks = new Map<string, TaskAttempt>();
  readonly #issuedTokens = new Set<string>();
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #failures: unknown[] = [];
  #closed = false;

  constructor(options: LocalStepFunctionsOptions) {
    this.#host = options.host;
    this.#region = options.region;
    this.#account = options.account;
    this.#partition = options.partition ?? 'aws';
    this.#clock = options.clock ?? new PlatformClock();
    this.#file = new JsonFile(join(options.dataDir, 'executions.json'));
    const stored = this.#file.read()?.executions ?? [];
    for (const record of stored) {
      if (record.stopDate && Date.now() - Date.parse(record.stopDate) > RETENTION_MS) continue;
      this.#records.set(record.executionArn, record);
      for (const { token } of record.taskTokens) this.#issuedTokens.add(token);
    }
    const interrupted = [...this.#records.values()].filter((record) => record.status === 'RUNNING');
    for (const record of interrupted) {
      this.#end(record, { status: 'FAILED', error: 'Local.PlatformRestarted', cause: RESTART_CAUSE });
    }
    if (interrupted.length === 0 && this.#records.size < stored.length) this.#persist();
  }

  /** Accepts a state machine whose every Task local mode can run; throws naming anything it cannot. */
  register(stateMachine: { arn: string; name: string; definition: object }): void {
    const { arn, name, definition } = stateMachine;
    const expectedArn = `arn:${this.#partition}:states:${this.#region}:${this.#account}:stateMachine:${name}`;
    if (arn !== expectedArn) {
      throw new Error(`State machine ${name}: expected ARN ${expectedArn}, got ${arn}`);
    }
    const prepared = prepareDefinition(definition, {
      stateMachineName: name,
      partition: this.#partition,
      canSendSqs: this.#host.sendSqsMessage !== undefined,
    });
    this.#machines.set(arn, { arn, name, definition: structuredClone(definition), prepared });
  }

  /** The definition as registered, before the internal rewrites that let the interpreter run it. */
  definitionOf(stateMachineArn: string): object {
    return this.#machine(stateMachineArn).definition;
  }

  async startExecution(request: {
    stateMachineArn: string;
    input?: string;
    name?: string;
  }): Promise<{ executionArn: string; startDate: Date }> {
    await loadTimeoutErrorClass();
    if (this.#closed) throw new Error('Local Step Functions is closed');
    const machine = this.#machine(request.stateMachineArn);
    const name = request.name ?? randomUUID();
    if (!EXECUTION_NAME.test(name)) throw new StepFunctionsApiError('InvalidName', `Invalid Name: '${name}'`);
    const input = request.input ?? '{}';
    let parsedInput: unknown;
    try {
      parsedInput = JSON.parse(input);
    } catch (error) {
      throw new StepFunctionsApiError(
        'InvalidExecutionInput',
        `Invalid State Machine Execution Input: ${error}`,
      );
    }
    const executionArn = `${machine.arn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.#records.get(executionArn);
    if (existing) {
      // AWS treats a repeated start of a still-running execution with the same input as idempotent.
      if (existing.status === 'RUNNING' && existing.input === input) {
        return { executionArn, startDate: new Date(existing.startDate) };
      }
      throw new StepFunctionsApiError(
        'ExecutionAlreadyExists',
        `Execution Already Exists: '${executionArn}'`,
      );
    }
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn: machine.arn,
      name,
      status: 'RUNNING',
      input,
      startDate: new Date().toISOString(),
      taskTokens: [],
      history: [],
    };
    this.#records.set(executionArn, record);
    this.#persist();
    this.#emitStatusChange(record);
    this.#launch(record, machine, parsedInput);
    return { executionArn, startDate: new Date(record.startDate) };
  }

  describeExecution(executionArn: string): DescribeExecutionOutput {
    return describe(this.#record(executionArn));
  }

  /** Executions of one state machine, most recent first, as ListExecutions returns them. */
  listExecutions(request: { stateMachineArn: string; statusFilter?: ExecutionStatus }): {
    executions: ExecutionListItem[];
  } {
    this.#machine(request.stateMachineArn);
    const records = [...this.#records.values()].filter(
      (record) =>
        record.stateMachineArn === request.stateMachineArn &&
        (request.statusFilter === undefined || record.status === request.statusFilter),
    );
    return { executions: records.reverse().map(listItem) };
  }

  /** The state-level events the interpreter reports, not AWS's full event types. */
  getExecutionHistory(executionArn: string): { events: HistoryEvent[] } {
    return { events: this.#record(executionArn).history };
  }

  sendTaskSuccess(request: { taskToken: string; output: string }): Record<string, never> {
    const attempt = this.#openTask(request.taskToken);
    let output: unknown;
    try {
      output = JSON.parse(request.output);
    } catch (error) {
      throw new StepFunctionsApiError('InvalidOutput', `Invalid Output: ${error}`);
    }
    attempt.succeed(output);
    return {};
  }

  /** Without `error`, the task fails with no error name, as on AWS: only States.ALL and States.TaskFailed match. */
  sendTaskFailure(request: { taskToken: string; error?: string; cause?: string }): Record<string, never> {
    this.#openTask(request.taskToken).fail(new StateFailure(request.error ?? '', request.cause));
    return {};
  }

  /**
   * Local mode's fast-forward (no AWS API): the running task states of an execution that have a TimeoutSeconds
   * time out now, exactly as they would when it runs out, so a test need not wait twenty working days.
   */
  timeOutTasks(executionArn: string): number {
    const live = this.#live.get(executionArn);
    if (!live) {
      throw new StepFunctionsApiError('ExecutionDoesNotExist', `Execution is not running: ${executionArn}`);
    }
    const timed = [...live.attempts].filter((a) => a.timed);
    for (const attempt of timed) attempt.timeOut();
    return timed.length;
  }

  sendTaskHeartbeat(request: { taskToken: string }): Record<string, never> {
    this.#openTask(request.taskToken).heartbeat();
    return {};
  }

  stopExecution(request: { executionArn: string; error?: string; cause?: string }): { stopDate: Date } {
    const record = this.#record(request.executionArn);
    const live = this.#live.get(request.executionArn);
    if (live && record.status === 'RUNNING') {
      this.#stop(live, { status: 'ABORTED', error: request.error, cause: request.cause });
    }
    return { stopDate: new Date(record.stopDate ?? Date.now()) };
  }

  /**
   * Resolves once no execution is mid-step: no integration call, persistence write or status event is in
   * flight. Executions parked on a task token, a Wait state or a Retry backoff count as idle, since only time
   * or a caller moves them on. Rejects with any background failure (a write, a status event) since last asked.
   */
  async whenIdle(): Promise<void> {
    do {
      await Promise.allSettled(this.#inFlight);
      await new Promise((resolve) => setImmediate(resolve));
    } while (this.#inFlight.size > 0);
    this.#reportFailures();
  }

  /** Stops every timer and waits for pending writes. Running executions stay RUNNING on disk, to be failed on restart. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const live of this.#live.values()) {
      this.#release(live);
      live.abort?.();
    }
    this.#live.clear();
    await this.#file.flushed();
    this.#reportFailures();
  }

  #launch(record: ExecutionRecord, machine: RegisteredStateMachine, input: unknown): void {
    const live: LiveExecution = { record, machine, attempts: new Set(), rollovers: new Map() };
    this.#live.set(record.executionArn, live);
    const handlers = Object.fromEntries(
      [...machine.prepared.states.keys()].map((state) => [
        state,
        (stateInput: unknown) => this.#runState(live, state, stateInput),
      ]),
    ) as unknown as TaskHandlers;
    // The interpreter evaluates a state's Parameters right before calling its override, so the token minted
    // here for `$$.Task.Token` is the one the override of that same state takes.
    const context = {
      Execution: { Id: record.executionArn, Name: record.name, RedriveCount: 0 },
      StateMachine: { Id: machine.arn, Name: machine.name },
      Task: {
        get Token(): string {
          live.mintedToken ??= mintTaskToken();
          return live.mintedToken;
        },
      },
    };
    const run = machine.prepared.interpreter.run(input as never, {
      overrides: { taskResourceLocalHandlers: handlers },
      context,
    });
    live.abort = run.abort;
    const { timeoutSeconds } = machine.prepared;
    if (timeoutSeconds !== undefined) {
      live.timeout = scheduleAt(Date.parse(record.startDate) + timeoutSeconds * 1000, () =>
        this.#stop(live, { status: 'TIMED_OUT', error: 'States.Timeout' }),
      );
    }
    const history = (async () => {
      for await (const event of run.eventLogs) {
        const entry = historyEvent(event, machine.prepared.states);
        if (entry) record.history.push(entry);
      }
    })();
    Promise.allSettled([run.result, history])
      .then(([result]) => this.#finish(live, result))
      .catch((error: unknown) => this.#recordFailure(error));
  }

  #runState(live: LiveExecution, stateName: string, input: unknown): Promise<unknown> {
    const minted = live.mintedToken;
    live.mintedToken = undefined;
    const spec = live.machine.prepared.states.get(stateName) as StateSpec;
    const attempt =
      live.rollovers.get(stateName)?.shift() ?? this.#startAttempt(live, stateName, spec, input, minted);
    return attempt.segment(() => {
      live.rollovers.set(stateName, [...(live.rollovers.get(stateName) ?? []), attempt]);
    });
  }

  #startAttempt(
    live: LiveExecution,
    stateName: string,
    spec: StateSpec,
    input: unknown,
    minted?: string,
  ): TaskAttempt {
    if (spec.type === 'wait') {
      const attempt = this.#newAttempt(live, undefined);
      try {
        // A Timestamp is an instant of the platform's time, so moving the clock past it ends the wait; Seconds
        // are a duration, like task timeouts, and run on the system clock.
        const { output, ...end } = waitEnd(input);
        attempt.succeedWhen(
          (fire) =>
            'timestamp' in end
              ? this.#clock.at(end.timestamp, fire)
              : scheduleAt(Date.now() + end.seconds * 1000, fire),
          output,
        );
      } catch (error) {
        attempt.fail(error as Error);
      }
      return attempt;
    }
    let limits: TaskLimits;
    try {
      limits = resolveTaskLimits(spec, input);
    } catch (error) {
      // A bad TimeoutSecondsPath or HeartbeatSecondsPath fails the state before the task is called or a token issued.
      const attempt = this.#newAttempt(live, undefined);
      attempt.fail(error as Error);
      return attempt;
    }
    const token = spec.callback ? (minted ?? mintTaskToken()) : undefined;
    const attempt = this.#newAttempt(live, token);
    attempt.limitTo(limits.timeoutSeconds);
    if (token) {
      this.#openTasks.set(token, attempt);
      this.#issuedTokens.add(token);
      const { timeoutSeconds, heartbeatSeconds } = limits;
      live.record.taskTokens.push({ token, stateName, open: true, timeoutSeconds, heartbeatSeconds });
      this.#persist();
      if (heartbeatSeconds !== undefined) attempt.expectHeartbeats(heartbeatSeconds);
    }
    const call = callIntegration(spec.integration, spec.resource, limits.input, {
      host: this.#host,
      executionArn: live.record.executionArn,
      stateMachineArn: live.machine.arn,
      background: (work) => this.#background(work),
    });
    // A callback task's call only delivers the token; the task ends when the token comes back, or fails early.
    this.#track(call).then(
      (result) => (token ? undefined : attempt.succeed(result)),
      (error: Error) => attempt.fail(error),
    );
    return attempt;
  }

  #newAttempt(live: LiveExecution, token: string | undefined): TaskAttempt {
    const attempt: TaskAttempt = new TaskAttempt(token, () => this.#settled(live, attempt));
    live.attempts.add(attempt);
    return attempt;
  }

  #settled(live: LiveExecution, attempt: TaskAttempt): void {
    live.attempts.delete(attempt);
    if (!attempt.token) return;
    this.#openTasks.delete(attempt.token);
    const task = live.record.taskTokens.find(({ token }) => token === attempt.token);
    if (task) task.open = false;
    this.#persist();
  }

  #stop(live: LiveExecution, end: ExecutionEnd): void {
    this.#end(live.record, end);
    this.#release(live);
    live.abort?.();
  }

  #finish(live: LiveExecution, result: PromiseSettledResult<unknown>): void {
    this.#release(live);
    this.#live.delete(live.record.executionArn);
    if (this.#closed) return;
    if (live.record.status !== 'RUNNING') {
      this.#persist(); // the history is complete only now
      return;
    }
    if (result.status === 'fulfilled') {
      this.#end(live.record, { status: 'SUCCEEDED', output: JSON.stringify(result.value) });
    } else if (result.reason instanceof ExecutionError && result.reason.cause instanceof Error) {
      const { name, message } = result.reason.cause;
      this.#end(live.record, { status: 'FAILED', error: name || undefined, cause: message || undefined });
    } else {
      this.#end(live.record, { status: 'FAILED', error: 'States.Runtime', cause: String(result.reason) });
    }
  }

  #release(live: LiveExecution): void {
    live.timeout?.cancel();
    for (const attempt of live.attempts) attempt.abandon();
    live.rollovers.clear();
  }

  #end(record: ExecutionRecord, end: ExecutionEnd): void {
    record.status = end.status;
    record.stopDate = new Date().toISOString();
    for (const key of ['output', 'error', 'cause'] as const) {
      if (end[key] !== undefined) record[key] = end[key];
    }
    for (const task of record.taskTokens) task.open = false;
    this.#persist();
    this.#emitStatusChange(record);
  }

  #emitStatusChange(record: ExecutionRecord): void {
    this.#background(this.#host.putEvents([statusChangeEvent(record)]));
  }

  #openTask(taskToken: string): TaskAttempt {
    if (typeof taskToken !== 'string' || !TOKEN_PATTERN.test(taskToken)) {
      throw new StepFunctionsApiError('InvalidToken', 'Invalid Token');
    }
    const attempt = this.#openTasks.get(taskToken);
    if (attempt) return attempt;
    if (this.#issuedTokens.has(taskToken)) {
      throw new StepFunctionsApiError('TaskTimedOut', 'Task Timed Out: the task has already been closed');
    }
    throw new StepFunctionsApiError('TaskDoesNotExist', 'Task Does Not Exist');
  }

  #machine(stateMachineArn: string): RegisteredStateMachine {
    const machine = this.#machines.get(stateMachineArn);
    if (machine) return machine;
    throw new StepFunctionsApiError(
      'StateMachineDoesNotExist',
      `State Machine Does Not Exist: '${stateMachineArn}'`,
    );
  }

  #record(executionArn: string): ExecutionRecord {
    const record = this.#records.get(executionArn);
    if (record) return record;
    throw new StepFunctionsApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
  }

  #persist(): void {
    this.#background(this.#file.save(() => ({ executions: [...this.#records.values()] })));
  }

  #track<T>(work: Promise<T>): Promise<T> {
    this.#inFlight.add(work);
    const forget = (): void => {
      this.#inFlight.delete(work);
    };
    work.then(forget, forget);
    return work;
  }

  #background(work: Promise<unknown>): void {
    this.#track(work).catch((error: unknown) => this.#recordFailure(error));
  }

  #recordFailure(error: unknown): void {
    this.#failures.push(error);
    process.emitWarning(`Local Step Functions: ${error instanceof Error ? error.message : String(error)}`);
  }

  #reportFailures(): void {
    if (this.#failures.length === 0) return;
    throw new AggregateError(this.#failures.splice(0), 'Local Step Functions background work failed');
  }
}
