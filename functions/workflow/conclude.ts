import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { auditRecord, caseKey } from '../../shared/adapters/outbox.ts';

const table = requiredEnv('CASES_TABLE');
const Input = z.object({
  caseId: z.string().min(1),
  decision: z.object({ outcome: z.enum(['approved', 'denied']), reason: z.string().optional() }),
});

/** Workflow step: records the decision; the conditional write makes a second conclusion impossible. */
export const handler = async (input: unknown) => {
  const { caseId, decision } = Input.parse(input);
  await documents.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table,
            Key: caseKey(caseId),
            UpdateExpression: 'SET #status = :status, concludedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND #status <> :status',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': decision.outcome, ':at': new Date().toISOString() },
          },
        },
        { Put: { TableName: table, Item: auditRecord(caseId, 'Case Decided', decision, 'workflow') } },
      ],
    }),
  );
  return { outcome: decision.outcome };
};
