import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { StatesRuntimeFailure } from './errors.ts';
import { parseReferencePath, type ReferencePath, type TaskLimitSpec, wrapParameters } from './task-limits.ts';

// The interpreter arms a plain setTimeout for every Task (60 s when TimeoutSeconds is absent) and every Wait,
// which Node fires after 1 ms once the delay passes 2^31-1 ms. So the definition it runs is an internal copy:
// Task and Wait states get an interpreter timeout it can hold, their real deadlines are kept by local timers,
// and a wait that outlasts ROLLOVER_AFTER_MS is handed back to the interpreter through a hidden retrier
// (ROLLOVER_ERROR) just before that timeout, then picked up again where it was. Wait states become Tasks so the
// same mechanism covers them. A Task with TimeoutSecondsPath or HeartbeatSecondsPath also gets Parameters that
// carry its state input (see task-limits.ts). The original definition is kept untouched for inspection.

export const ROLLOVER_ERROR = 'Local.TimerRollover';
export const ROLLOVER_AFTER_MS = 2_000_000_000;
const INTERPRETER_TASK_TIMEOUT_SECONDS = 2_100_000;
const ROLLOVER_RETRIER = { ErrorEquals: [ROLLOVER_ERROR], IntervalSeconds: 0, MaxAttempts: 99_999_999 };
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

// The parameters AWS requires of each optimized integration when the state machine is created.
const INTEGRATIONS = {
  'lambda:invoke': ['FunctionName'],
  'events:putEvents': ['Entries'],
  'sqs:sendMessage': ['QueueUrl', 'MessageBody'],
} as const;

export type Integration = 'lambda' | keyof typeof INTEGRATIONS;

export type StateSpec =
  | { type: 'wait' }
  | ({
      type: 'task';
      integration: Integration;
      /** `.waitForTaskToken`: the task ends when a task token is reported back. */
      callback: boolean;
      resource: string;
    } & TaskLimitSpec);

export interface PreparedDefinition {
  interpreter: StateMachine;
  /** Every Task and Wait state, nested ones included, by state name. */
  states: Map<string, StateSpec>;
  /** The states of the top level, where a restarted execution can be taken up again (see resumeAt). */
  topLevel: ReadonlySet<string>;
  startAt: string;
  /** The internal definition run from one of its top-level states instead of StartAt. */
  resumeAt(stateName: string): StateMachine;
  /** The execution's own TimeoutSeconds. */
  timeoutSeconds?: number;
}

export interface PrepareOptions {
  stateMachineName: string;
  partition: string;
  canSendSqs: boolean;
}

type Json = Record<string, unknown>;

export function prepareDefinition(definition: object, options: PrepareOptions): PreparedDefinition {
  try {
    new StateMachine(structuredClone(definition) as StateMachineDefinition);
  } catch (error) {
    throw definitionError(options, (error as Error).message);
  }
  const context = { ...options, states: new Map<string, StateSpec>(), names: new Set<string>() };
  const { TimeoutSeconds, ...root } = definition as Json;
  const internal = rewriteMachine(root, context);
  const interpreter = (startAt: string) =>
    new StateMachine({ ...internal, StartAt: startAt } as unknown as StateMachineDefinition, {
      validationOptions: { noValidate: true },
    });
  const startAt = String(internal.StartAt);
  const resumed = new Map<string, StateMachine>();
  return {
    interpreter: interpreter(startAt),
    states: context.states,
    topLevel: new Set(Object.keys(internal.States as object)),
    startAt,
    resumeAt(stateName) {
      const machine = resumed.get(stateName) ?? interpreter(stateName);
      resumed.set(stateName, machine);
      return machine;
    },
    timeoutSeconds: typeof TimeoutSeconds === 'number' ? TimeoutSeconds : undefined,
  };
}

type Context = PrepareOptions & { states: Map<string, StateSpec>; names: Set<string> };

