import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { readCloudAssembly } from '../../infra/local/assembly/cloud-assembly.ts';
import { TemplateModel } from '../../infra/local/assembly/model.ts';
import { LOCAL_ACCOUNT, LOCAL_CREDENTIALS } from '../../infra/local/platform.ts';
import { endpoints } from './local.ts';

/** The synthesized app the shared local platform runs, read the way local mode reads it. */
export function localModel(): TemplateModel {
  return new TemplateModel(readCloudAssembly(inject('assemblyDir')), LOCAL_ACCOUNT);
}

/** The physical name of the one resource of `type` whose logical id starts with `prefix`. */
export function physicalName(model: TemplateModel, type: string, prefix: string): string {
  const found = model.ofType(type).filter((r) => r.logicalId.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one ${type} ${prefix}*, found ${found.length}`);
  return model.ref(found[0]!);
}

const client = { region: LOCAL_ACCOUNT.region, credentials: LOCAL_CREDENTIALS };

export const documents = () =>
  DynamoDBDocumentClient.from(new DynamoDBClient({ ...client, endpoint: endpoints().dynamodb }), {
    marshallOptions: { removeUndefinedValues: true },
  });

export const stepFunctions = () => new SFNClient({ ...client, endpoint: endpoints().aws });

/** The ARN of the first approval workflow execution of a case (executions are named after their case). */
export const approvalExecutionArn = (caseId: string) =>
  `${physicalName(localModel(), 'AWS::StepFunctions::StateMachine', 'ApprovalStateMachine').replace(
    ':stateMachine:',
    ':execution:',
  )}:${caseId}`;
