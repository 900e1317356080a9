import { randomUUID } from 'node:crypto';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Message } from '../domain/cases/model.ts';
import { nowIso } from './clock.ts';

/**
 * Answers from department systems that changed nothing — invalid, or matching no open task — kept for the
 * administrators (GET /api/integrations/failures) and sent to a dead-letter queue with the reason:
 *   INTEGRATION#FAILURES / <at>#<uuid>   one rejected answer, newest last
 */
export interface IntegrationFailure {
  id: string;
  at: string;
  source: string;
  detailType: string;
  reason: Message;
  /** The answer as it came (answers carry no personal data: a reviewer id, a reason). */
  detail: unknown;
}

const PK = 'INTEGRATION#FAILURES';

export class IntegrationFailures {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly sqs?: { client: SQSClient; queueUrl: string },
  ) {}

  async record(failure: Omit<IntegrationFailure, 'id' | 'at'>): Promise<IntegrationFailure> {
    const recorded = { ...failure, id: randomUUID(), at: nowIso() };
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: PK, sk: `${recorded.at}#${recorded.id}`, failure: recorded },
      }),
    );
    if (this.sqs) {
      await this.sqs.client.send(
        new SendMessageCommand({
          QueueUrl: this.sqs.queueUrl,
          MessageBody: JSON.stringify(recorded),
          MessageAttributes: { reason: { DataType: 'String', StringValue: recorded.reason.code } },
        }),
      );
    }
    return recorded;
  }

  /** Newest first. */
  async list(limit: number, start?: Record<string, unknown>) {
    const { Items, LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': PK },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return { failures: (Items ?? []).map((i) => i.failure as IntegrationFailure), last: LastEvaluatedKey };
  }
}
