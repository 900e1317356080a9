import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { HeldLicence } from '../domain/cases/evidence.ts';

/**
 * The e-licences a holder holds (电子证照), as the evidence check looks them up, in the cases table:
 *   HOLDER#<ID hash> / LICENCE#<licence id>   one e-licence issued to the holder
 * Nothing issues e-licences yet (the e-licence capability is to come), so no claim of one can be proven: it is
 * refused with the reason, never taken on the applicant's word.
 */
export class LicenceStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async heldBy(idHash: string): Promise<HeldLicence[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :licence)',
        ExpressionAttributeValues: { ':pk': `HOLDER#${idHash}`, ':licence': 'LICENCE#' },
      }),
    );
    return (Items ?? []).map((i) => i.licence as HeldLicence);
  }
}