function rewriteMachine(machine: Json, context: Context): Json {
  if (machine.QueryLanguage === 'JSONata') throw definitionError(context, 'JSONata is not supported locally');
  const states = Object.entries((machine.States ?? {}) as Record<string, Json>).map(([name, state]) => {
    // Task overrides are keyed by state name across nested branches, as AWS requires names to be unique anyway.
    if (context.names.has(name)) {
      throw definitionError(context, `state name '${name}' is used more than once`);
    }
    context.names.add(name);
    return [name, rewriteState(name, state, context)] as const;
  });
  return { ...machine, States: Object.fromEntries(states) };
}

function rewriteState(name: string, state: Json, context: Context): Json {
  if (state.QueryLanguage === 'JSONata') {
    throw definitionError(context, `state '${name}' uses JSONata, which is not supported locally`);
  }
  switch (state.Type) {
    case 'Task':
      return rewriteTask(name, state, context);
    case 'Wait':
      return rewriteWait(name, state, context);
    case 'Parallel':
      return {
        ...withTimeoutHandlers(state),
        Branches: (state.Branches as Json[]).map((branch) => rewriteMachine(branch, context)),
      };
    case 'Map': {
      for (const field of ['ItemReader', 'ResultWriter', 'ItemBatcher']) {
        if (field in state) {
          throw definitionError(context, `state '${name}' uses ${field}, not supported locally`);
        }
      }
      const processor = state.ItemProcessor ? 'ItemProcessor' : 'Iterator';
      return {
        ...withTimeoutHandlers(state),
        [processor]: rewriteMachine(state[processor] as Json, context),
      };
    }
    default:
      return state;
  }
}

function rewriteTask(name: string, state: Json, context: Context): Json {
  const { integration, callback } = classifyResource(name, state, context);
  const { TimeoutSeconds, HeartbeatSeconds, TimeoutSecondsPath, HeartbeatSecondsPath, ...rest } =
    withTimeoutHandlers(state);
  const timeoutSecondsPath = referencePath(name, 'TimeoutSecondsPath', TimeoutSecondsPath, context);
  const heartbeatSecondsPath = referencePath(name, 'HeartbeatSecondsPath', HeartbeatSecondsPath, context);
  context.states.set(name, {
    type: 'task',
    integration,
    callback,
    resource: state.Resource as string,
    timeoutSeconds: TimeoutSeconds as number | undefined,
    heartbeatSeconds: HeartbeatSeconds as number | undefined,
    timeoutSecondsPath,
    heartbeatSecondsPath,
  });
  return {
    ...rest,
    ...(timeoutSecondsPath || heartbeatSecondsPath ? { Parameters: wrapParameters(rest.Parameters) } : {}),
    TimeoutSeconds: INTERPRETER_TASK_TIMEOUT_SECONDS,
    Retry: [ROLLOVER_RETRIER, ...((rest.Retry as Json[] | undefined) ?? [])],
  };
}

function referencePath(
  name: string,
  field: string,
  value: unknown,
  context: Context,
): ReferencePath | undefined {
  if (value === undefined) return undefined;
  const path = parseReferencePath(value);
  if (path) return path;
  throw definitionError(
    context,
    `state '${name}' has ${field} ${JSON.stringify(value)}, which local mode does not support ` +
      `(supported: a reference path into the state input, such as $.review.timeoutSeconds)`,
  );
}

