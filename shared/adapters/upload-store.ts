import { type DynamoDBDocumentClient, GetCommand, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import {
  type AcceptedUpload,
  MaterialUpload,
  type PendingUpload,
  type RejectedUpload,
} from '../domain/materials/uploads.ts';
import { isConditionFailure } from './aws-errors.ts';
import { nowMs } from './clock.ts';

/**
 * Uploads in the cases table, beside the case they belong to:
 *   CASE#<id> / MATERIAL#<materialId>#<uploadId>   one upload: pending, then accepted or rejected
 * A pending record expires (expiresAt, the table's TTL) if no file ever arrives; a checked one stays.
 */
const PENDING_TTL_SECONDS = 7 * 24 * 3600;

const keyOf = (caseId: string, materialId: string, uploadId: string) => ({
  pk: `CASE#${caseId}`,
  sk: `MATERIAL#${materialId}#${uploadId}`,
});

export class UploadStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async request(upload: PendingUpload): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...keyOf(upload.caseId, upload.materialId, upload.uploadId),
          ...upload,
          expiresAt: Math.floor(nowMs() / 1000) + PENDING_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(caseId: string, materialId: string, uploadId: string): Promise<MaterialUpload | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: keyOf(caseId, materialId, uploadId),
        // The check runs seconds after the request was recorded; an eventually consistent read could miss it.
        ConsistentRead: true,
      }),
    );
    return Item ? MaterialUpload.parse(Item) : undefined;
  }

  /**
   * Records the outcome of the check, only over the pending record: an event delivered twice (or two
   * deliveries at once) settles an upload once. False when it was settled already.
   */
  async settle(upload: AcceptedUpload | RejectedUpload): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keyOf(upload.caseId, upload.materialId, upload.uploadId), ...upload },
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Every upload of a case, or of one of its materials. */
  async list(caseId: string, materialId?: string): Promise<MaterialUpload[]> {
    const out: MaterialUpload[] = [];
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': `CASE#${caseId}`,
          // The trailing # keeps material "id" from matching "id-card".
          ':prefix': materialId === undefined ? 'MATERIAL#' : `MATERIAL#${materialId}#`,
        },
      },
    );
    for await (const page of pages) out.push(...(page.Items ?? []).map((i) => MaterialUpload.parse(i)));
    return out;
  }

  /** The material's most recently checked accepted upload: the file that stands for it. */
  async latestAccepted(caseId: string, materialId: string): Promise<AcceptedUpload | undefined> {
    const accepted = (await this.list(caseId, materialId)).filter(
      (u): u is AcceptedUpload => u.status === 'accepted',
    );
    return accepted.sort((a, b) => b.checkedAt.localeCompare(a.checkedAt))[0];
  }
}
