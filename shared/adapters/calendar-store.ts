import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { calendarWith, UnpublishedYearError, type WorkCalendar } from '../domain/clock/calendar.ts';
import type { YearData } from '../domain/clock/year-data.ts';

const CACHE_MS = 5 * 60_000;

/**
 * Holiday years an administrator loaded (a notice not yet in `chinese-days`), kept in the matters table as
 * `CALENDAR / YEAR#<year>`. Functions keep them for five minutes; `withCalendar` re-reads them at once when a
 * date falls in a year it does not know, so a newly loaded year is in use everywhere from the next request.
 */
export class CalendarStore {
  private cached?: { calendar: WorkCalendar; at: number };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Runs `count` with the calendar; if it meets an unknown year, once more with freshly read years. */
  async withCalendar<T>(count: (calendar: WorkCalendar) => T): Promise<T> {
    try {
      return count(await this.calendar());
    } catch (error) {
      if (!(error instanceof UnpublishedYearError)) throw error;
      return count(await this.calendar(true));
    }
  }

  async calendar(refresh = false): Promise<WorkCalendar> {
    if (!refresh && this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.calendar;
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'CALENDAR' },
      }),
    );
    const calendar = calendarWith((Items ?? []).map((i) => i.year as YearData));
    this.cached = { calendar, at: Date.now() };
    return calendar;
  }

  async load(data: YearData, by: string): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: 'CALENDAR',
          sk: `YEAR#${data.year}`,
          year: data,
          loadedBy: by,
          loadedAt: new Date().toISOString(),
        },
      }),
    );
    this.cached = undefined;
  }
}
