import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/cases/model.ts';
import { provincePartition, underRegion } from './region-partition.ts';

/**
 * Cases whose workflow stalled, for the supervisors of their region, in the cases table:
 *   STALLED#<province prefix> / <region>#<since>#<case id>   until the workflow is resumed
 * Written and removed in the transaction that marks or resumes the case, so the list and the cases agree.
 */
export interface StalledCase {
  caseId: string;
  matterName: string;
  department: string;
  region: string;
  status: Case['status'];
  state: string;
  error: string;
  since: string;
}

const keyOf = (c: Case, since: string) => ({
  pk: provincePartition('STALLED', c.handling.region),
  sk: `${c.handling.region}#${since}#${c.id}`,
});

export class StalledStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The Put that lists a stalled case (`c` as marked stalled), to write with the mark. */
  listing(c: Case) {
    const { at, state, error } = c.stalled!;
    const stalled: StalledCase = {
      caseId: c.id,
      matterName: c.matter.name,
      department: c.handling.department,
      region: c.handling.region,
      status: c.status,
      state,
      error,
      since: at,
    };
    return { Put: { TableName: this.table, Item: { ...keyOf(c, at), stalled } } };
  }

  /** The Delete that takes it off the list (`c` as it was, still marked), to write with the resumption. */
  unlisting(c: Case) {
    return { Delete: { TableName: this.table, Key: keyOf(c, c.stalled!.at) } };
  }

  async under(region: string, limit: number, start?: Record<string, unknown>) {
    const { Items, LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        ...underRegion('STALLED', region, { pk: 'pk', sk: 'sk' }),
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return { cases: (Items ?? []).map((i) => i.stalled as StalledCase), last: LastEvaluatedKey };
  }
}
