import { type DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { calendarWith, type WorkCalendar } from '../domain/clock/calendar.ts';
import type { YearData } from '../domain/clock/year-data.ts';
import { nowIso, nowMs } from './clock.ts';

const CACHE_MS = 5 * 60_000;

/** The source and detail-type of the event a loaded year publishes (events/clock.ts). */
export const CALENDAR_SOURCE = 'tongban.clock';
export const YEAR_LOADED = 'Calendar Year Loaded';

/**
 * Holiday years an administrator loaded (a notice not yet in `chinese-days`), kept in the matters table as
 * `CALENDAR / YEAR#<year>`, with `CALENDAR / LOADED#<at>#<year>` carrying the `Calendar Year Loaded` event
 * through the table's outbox. Functions keep the years for five minutes, unless a date fell in a year they
 * do not know: then they read them again on the next call, so a newly loaded year is used everywhere from the
 * next request.
 */
export class CalendarStore {
  private cached?: { calendar: WorkCalendar; at: number };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async calendar(fresh = false): Promise<WorkCalendar> {
    // A calendar that had to assume a year is read again each time: the year may have been loaded meanwhile.
    const cached = this.cached;
    if (!fresh && cached && cached.calendar.assumedYears().length === 0 && nowMs() - cached.at < CACHE_MS) {
      return cached.calendar;
    }
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :year)',
        ExpressionAttributeValues: { ':pk': 'CALENDAR', ':year': 'YEAR#' },
      }),
    );
    const calendar = calendarWith((Items ?? []).map((i) => i.year as YearData));
    this.cached = { calendar, at: nowMs() };
    return calendar;
  }

  /** Stores the year and, in the same transaction, the event that has every case that assumed it computed again. */
  async load(data: YearData, by: string): Promise<void> {
    const at = nowIso();
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: { pk: 'CALENDAR', sk: `YEAR#${data.year}`, year: data, loadedBy: by, loadedAt: at },
            },
          },
          {
            Put: {
              TableName: this.table,
              Item: {
                pk: 'CALENDAR',
                sk: `LOADED#${at}#${data.year}`,
                outbox: {
                  source: CALENDAR_SOURCE,
                  detailType: YEAR_LOADED,
                  detail: { year: data.year, source: data.source, loadedBy: by },
                },
              },
            },
          },
        ],
      }),
    );
    this.cached = undefined;
  }
}
