import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { Case } from '../domain/cases/model.ts';
import { requiredEnv } from './env.ts';
import { stepfunctions } from './stepfunctions.ts';

/** The execution of a case's workflow: named after the case, and after the run once it was resumed. */
export const executionName = (c: Pick<Case, 'id' | 'workflowRun'>) =>
  c.workflowRun ? `${c.id}-run${c.workflowRun}` : c.id;

/**
 * Starts the approval workflow of a case, named after the case (and its run): starting it again (a retried
 * submission) finds the execution already there, so one case never runs two workflows.
 */
export async function startApproval(c: Pick<Case, 'id' | 'workflowRun'>): Promise<void> {
  try {
    await stepfunctions.send(
      new StartExecutionCommand({
        stateMachineArn: requiredEnv('APPROVAL_STATE_MACHINE_ARN'),
        name: executionName(c),
        input: JSON.stringify({ caseId: c.id }),
      }),
    );
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
  }
}

/** Resumes a workflow waiting on a task token, with the given output. */
export async function resume(taskToken: string, output: unknown): Promise<void> {
  await stepfunctions.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
}

/** Stops the workflow of a case that ended outside it (withdrawn): nothing waits for it any more. */
export async function stopApproval(c: Pick<Case, 'id' | 'workflowRun'>, cause: string): Promise<void> {
  const executionArn = `${requiredEnv('APPROVAL_STATE_MACHINE_ARN').replace(':stateMachine:', ':execution:')}:${executionName(c)}`;
  try {
    await stepfunctions.send(new StopExecutionCommand({ executionArn, error: 'Case.Closed', cause }));
  } catch (error) {
    if (!(error instanceof ExecutionDoesNotExist)) throw error;
  }
}
