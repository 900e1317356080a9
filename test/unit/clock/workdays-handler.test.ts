import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Workdays } from '../../../shared/http/schemas/calendar.ts';

// The handler reads its table name when it loads; the years an administrator loaded come from DynamoDB.
vi.hoisted(() => {
  process.env.MATTERS_TABLE = 'matters';
});
const { handler } = await import('../../../functions/calendar/workdays.ts');
const dynamodb = mockClient(DynamoDBDocumentClient);
beforeEach(() => {
  dynamodb.reset();
  dynamodb.on(QueryCommand).resolves({ Items: [] });
});

const context = {
  awsRequestId: 'req-1',
  functionName: 'calendar-workdays',
  getRemainingTimeInMillis: () => 1000,
} as Context;

function get(query: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'GET /api/calendar/workdays',
    rawPath: '/api/calendar/workdays',
    rawQueryString: new URLSearchParams(query).toString(),
    queryStringParameters: query,
    headers: {},
    requestContext: {} as APIGatewayProxyEventV2['requestContext'],
    isBase64Encoded: false,
  };
}

async function call(query: Record<string, string>) {
  const result = (await handler(get(query), context)) as { statusCode: number; body: string };
  return { status: result.statusCode, body: JSON.parse(result.body) };
}

describe('GET /api/calendar/workdays', () => {
  it('given a date and a number of days, then it answers the deadline and the schedule it used', async () => {
    const { status, body } = await call({ from: '2025-09-26', add: '20' });
    expect(status).toBe(200);
    expect(Workdays.parse(body)).toMatchObject({ from: '2025-09-26', add: 20, date: '2025-10-30' });
    expect(body.calendarSource).toMatch(/^chinese-days .*2025/);
  });

  it('given a span over New Year, then it names the schedule of both years', async () => {
    const { body } = await call({ from: '2024-12-31', add: '1' });
    expect(body.date).toBe('2025-01-02');
    expect(body.calendarSource.split('; ')).toHaveLength(2);
  });

  it.each([
    ['a day that does not exist', { from: '2025-02-30', add: '1' }, 'from'],
    ['a date in another shape', { from: '2025/10/01', add: '1' }, 'from'],
    ['an empty number of days', { from: '2025-10-01', add: '' }, 'add'],
    ['more than 366 days', { from: '2025-10-01', add: '367' }, 'add'],
    ['a negative number of days', { from: '2025-10-01', add: '-1' }, 'add'],
  ])('given %s, then it answers 400 VALIDATION_FAILED', async (_, query, path) => {
    const { status, body } = await call(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toEqual([expect.objectContaining({ path })]);
  });

  it('given a count that runs into 2027, then it answers a provisional date, with the year and the reason', async () => {
    const { status, body } = await call({ from: '2026-12-31', add: '1' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ date: '2027-01-04', provisional: { years: [2027] } });
    expect(body.provisional['zh-CN']).toContain('暂定');
    expect(body.provisional.en).toContain('not published');
    expect(body.calendarSource).toContain('2027');
  });

  it('given a count within published years, then nothing is provisional', async () => {
    const { body } = await call({ from: '2025-09-26', add: '20' });
    expect(body).toMatchObject({ date: '2025-10-30' });
    expect(body.provisional).toBeUndefined();
  });

  it('given a year far beyond any schedule, then it answers 400, not 500', async () => {
    const { status, body } = await call({ from: '9999-12-31', add: '366' });
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
  });
});
