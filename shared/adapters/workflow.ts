import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { requiredEnv } from './env.ts';
import { stepfunctions } from './stepfunctions.ts';

/**
 * Starts the approval workflow of a case, named after the case: starting it again (a retried submission)
 * finds the execution already there, so one case never runs two workflows.
 */
export async function startApproval(caseId: string): Promise<void> {
  try {
    await stepfunctions.send(
      new StartExecutionCommand({
        stateMachineArn: requiredEnv('APPROVAL_STATE_MACHINE_ARN'),
        name: caseId,
        input: JSON.stringify({ caseId }),
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
export async function stopApproval(caseId: string, cause: string): Promise<void> {
  const executionArn = `${requiredEnv('APPROVAL_STATE_MACHINE_ARN').replace(':stateMachine:', ':execution:')}:${caseId}`;
  try {
    await stepfunctions.send(new StopExecutionCommand({ executionArn, error: 'Case.Closed', cause }));
  } catch (error) {
    if (!(error instanceof ExecutionDoesNotExist)) throw error;
  }
}
