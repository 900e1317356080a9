import type { DescribeExecutionOutput, ExecutionListItem, ExecutionStatus } from '@aws-sdk/client-sfn';
import type { HistoryEvent } from './history.ts';

/** An execution as persisted in executions.json. */
export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: string;
  stopDate?: string;
  /** Every token the execution issued; closed ones stay so they answer TaskTimedOut rather than TaskDoesNotExist. */
  taskTokens: {
    token: string;
    stateName: string;
    open: boolean;
    /** The limits the token's attempt runs under, as resolved (TimeoutSecondsPath included) when it was issued. */
    timeoutSeconds?: number;
    heartbeatSeconds?: number;
  }[];
  history: HistoryEvent[];
  /**
   * While RUNNING: the top-level state the execution is in and the input it entered it with, where a restart of
   * local mode takes it up again. Absent for an execution that has not entered its first state yet.
   */
  position?: { stateName: string; input: unknown; enteredAt: string };
  /** While RUNNING: the Task and Wait states under way, with the deadlines and tokens a restart keeps. */
  openStates?: OpenState[];
}

/** A Task or Wait state under way, as a restart finds it; instants are ISO 8601 on the system clock. */
export interface OpenState {
  stateName: string;
  /** A callback task's token, and whether it reached whoever will send it back. */
  token?: string;
  delivered?: boolean;
  /** When the task's TimeoutSeconds runs out. */
  timeoutAt?: string;
  heartbeatSeconds?: number;
  /** When the task fails unless a heartbeat comes first. */
  heartbeatAt?: string;
  /** When a Wait of Seconds ends (a Wait for a Timestamp ends at its timestamp, on the platform clock). */
  waitUntil?: string;
  /** What SendTaskSuccess or SendTaskFailure reported while local mode was stopping: applied on restart. */
  result?: { output: unknown } | { error: string; cause?: string };
}

export type ExecutionEnd = Pick<ExecutionRecord, 'status' | 'output' | 'error' | 'cause'>;

export function listItem(record: ExecutionRecord): ExecutionListItem {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: new Date(record.startDate),
    ...(record.stopDate ? { stopDate: new Date(record.stopDate) } : {}),
  };
}

export function describe(record: ExecutionRecord): DescribeExecutionOutput {
  return {
    ...listItem(record),
    input: record.input,
    inputDetails: { included: true },
    ...(record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
    ...(record.error !== undefined ? { error: record.error } : {}),
    ...(record.cause !== undefined ? { cause: record.cause } : {}),
  };
}

/** The event Step Functions sends to the default bus whenever a Standard execution changes status. */
export function statusChangeEvent(record: ExecutionRecord) {
  const detail = {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: Date.parse(record.startDate),
    stopDate: record.stopDate ? Date.parse(record.stopDate) : null,
    input: record.input,
    inputDetails: { included: true },
    output: record.output ?? null,
    outputDetails: record.output !== undefined ? { included: true } : null,
    error: record.error ?? null,
    cause: record.cause ?? null,
  };
  return {
    Source: 'aws.states',
    DetailType: 'Step Functions Execution Status Change',
    Detail: JSON.stringify(detail),
    Resources: [record.executionArn],
  };
}
