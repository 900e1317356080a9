import { StatesRuntimeFailure } from './errors.ts';

// TimeoutSecondsPath and HeartbeatSecondsPath read the state input (after InputPath, like a Wait's SecondsPath),
// never the Parameters output: AWS's own example pairs `"Parameters": { "JobName": "myGlueJob" }` with
// `"TimeoutSecondsPath": "$.params.maxTime"`. The interpreter only hands a task its Parameters output, so a task
// using either path gets internal Parameters that carry both (see wrapParameters), and resolveTaskLimits()
// separates them again when an attempt starts. Both are resolved then, before the task is called, since AWS
// reports both limits when it schedules the task; a value that is not a positive integer is States.Runtime.

/** AWS's TimeoutSeconds when a Task has none. */
export const DEFAULT_TASK_TIMEOUT_SECONDS = 99_999_999;

/** A Reference Path (`$`, `.field`, `['field']`, `[0]`): it selects one node at most. */
export interface ReferencePath {
  text: string;
  segments: (string | number)[];
}

/**
 * A task's limits as its definition states them. Declared here, where they are resolved, and taken into
 * definition.ts's StateSpec, so this module needs nothing of the definition module that calls it.
 */
export interface TaskLimitSpec {
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /** TimeoutSecondsPath; when either path is set, the task's internal Parameters are wrapped (wrapParameters). */
  timeoutSecondsPath?: ReferencePath;
  heartbeatSecondsPath?: ReferencePath;
}

export interface TaskLimits {
  /** The task's effective input: the Parameters output, or the state input when there are no Parameters. */
  input: unknown;
  timeoutSeconds: number;
  heartbeatSeconds?: number;
}

const STATE_INPUT = 'StateInput';
const PARAMETERS = 'Parameters';
const SEGMENT = /^(?:\.([^.[\]'"*?@()\s]+)|\['([^']*)'\]|\["([^"]*)"\]|\[(\d+)\])/;

/** The parsed path, or undefined when it is not a Reference Path into the state input (a `$$` path is not). */
export function parseReferencePath(text: unknown): ReferencePath | undefined {
  if (typeof text !== 'string' || !text.startsWith('$') || text.startsWith('$$')) return undefined;
  const segments: (string | number)[] = [];
  let rest = text.slice(1);
  while (rest) {
    const match = SEGMENT.exec(rest);
    if (!match) return undefined;
    const [whole, dotted, quoted, doubleQuoted, index] = match;
    segments.push(index !== undefined ? Number(index) : ((dotted ?? quoted ?? doubleQuoted) as string));
    rest = rest.slice(whole.length);
  }
  return { text, segments };
}

/** Internal Parameters that hand the task both the state input and the original Parameters output. */
export function wrapParameters(parameters: unknown): Record<string, unknown> {
  return { [`${STATE_INPUT}.$`]: '$', ...(parameters === undefined ? {} : { [PARAMETERS]: parameters }) };
}

/** The effective input and the resolved limits of a task attempt; throws States.Runtime on a bad path value. */
export function resolveTaskLimits(spec: TaskLimitSpec, parameters: unknown): TaskLimits {
  const { timeoutSecondsPath, heartbeatSecondsPath } = spec;
  if (!timeoutSecondsPath && !heartbeatSecondsPath) {
    return {
      input: parameters,
      timeoutSeconds: spec.timeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS,
      heartbeatSeconds: spec.heartbeatSeconds,
    };
  }
  const wrapped = parameters as Record<string, unknown>;
  const stateInput = wrapped[STATE_INPUT];
  return {
    input: PARAMETERS in wrapped ? wrapped[PARAMETERS] : stateInput,
    timeoutSeconds: timeoutSecondsPath
      ? positiveInteger('TimeoutSecondsPath', timeoutSecondsPath, stateInput)
      : (spec.timeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS),
    heartbeatSeconds: heartbeatSecondsPath
      ? positiveInteger('HeartbeatSecondsPath', heartbeatSecondsPath, stateInput)
      : spec.heartbeatSeconds,
  };
}

function positiveInteger(field: string, path: ReferencePath, input: unknown): number {
  let node = input;
  for (const segment of path.segments) {
    const container = node as Record<string | number, unknown> | null;
    const found =
      typeof segment === 'number'
        ? Array.isArray(container) && segment < container.length
        : typeof container === 'object' &&
          container !== null &&
          !Array.isArray(container) &&
          Object.hasOwn(container, segment);
    if (!found) {
      // Worded like the cause AWS gives when the path selects nothing.
      const normalized = path.segments.map((part) =>
        typeof part === 'number' ? `[${part}]` : `['${part}']`,
      );
      throw new StatesRuntimeFailure(
        `Invalid path '${path.text}' : No results for path: $${normalized.join('')}`,
      );
    }
    node = container?.[segment];
  }
  if (typeof node !== 'number' || !Number.isInteger(node) || node <= 0) {
    throw new StatesRuntimeFailure(
      `${field} '${path.text}' selected ${JSON.stringify(node)}, but its value must be a positive integer`,
    );
  }
  return node;
}
