import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { nowIso } from './clock.ts';

/**
 * Which open cases assumed a year whose holiday schedule is not known (shared/domain/clock/provisional.ts), so
 * that the year, once known, is applied to exactly those — in the cases table:
 *   CALENDAR#<year> / CASE#<case id>   a case with a date (deadline, reminder held, task) that assumed the year
 *   CALENDAR / PENDING#<year>          a year some case waited for: what the daily check looks at (kept: a
 *                                      year is a few bytes, and a late watch must never lose its marker)
 * Writing a watch twice changes nothing; a case leaves the list when the year has been applied to it.
 */
export class CalendarWatch {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async watch(caseId: string, years: readonly number[]): Promise<void> {
    if (years.length === 0) return;
    const since = nowIso();
    const items = years.flatMap((year) => [
      { pk: `CALENDAR#${year}`, sk: `CASE#${caseId}`, caseId, year, since },
      { pk: 'CALENDAR', sk: `PENDING#${year}`, year },
    ]);
    // At most a few years per case: well under BatchWriteItem's 25 items.
    let unprocessed: Record<string, unknown>[] | undefined = items.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; unprocessed && unprocessed.length > 0 && attempt < 5; attempt++) {
      const result = await this.db.send(
        new BatchWriteCommand({ RequestItems: { [this.table]: unprocessed as never } }),
      );
      unprocessed = result.UnprocessedItems?.[this.table] as Record<string, unknown>[] | undefined;
    }
    if (unprocessed && unprocessed.length > 0)
      throw new Error(`calendar watch of case ${caseId} not written`);
  }

  /** A page of the cases waiting for a year. */
  async waitingFor(year: number, limit = 100, start?: Record<string, unknown>) {
    const { Items, LastEvaluatedKey } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `CALENDAR#${year}` },
        Limit: limit,
        ExclusiveStartKey: start,
      }),
    );
    return { caseIds: (Items ?? []).map((i) => i.caseId as string), last: LastEvaluatedKey };
  }

  async applied(year: number, caseId: string): Promise<void> {
    await this.db.send(
      new DeleteCommand({ TableName: this.table, Key: { pk: `CALENDAR#${year}`, sk: `CASE#${caseId}` } }),
    );
  }

  /** The years some case waited for (perhaps none still does). */
  async pendingYears(): Promise<number[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :pending)',
        ExpressionAttributeValues: { ':pk': 'CALENDAR', ':pending': 'PENDING#' },
      }),
    );
    return (Items ?? []).map((i) => i.year as number).sort((a, b) => a - b);
  }
}
