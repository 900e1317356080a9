import { type DynamoDBDocumentClient, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '../domain/notifications/notification.ts';
import { isConditionFailure } from './aws-errors.ts';

/**
 * The in-app inbox, in the cases table beside the cases it tells of:
 *   INBOX#<ID hash> / MESSAGE#<occurredAt>#<case event's idempotency key>
 * One item per notification, carrying its `Notification Requested` event as an outbox record: the table's
 * stream puts it on the hub (the outbox publisher takes inserts with an `outbox`), so an SMS or e-mail
 * integration hears of exactly the messages the inbox holds, and marking one read (a modify) sends nothing.
 */

/** The source and detail-type of the event an SMS or e-mail integration subscribes to. */
export const NOTIFICATION_SOURCE = 'tongban.notifications';
export const NOTIFICATION_REQUESTED = 'Notification Requested';

export const INBOX_PREFIX = 'INBOX#';
const MESSAGE_PREFIX = 'MESSAGE#';

export interface StoredMessage extends Pick<Notification, 'caseId' | 'template' | 'message' | 'channels'> {
  /** Opaque to clients: the message's sort key, base64url, so it names a message only in its owner's inbox. */
  id: string;
  createdAt: string;
  read: boolean;
  readAt?: string;
}

const idOf = (sk: string) => Buffer.from(sk.slice(MESSAGE_PREFIX.length)).toString('base64url');
const skOf = (id: string) => `${MESSAGE_PREFIX}${Buffer.from(id, 'base64url').toString('utf8')}`;

function toMessage(item: Record<string, unknown>): StoredMessage {
  return {
    id: idOf(item.sk as string),
    caseId: item.caseId as string,
    template: item.template as StoredMessage['template'],
    message: item.message as StoredMessage['message'],
    channels: item.channels as StoredMessage['channels'],
    createdAt: item.createdAt as string,
    read: item.read === true,
    ...(typeof item.readAt === 'string' ? { readAt: item.readAt } : {}),
  };
}

export class MessageStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /**
   * Writes the message once: a redelivered or replayed case event finds it there (the put is conditional) and
   * writes nothing, so no second message and no second event. True when it was written now.
   */
  async deliver(notification: Notification): Promise<boolean> {
    const { recipient, caseId, template, message, channels, occurredAt, idempotencyKey } = notification;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: `${INBOX_PREFIX}${recipient.idHash}`,
            sk: `${MESSAGE_PREFIX}${occurredAt}#${idempotencyKey}`,
            caseId,
            template,
            message,
            channels,
            createdAt: occurredAt,
            read: false,
            outbox: { source: NOTIFICATION_SOURCE, detailType: NOTIFICATION_REQUESTED, detail: notification },
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** One inbox, newest first. */
  async list(idHash: string, limit: number, start?: Record<string, unknown>) {
    const { Items, LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :message)',
        ExpressionAttributeValues: { ':pk': `${INBOX_PREFIX}${idHash}`, ':message': MESSAGE_PREFIX },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return { messages: (Items ?? []).map(toMessage), last: LastEvaluatedKey };
  }

  /**
   * Marks a message of this inbox read (the first time it was read is kept). Undefined when the inbox holds no
   * such message, which is also what an id from someone else's inbox comes to: it is looked up in this one.
   */
  async markRead(idHash: string, id: string, at: string): Promise<StoredMessage | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `${INBOX_PREFIX}${idHash}`, sk: skOf(id) },
          UpdateExpression: 'SET #read = :true, readAt = if_not_exists(readAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#read': 'read' },
          ExpressionAttributeValues: { ':true': true, ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toMessage(Attributes) : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }
}
