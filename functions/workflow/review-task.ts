import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { auditRecord, caseKey } from '../../shared/adapters/outbox.ts';

const table = requiredEnv('CASES_TABLE');
const Input = z.object({
  taskToken: z.string().min(1),
  caseId: z.string().min(1),
  step: z.string().min(1),
  escalated: z.object({ result: z.object({ escalatedAt: z.string() }).optional() }).passthrough(),
});

/**
 * Workflow step (waitForTaskToken): opens a review task in the handling department's inbox. The task token
 * is stored with the task and never sent to a browser; a reviewer's decision resumes the workflow.
 */
export const handler = async (input: unknown) => {
  const { taskToken, caseId, step, escalated } = Input.parse(input);
  const { Item: kase } = await documents.send(new GetCommand({ TableName: table, Key: caseKey(caseId) }));
  const department = kase?.department ?? 'unknown';
  const region = kase?.handlingRegion ?? 'unknown';
  const openedAt = new Date().toISOString();
  const escalatedAt = escalated.result?.escalatedAt;
  await documents.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table,
            Item: {
              pk: `CASE#${caseId}`,
              sk: `TASK#${step}#${openedAt}`,
              caseId,
              step,
              status: 'open',
              taskToken,
              openedAt,
              escalatedAt,
              gsi2pk: `INBOX#${department}#${region}`,
              gsi2sk: `${kase?.deadline ?? '9999-12-31'}#${caseId}`,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: table,
            Item: auditRecord(
              caseId,
              'Review Requested',
              { step, department, handlingRegion: region },
              'workflow',
            ),
          },
        },
      ],
    }),
  );
  return { opened: true };
};