function classifyResource(
  name: string,
  state: Json,
  context: Context,
): { integration: Integration; callback: boolean } {
  const resource = state.Resource;
  const unsupported = (why: string): Error =>
    definitionError(context, `state '${name}' uses Task resource '${String(resource)}', ${why}`);
  if (typeof resource !== 'string') throw unsupported('which is not an ARN');
  const lambdaPrefix = `arn:${context.partition}:lambda:`;
  if (
    resource.startsWith(lambdaPrefix) &&
    /^[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/.test(resource.slice(lambdaPrefix.length))
  ) {
    return { integration: 'lambda', callback: false };
  }
  const statesPrefix = `arn:${context.partition}:states:::`;
  const [api, pattern, ...extra] = resource.startsWith(statesPrefix)
    ? resource.slice(statesPrefix.length).split('.')
    : [];
  if (
    !api ||
    !(api in INTEGRATIONS) ||
    extra.length > 0 ||
    (pattern !== undefined && pattern !== 'waitForTaskToken')
  ) {
    throw unsupported(
      'which local mode does not support (supported: Lambda function ARNs, lambda:invoke, events:putEvents, ' +
        `sqs:sendMessage, the last three also as .waitForTaskToken, in partition ${context.partition})`,
    );
  }
  if (api === 'sqs:sendMessage' && !context.canSendSqs) {
    throw unsupported('but local mode was started without SQS');
  }
  const integration = api as keyof typeof INTEGRATIONS;
  const parameters = (state.Parameters ?? {}) as Json;
  for (const field of INTEGRATIONS[integration]) {
    if (!(field in parameters) && !(`${field}.$` in parameters)) {
      throw definitionError(context, `state '${name}' calls ${api} without the required parameter ${field}`);
    }
  }
  const callback = pattern === 'waitForTaskToken';
  if (callback && !JSON.stringify(parameters).includes('$$.Task.Token')) {
    throw definitionError(
      context,
      `state '${name}' waits for a task token but its Parameters never pass $$.Task.Token`,
    );
  }
  return { integration, callback };
}

// A Wait state runs as a Task whose Parameters hand the local timer both the state input and the wait, which
// waitEnd() reads back.
function rewriteWait(name: string, state: Json, context: Context): Json {
  context.states.set(name, { type: 'wait' });
  const { Seconds, Timestamp, SecondsPath, TimestampPath, ...rest } = state;
  const wait =
    SecondsPath !== undefined
      ? { 'Seconds.$': SecondsPath }
      : TimestampPath !== undefined
        ? { 'Timestamp.$': TimestampPath }
        : Timestamp !== undefined
          ? { Timestamp }
          : { Seconds };
  return {
    ...rest,
    Type: 'Task',
    Resource: 'local:wait',
    Parameters: { 'Input.$': '$', ...wait },
    TimeoutSeconds: INTERPRETER_TASK_TIMEOUT_SECONDS,
    Retry: [ROLLOVER_RETRIER],
  };
}

/**
 * When a rewritten Wait state ends, and the output it passes on: at an instant (Timestamp, epoch ms, read
 * against the platform clock) or after a duration (Seconds).
 */
export function waitEnd(
  parameters: unknown,
): { output: unknown } & ({ timestamp: number } | { seconds: number }) {
  const { Input, Seconds, Timestamp } = parameters as {
    Input: unknown;
    Seconds?: unknown;
    Timestamp?: unknown;
  };
  if (Timestamp !== undefined) {
    const timestamp =
      typeof Timestamp === 'string' && RFC3339.test(Timestamp) ? Date.parse(Timestamp) : Number.NaN;
    if (Number.isNaN(timestamp)) {
      throw new StatesRuntimeFailure(`Wait: ${JSON.stringify(Timestamp)} is not an RFC 3339 timestamp`);
    }
    return { timestamp, output: Input };
  }
  if (typeof Seconds !== 'number' || !Number.isInteger(Seconds) || Seconds < 0) {
    throw new StatesRuntimeFailure(
      `Wait: ${JSON.stringify(Seconds)} is not a non-negative integer of seconds`,
    );
  }
  return { seconds: Seconds, output: Input };
}

// AWS still matches a heartbeat timeout with Retry and Catch on States.Timeout, its name before
// States.HeartbeatTimeout existed; the interpreter matches names exactly, so the alias is spelled out.
function withTimeoutHandlers(state: Json): Json {
  const alias = (handlers: unknown): Json[] | undefined =>
    (handlers as Json[] | undefined)?.map((handler) => {
      const errors = handler.ErrorEquals as string[];
      return errors.includes('States.Timeout') && !errors.includes('States.HeartbeatTimeout')
        ? { ...handler, ErrorEquals: [...errors, 'States.HeartbeatTimeout'] }
        : handler;
    });
  const copy = { ...state };
  if (state.Retry) copy.Retry = alias(state.Retry);
  if (state.Catch) copy.Catch = alias(state.Catch);
  return copy;
}

function definitionError(options: { stateMachineName: string }, message: string): Error {
  return new Error(`State machine ${options.stateMachineName}: ${message}`);
}
