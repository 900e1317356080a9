import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SupervisionRecorded } from '../../events/regulators.ts';
import { isConditionFailure } from './aws-errors.ts';

/**
 * Supervision records (审管协同) by licence holder, in the cases table, so that the approving body sees them on
 * the holder's later cases:
 *   HOLDER#<ID hash> / SUPERVISION#<recorded at>#<record id>   one inspection, penalty, warning or order
 */
export class SupervisionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Keeps a record once: the regulator's record id makes a redelivery or a replay write nothing. */
  async keep(record: SupervisionRecorded): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: `HOLDER#${record.holder.idHash}`,
            sk: `SUPERVISION#${record.recordedAt}#${record.regulator.department}#${record.recordId}`,
            record,
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

  /** A holder's records, newest first. */
  async of(idHash: string, limit = 20): Promise<SupervisionRecorded[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `HOLDER#${idHash}`, ':prefix': 'SUPERVISION#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map((i) => i.record as SupervisionRecorded);
  }
}
