import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { executionName } from '../../shared/adapters/workflow.ts';
import type { Case } from '../../shared/domain/cases/model.ts';
import { FINAL } from '../../shared/domain/cases/stall.ts';
import { documents, localModel, physicalName, stepFunctions } from './assembly.ts';
import { call } from './local.ts';

export interface StuckCase {
  caseId: string;
  status: Case['status'];
  stalled?: Case['stalled'];
}

/**
 * Cases with no open work and no final state: not ended, and no workflow execution running for them. A stalled
 * case is one of them too — visible to its supervisors, but stuck until someone resumes it.
 */
export async function stuckCases(): Promise<StuckCase[]> {
  const model = localModel();
  const table = physicalName(model, 'AWS::DynamoDB::Table', 'CasesTable');
  const machine = physicalName(model, 'AWS::StepFunctions::StateMachine', 'ApprovalStateMachine');
  const running = new Set<string>();
  let token: string | undefined;
  do {
    const page = await stepFunctions().send(
      new ListExecutionsCommand({ stateMachineArn: machine, statusFilter: 'RUNNING', nextToken: token }),
    );
    for (const e of page.executions ?? []) if (e.name) running.add(e.name);
    token = page.nextToken;
  } while (token);
  const cases: Case[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    // A test's check, not a handler's: a Scan over the whole table is what it is for.
    const page = await documents().send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'sk = :case',
        ExpressionAttributeValues: { ':case': 'CASE' },
        ExclusiveStartKey: start,
      }),
    );
    // Items a test wrote by hand (an outbox record, say) may have the key and nothing of a case.
    cases.push(...(page.Items ?? []).flatMap((i) => (i.case?.status ? [i.case as Case] : [])));
    start = page.LastEvaluatedKey;
  } while (start);
  return cases
    .filter((c) => !FINAL.includes(c.status) && c.status !== 'draft' && !running.has(executionName(c)))
    .map((c) => ({ caseId: c.id, status: c.status, ...(c.stalled ? { stalled: c.stalled } : {}) }));
}

/**
 * Fails when a case is stuck. A case seen stuck is looked at again once the platform is idle, so that one caught
 * between its write and the start of its workflow (another test file's, running alongside) is not reported.
 */
export async function expectNoStuckCases(): Promise<void> {
  const first = await stuckCases();
  if (first.length === 0) return;
  await call('/local/idle');
  const again = await stuckCases();
  expect(again.filter((c) => first.some((f) => f.caseId === c.caseId))).toEqual([]);
}
