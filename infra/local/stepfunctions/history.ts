import type { StateMachine } from 'aws-local-stepfunctions';
import { ROLLOVER_ERROR, type StateSpec } from './definition.ts';

type EventLog =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer Event> ? Event : never;

/** One entry of the local execution history: the interpreter's event log, flattened and JSON-safe. */
export interface HistoryEvent {
  timestamp: string;
  type: string;
  stateName?: string;
  stateType?: string;
  /** The Map iteration the event belongs to. */
  index?: number;
  input?: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
}

/** The history entry for an interpreter event, or undefined for the rollovers local mode adds itself. */
export function historyEvent(event: EventLog, states: Map<string, StateSpec>): HistoryEvent | undefined {
  if (event.type === 'StateFailed' && event.Error === ROLLOVER_ERROR) return undefined;
  if (event.type === 'StateRetried' && event.retry.retrier.ErrorEquals.includes(ROLLOVER_ERROR)) {
    return undefined;
  }
  const entry: HistoryEvent = { timestamp: new Date(event.timestamp).toISOString(), type: event.type };
  if ('state' in event) {
    entry.stateName = event.state.name;
    // Wait states run as Tasks internally (see definition.ts); the history shows them as written.
    entry.stateType = states.get(event.state.name)?.type === 'wait' ? 'Wait' : event.state.type;
    entry.input = event.state.input;
    if (event.state.output !== undefined) entry.output = event.state.output;
  }
  if ('parentState' in event) {
    entry.stateName = event.parentState.name;
    entry.stateType = event.parentState.type;
  }
  if ('index' in event && event.index !== undefined) entry.index = event.index;
  if ('input' in event) entry.input = event.input;
  if ('output' in event) entry.output = event.output;
  if ('Error' in event) {
    entry.error = event.Error;
    entry.cause = typeof event.Cause === 'string' ? event.Cause : JSON.stringify(event.Cause);
  }
  return entry;
}
