import { DeleteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/cases/model.ts';
import { provincePartition, underRegion } from './region-partition.ts';

/**
 * Cases past their legal deadline (红灯), for the supervisors of their region, in the cases table:
 *   OVERDUE#<province prefix> / <region>#<deadline>#<case id>   while the case is undecided
 * One partition per province: overdue cases are few, and a province's supervisors read them all at once.
 */
export interface OverdueCase {
  caseId: string;
  matterName: string;
  department: string;
  region: string;
  deadline: string;
  since: string;
}

const keyOf = (c: Case, deadline: string) => ({
  pk: provincePartition('OVERDUE', c.handling.region),
  sk: `${c.handling.region}#${deadline}#${c.id}`,
});

export class OverdueStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The Put that lists a case, to write in the transaction that records its red warning. */
  listing(c: Case, deadline: string, since: string) {
    const overdue: OverdueCase = {
      caseId: c.id,
      matterName: c.matter.name,
      department: c.handling.department,
      region: c.handling.region,
      deadline,
      since,
    };
    return { Put: { TableName: this.table, Item: { ...keyOf(c, deadline), overdue } } };
  }

  /** Takes a decided or ended case off the list (the deadline it was listed under is kept on the case). */
  async remove(c: Case): Promise<void> {
    const deadline = c.clock?.warned?.red;
    if (!deadline) return;
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: keyOf(c, deadline) }));
  }

  /** Overdue cases under a region (a city, or a province: every city in it), by region and deadline. */
  async under(region: string, limit: number, start?: Record<string, unknown>) {
    const { Items, LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        ...underRegion('OVERDUE', region, { pk: 'pk', sk: 'sk' }),
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return { cases: (Items ?? []).map((i) => i.overdue as OverdueCase), last: LastEvaluatedKey };
  }
}
