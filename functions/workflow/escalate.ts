import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { auditRecord, caseKey } from '../../shared/adapters/outbox.ts';

const table = requiredEnv('CASES_TABLE');
const Input = z.object({ caseId: z.string().min(1), step: z.string().min(1) });

/** Workflow step: a review ran out of time; the case is marked escalated and the supervisor is told. */
export const handler = async (input: unknown) => {
  const { caseId, step } = Input.parse(input);
  const escalatedAt = new Date().toISOString();
  await documents.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table,
            Key: caseKey(caseId),
            UpdateExpression: 'SET escalatedAt = :at, escalations = if_not_exists(escalations, :zero) + :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':at': escalatedAt, ':zero': 0, ':one': 1 },
          },
        },
        { Put: { TableName: table, Item: auditRecord(caseId, 'Review Escalated', { step }, 'workflow') } },
      ],
    }),
  );
  return { escalatedAt };
};
