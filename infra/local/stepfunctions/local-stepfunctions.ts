import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DescribeExecutionOutput, ExecutionListItem, ExecutionStatus } from '@aws-sdk/client-sfn';
import { ExecutionError, type RunOptions } from 'aws-local-stepfunctions';
import { PlatformClock } from '../clock.ts';
import { warn } from '../warn.ts';
import { type PreparedDefinition, prepareDefinition, type StateSpec, waitEnd } from './definition.ts';
import { StateFailure, StepFunctionsApiError } from './errors.ts';
import {
  describe,
  type ExecutionEnd,
  type ExecutionRecord,
  listItem,
  type OpenState,
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
  /**
   * How long close() lets the task calls under way finish (10 s, Lambda's default timeout, when absent), so
   * their results are kept and a restart need not call them again.
   */
  drainSeconds?: number;
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
  /** For an execution taken up again after a restart: the state it re-enters, and that state's attempt as kept. */
  resume?: { stateName: string; kept?: OpenState };
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
const GONE_CAUSE = (what: string) =>
  `Local mode was restarted while this execution was running, and ${what}: it cannot be taken up again.`;

/**
 * Step Functions Standard workflows for local mode: the synthesized ASL runs on aws-local-stepfunctions, with
 * Task integrations, task tokens, timeouts and heartbeats emulated as AWS documents them and every execution
 * persisted to `dataDir/executions.json`.
 *
 * Executions outlive a restart of local mode, as they outlive anything on AWS's side. Each running execution
 * keeps the top-level state it is in and the input it entered it with (from the interpreter's event log), and
 * for a Task or Wait state under way its deadlines and its task token. `resumeInterrupted()` runs each one
 * again from that state: a callback task whose token was delivered goes on waiting on that same token, with
 * its TimeoutSeconds and heartbeat deadlines as they were; a Wait ends when it would have; any other Task is
 * invoked again, as a retry would (at least once, as AWS promises too). A state inside a Parallel or Map is
 * taken up with its enclosing top-level state, which runs again whole.
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
  /** Once closed: the open callback tasks, whose SendTask* calls are kept to take effect on restart. */
  readonly #stopped = new Map<string, OpenState>();
  readonly #issuedTokens = new Set<string>();
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #failures: unknown[] = [];
  /** Task calls under way, each settled once its call returns or its attempt ends otherwise (a timeout). */
  readonly #underWay = new Set<Promise<void>>();
  readonly #drainMs: number;
  /** Closing: the steps under way finish, and no new one starts before the restart. */
  #stopping = false;
  #closed = false;

  constructor(options: LocalStepFunctionsOptions) {
    this.#host = options.host;
    this.#region = options.region;
    this.#account = options.account;
    this.#partition = options.partition ?? 'aws';
    this.#clock = options.clock ?? new PlatformClock();
    this.#drainMs = (options.drainSeconds ?? 10) * 1000;
    this.#file = new JsonFile(join(options.dataDir, 'executions.json'));
    const stored = this.#file.read()?.executions ?? [];
    for (const record of stored) {
      if (record.stopDate && Date.now() - Date.parse(record.stopDate) > RETENTION_MS) continue;
      this.#records.set(record.executionArn, record);
      for (const { token } of record.taskTokens) this.#issuedTokens.add(token);
    }
    if (this.#records.size < stored.length) this.#persist();
  }

  /**
   * Takes up again every execution that was running when local mode last stopped, at the state it was in (see
   * the class comment); call it once the state machines are registered and the services their tasks call are
   * up. An execution whose state machine or state is no longer in the app fails with Local.PlatformRestarted.
   */
  resumeInterrupted(): { resumed: number; failed: number } {
    let resumed = 0;
    let failed = 0;
    for (const record of this.#records.values()) {
      if (record.status !== 'RUNNING' || this.#live.has(record.executionArn)) continue;
      const machine = this.#machines.get(record.stateMachineArn);
      const position = record.position ?? {
        stateName: machine?.prepared.startAt ?? '',
        input: JSON.parse(record.input),
      };
      if (!machine?.prepared.topLevel.has(position.stateName)) {
        const what = machine
          ? `its state ${position.stateName} is no longer in the state machine`
          : 'its state machine is no longer in the app';
        this.#end(record, { status: 'FAILED', error: 'Local.PlatformRestarted', cause: GONE_CAUSE(what) });
        failed++;
        continue;
      }
      const kept = record.openStates?.find(
        (open) => open.stateName === position.stateName && resumable(open),
      );
      // Any other token the execution held belonged to a task that will not go on: it answers TaskTimedOut.
      for (const task of record.taskTokens) if (task.token !== kept?.token) task.open = false;
      record.history.push({
        timestamp: new Date().toISOString(),
        type: 'ExecutionResumed',
        stateName: position.stateName,
        input: position.input,
        cause: kept?.token
          ? 'Local mode restarted: the execution goes on waiting for the task token it had issued'
          : 'Local mode restarted: the execution enters again the state it was in, with the same input',
      });
      this.#launch(record, machine, position.input, { stateName: position.stateName, kept });
      resumed++;
    }
    if (resumed + failed > 0) this.#persist();
    return { resumed, failed };
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
    const task = this.#openTask(request.taskToken);
    let output: unknown;
    try {
      output = JSON.parse(request.output);
    } catch (error) {
      throw new StepFunctionsApiError('InvalidOutput', `Invalid Output: ${error}`);
    }
    if (task instanceof TaskAttempt) task.succeed(output);
    else this.#keepResult(request.taskToken, task, { output });
    return {};
  }

  /** Without `error`, the task fails with no error name, as on AWS: only States.ALL and States.TaskFailed match. */
  sendTaskFailure(request: { taskToken: string; error?: string; cause?: string }): Record<string, never> {
    const task = this.#openTask(request.taskToken);
    const { error = '', cause } = request;
    if (task instanceof TaskAttempt) task.fail(new StateFailure(error, cause));
    else this.#keepResult(request.taskToken, task, { error, ...(cause !== undefined ? { cause } : {}) });
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
    const task = this.#openTask(request.taskToken);
    if (task instanceof TaskAttempt) task.heartbeat();
    else if (task.heartbeatSeconds !== undefined) {
      task.heartbeatAt = new Date(Date.now() + task.heartbeatSeconds * 1000).toISOString();
    }
    this.#persist();
    return {};
  }

  stopExecution(request: { executionArn: string; error?: string; cause?: string }): { stopDate: Date } {
    const record = this.#record(request.executionArn);
    const live = this.#live.get(request.executionArn);
    const end = { status: 'ABORTED' as const, error: request.error, cause: request.cause };
    if (record.status === 'RUNNING') {
      // One not taken up again since a restart has nothing under way to stop.
      if (live) this.#stop(live, end);
      else this.#end(record, end);
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

  /**
   * Stops every execution where it rests, to be taken up there after a restart (resumeInterrupted), and waits
   * for pending writes. The task calls under way may finish first (drainSeconds), their results kept; a state
   * entered meanwhile starts only after the restart. Close it before the functions its tasks call go away, so a
   * call they cut short is not taken for a failed task. SendTask* calls that still arrive (a decision under way
   * as local mode stops) are kept, and take effect on restart; `flushed()` waits for them to be written.
   */
  async close(): Promise<void> {
    if (!this.#stopping) {
      this.#stopping = true;
      await this.#drain();
      // A turn of the event loop lets each execution finish the transition under way and the readers of the
      // event logs catch up, so the position kept is the state the execution rests in.
      await new Promise((resolve) => setImmediate(resolve));
      for (const live of this.#live.values()) {
        live.record.openStates = this.#openStatesOf(live);
        for (const open of live.record.openStates) if (open.token) this.#stopped.set(open.token, open);
      }
      this.#closed = true;
      for (const live of this.#live.values()) {
        live.abort?.();
        this.#release(live);
      }
      this.#live.clear();
      this.#persist();
    }
    await this.flushed();
  }

  /** Waits, up to drainMs, for the task calls under way; their results move executions on to their next state. */
  async #drain(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.#drainMs);
    });
    while (this.#underWay.size > 0) {
      const all = Promise.all([...this.#underWay]).then(() => true as const);
      if (!(await Promise.race([all, cap]))) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    clearTimeout(timer);
  }

  /** Resolves once every write requested so far (task results kept after close included) is on disk. */
  async flushed(): Promise<void> {
    await this.#file.flushed();
    this.#reportFailures();
  }

  #launch(
    record: ExecutionRecord,
    machine: RegisteredStateMachine,
    input: unknown,
    resume?: LiveExecution['resume'],
  ): void {
    const live: LiveExecution = { record, machine, resume, attempts: new Set(), rollovers: new Map() };
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
    // A resumed execution runs from the state it was in. (The interpreter then sets the context object's
    // Execution.Input and StartTime to this run's; the approval workflow reads neither.)
    const interpreter = resume ? machine.prepared.resumeAt(resume.stateName) : machine.prepared.interpreter;
    const run = interpreter.run(input as never, {
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
    const { topLevel } = machine.prepared;
    const history = (async () => {
      let restarted = resume !== undefined;
      for await (const event of run.eventLogs) {
        // Once closed, what the abort sets off is not history: the execution goes on after a restart.
        if (this.#closed) continue;
        // A resumed run is not a new start; its ExecutionResumed entry is in the history already.
        if (restarted && event.type === 'ExecutionStarted') {
          restarted = false;
          continue;
        }
        const entry = historyEvent(event, machine.prepared.states);
        if (entry) record.history.push(entry);
        if (event.type === 'StateEntered' && topLevel.has(event.state.name)) {
          record.position = {
            stateName: event.state.name,
            input: event.state.input,
            enteredAt: new Date(event.timestamp).toISOString(),
          };
          // A state that may wait long is where a crash would most likely find the execution: keep it now.
          const spec = machine.prepared.states.get(event.state.name);
          if (spec?.type === 'wait' || (spec?.type === 'task' && spec.callback)) this.#persist();
        }
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
    let kept: OpenState | undefined;
    if (live.resume?.stateName === stateName) {
      kept = live.resume.kept;
      live.resume = undefined;
    }
    const attempt =
      live.rollovers.get(stateName)?.shift() ??
      // Entered while local mode stops: the state waits for the restart, which enters it again.
      (this.#stopping
        ? this.#newAttempt(live, stateName, undefined)
        : kept?.token
          ? this.#keptAttempt(live, stateName, kept.token, kept)
          : this.#startAttempt(live, stateName, spec, input, minted, kept));
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
    kept?: OpenState,
  ): TaskAttempt {
    if (spec.type === 'wait') {
      const attempt = this.#newAttempt(live, stateName, undefined);
      try {
        // A Timestamp is an instant of the platform's time, so moving the clock past it ends the wait; Seconds
        // are a duration, like task timeouts, and run on the system clock (from where it was before a restart).
        const { output, ...end } = waitEnd(input);
        if ('timestamp' in end) attempt.succeedWhen((fire) => this.#clock.at(end.timestamp, fire), output);
        else {
          const until = kept?.waitUntil ? Date.parse(kept.waitUntil) : Date.now() + end.seconds * 1000;
          attempt.succeedWhen((fire) => scheduleAt(until, fire), output, until);
        }
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
      const attempt = this.#newAttempt(live, stateName, undefined);
      attempt.fail(error as Error);
      return attempt;
    }
    const token = spec.callback ? (minted ?? mintTaskToken()) : undefined;
    const attempt = this.#newAttempt(live, stateName, token);
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
    const underWay = Promise.race([call, attempt.outcome]).then(
      () => undefined,
      () => undefined,
    );
    this.#underWay.add(underWay);
    void underWay.then(() => this.#underWay.delete(underWay));
    // A callback task's call only delivers the token; the task ends when the token comes back, or fails early.
    this.#track(call).then(
      (result) => {
        if (!token) return attempt.succeed(result);
        attempt.delivered = true;
        // Delivered as local mode was stopping: the restart must know not to deliver it again.
        const stopped = this.#stopped.get(token);
        if (stopped) stopped.delivered = true;
        this.#persist();
      },
      (error: Error) => attempt.fail(error),
    );
    return attempt;
  }

  /**
   * A callback task taken up after a restart: its token was delivered before, so the integration is not called
   * again; the task goes on waiting for that token under the deadlines it had, or takes the result that came
   * back while local mode was stopping.
   */
  #keptAttempt(live: LiveExecution, stateName: string, token: string, kept: OpenState): TaskAttempt {
    const attempt = this.#newAttempt(live, stateName, token);
    attempt.delivered = true;
    this.#openTasks.set(token, attempt);
    if (kept.result && 'output' in kept.result) attempt.succeed(kept.result.output);
    else if (kept.result) attempt.fail(new StateFailure(kept.result.error, kept.result.cause));
    else {
      if (kept.timeoutAt) attempt.limitUntil(Date.parse(kept.timeoutAt));
      if (kept.heartbeatSeconds !== undefined) {
        const due = kept.heartbeatAt ? Date.parse(kept.heartbeatAt) : undefined;
        attempt.expectHeartbeats(kept.heartbeatSeconds, due);
      }
    }
    return attempt;
  }

  #newAttempt(live: LiveExecution, stateName: string, token: string | undefined): TaskAttempt {
    const attempt: TaskAttempt = new TaskAttempt(stateName, token, () => this.#settled(live, attempt));
    live.attempts.add(attempt);
    return attempt;
  }

  #openStatesOf(live: LiveExecution): OpenState[] {
    return [...live.attempts].map((attempt) => attempt.snapshot());
  }

  /** A SendTask* result for a task that was open when local mode stopped: it takes effect on restart. */
  #keepResult(token: string, open: OpenState, result: NonNullable<OpenState['result']>): void {
    open.result = result;
    this.#stopped.delete(token);
    this.#persist();
  }

  #settled(live: LiveExecution, attempt: TaskAttempt): void {
    // Closing abandons the attempts under way; their tokens stay open, to be taken up after a restart.
    if (this.#closed) return;
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
    delete record.position;
    delete record.openStates;
    this.#persist();
    this.#emitStatusChange(record);
  }

  #emitStatusChange(record: ExecutionRecord): void {
    this.#background(this.#host.putEvents([statusChangeEvent(record)]));
  }

  /** The attempt a token completes; once closed, the open state kept for it instead. */
  #openTask(taskToken: string): TaskAttempt | OpenState {
    if (typeof taskToken !== 'string' || !TOKEN_PATTERN.test(taskToken)) {
      throw new StepFunctionsApiError('InvalidToken', 'Invalid Token');
    }
    const task = this.#closed ? this.#stopped.get(taskToken) : this.#openTasks.get(taskToken);
    if (task) return task;
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
    this.#background(
      this.#file.save(() => {
        for (const live of this.#live.values()) live.record.openStates = this.#openStatesOf(live);
        return { executions: [...this.#records.values()] };
      }),
    );
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
    warn('stepfunctions', error instanceof Error ? error.message : String(error));
  }

  #reportFailures(): void {
    if (this.#failures.length === 0) return;
    throw new AggregateError(this.#failures.splice(0), 'Local Step Functions background work failed');
  }
}

/** A kept state worth going on with: a callback task whose token reached its recipient, or a Wait of Seconds. */
function resumable(open: OpenState): boolean {
  return open.token ? open.delivered === true || open.result !== undefined : open.waitUntil !== undefined;
}
