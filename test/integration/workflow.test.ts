import { randomUUID } from 'node:crypto';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TemplateModel } from '../../infra/local/assembly/model.ts';
import { documents, localModel, physicalName, stepFunctions } from '../support/assembly.ts';
import { eventually } from '../support/local.ts';

let model: TemplateModel;
let casesTable: string;
let stateMachineArn: string;

beforeAll(() => {
  model = localModel();
  casesTable = physicalName(model, 'AWS::DynamoDB::Table', 'CasesTable');
  stateMachineArn = physicalName(model, 'AWS::StepFunctions::StateMachine', 'ApprovalStateMachine');
});

async function openCase(): Promise<string> {
  const caseId = randomUUID();
  await documents().send(
    new PutCommand({
      TableName: casesTable,
      Item: {
        pk: `CASE#${caseId}`,
        sk: 'CASE',
        status: 'submitted',
        department: 'market-regulation',
        handlingRegion: '610100',
        requiredMaterials: ['articles'],
        materials: ['articles'],
      },
    }),
  );
  return caseId;
}

async function reviewTaskOf(caseId: string) {
  return eventually(async () => {
    const { Items } = await documents().send(
      new QueryCommand({
        TableName: casesTable,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :task)',
        ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':task': 'TASK#' },
      }),
    );
    return Items?.[0];
  });
}

describe('the approval workflow in local Step Functions', () => {
  it('runs exactly the definition synthesized into cdk.out', async () => {
    const sm = model.ofType('AWS::StepFunctions::StateMachine')[0]!;
    const { definition } = await stepFunctions().send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(JSON.parse(definition!)).toEqual(JSON.parse(String(model.properties(sm).DefinitionString)));
  });

  it('opens a review task, waits for its token, and concludes when the reviewer approves', async () => {
    const caseId = await openCase();
    const { executionArn } = await stepFunctions().send(
      new StartExecutionCommand({ stateMachineArn, name: caseId, input: JSON.stringify({ caseId }) }),
    );

    const task = await reviewTaskOf(caseId);
    expect(task).toMatchObject({ status: 'open', gsi2pk: 'INBOX#market-regulation#610100' });
    await stepFunctions().send(new SendTaskHeartbeatCommand({ taskToken: task.taskToken }));
    await stepFunctions().send(
      new SendTaskSuccessCommand({
        taskToken: task.taskToken,
        output: JSON.stringify({ outcome: 'approved' }),
      }),
    );

    const done = await eventually(async () => {
      const e = await stepFunctions().send(new DescribeExecutionCommand({ executionArn }));
      return e.status === 'RUNNING' ? undefined : e;
    });
    expect(done.status).toBe('SUCCEEDED');
    const { Item } = await documents().send(
      new GetCommand({ TableName: casesTable, Key: { pk: `CASE#${caseId}`, sk: 'CASE' } }),
    );
    expect(Item?.status).toBe('approved');
  });

  it('refuses a second success for a token that was already used', async () => {
    const caseId = await openCase();
    await stepFunctions().send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ caseId }) }),
    );
    const task = await reviewTaskOf(caseId);
    const approve = () =>
      stepFunctions().send(
        new SendTaskSuccessCommand({
          taskToken: task.taskToken,
          output: JSON.stringify({ outcome: 'denied' }),
        }),
      );
    await approve();
    await expect(approve()).rejects.toMatchObject({
      name: expect.stringMatching(/TaskDoesNotExist|TaskTimedOut|InvalidToken/),
    });
  });
});
