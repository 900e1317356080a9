import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import { z } from 'zod';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { eventbridge } from '../../shared/adapters/eventbridge.ts';
import { logger } from '../../shared/adapters/logger.ts';

const bus = requiredEnv('HUB_BUS_NAME');
const MAX_ENTRIES = 10; // PutEvents accepts at most 10 entries per call

/** A stream record of an inserted item; the event source's filter lets through only those with an outbox. */
const Inserted = z.object({
  eventID: z.string(),
  dynamodb: z.object({ SequenceNumber: z.string(), NewImage: z.record(z.string(), z.unknown()) }),
});
type Inserted = z.infer<typeof Inserted>;
const Batch = z.object({ Records: z.array(Inserted) });

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
export const handler = eventHandler(
  { input: Batch },
  async ({ Records: records }): Promise<DynamoDBBatchResponse> => {
    for (let i = 0; i < records.length; i += MAX_ENTRIES) {
      const batch = records.slice(i, i + MAX_ENTRIES);
      const result = await eventbridge.send(new PutEventsCommand({ Entries: batch.map(toEntry) }));
      const failed = (result.Entries ?? []).findIndex((e) => e.ErrorCode);
      if (failed >= 0) {
        const record = batch[failed]!;
        logger.warn('outbox entry not accepted; Lambda will retry from it', {
          errorCode: result.Entries?.[failed]?.ErrorCode,
          sequenceNumber: record.dynamodb.SequenceNumber,
        });
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb.SequenceNumber }] };
      }
    }
    return { batchItemFailures: [] };
  },
);

function toEntry(record: Inserted): PutEventsRequestEntry {
  const image = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>);
  const outbox = image.outbox as OutboxRecord;
  return {
    EventBusName: bus,
    Source: outbox.source,
    DetailType: outbox.detailType,
    Detail: JSON.stringify({ ...outbox.detail, eventId: record.eventID }),
  };
}
