import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventbridge } from '../../shared/adapters/eventbridge.ts';
import { logger } from '../../shared/adapters/logger.ts';

const bus = requiredEnv('HUB_BUS_NAME');
const MAX_ENTRIES = 10; // PutEvents accepts at most 10 entries per call

interface OutboxRecord {
  source: string;
  detailType: string;
  detail: Record<string, unknown>;
}

/**
 * The transactional outbox: an audit record written in the same transaction as a case change carries the
 * event to publish (as does an applicant's inbox message, its `Notification Requested` event: any inserted
 * item with an `outbox`). Records are published in stream order; the first failure is reported so Lambda
 * retries from there (ReportBatchItemFailures), and nothing after it is skipped.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (let i = 0; i < event.Records.length; i += MAX_ENTRIES) {
    const batch = event.Records.slice(i, i + MAX_ENTRIES);
    const entries = batch.map(toEntry);
    const result = await eventbridge.send(new PutEventsCommand({ Entries: entries }));
    const failed = (result.Entries ?? []).findIndex((e) => e.ErrorCode);
    if (failed >= 0) {
      const record = batch[failed]!;
      logger.warn('outbox entry not accepted; Lambda will retry from it', {
        errorCode: result.Entries?.[failed]?.ErrorCode,
        sequenceNumber: record.dynamodb?.SequenceNumber,
      });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};

function toEntry(record: DynamoDBRecord): PutEventsRequestEntry {
  const image = unmarshall(record.dynamodb?.NewImage as Record<string, AttributeValue>);
  const outbox = image.outbox as OutboxRecord;
  return {
    EventBusName: bus,
    Source: outbox.source,
    DetailType: outbox.detailType,
    Detail: JSON.stringify({ ...outbox.detail, eventId: record.eventID }),
  };
}
