import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeEventBusCommand } from '@aws-sdk/client-eventbridge';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { CalendarStore } from '../../shared/adapters/calendar-store.ts';
import { now } from '../../shared/adapters/clock.ts';
import { documents, dynamodb } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventbridge } from '../../shared/adapters/eventbridge.ts';
import { s3 } from '../../shared/adapters/s3.ts';
import { stepfunctions } from '../../shared/adapters/stepfunctions.ts';
import { chinaDate } from '../../shared/domain/catalog/dates.ts';
import { yearOutlook } from '../../shared/domain/clock/outlook.ts';
import { httpHandler } from '../../shared/http/handler.ts';

const calendars = new CalendarStore(documents, requiredEnv('MATTERS_TABLE'));

const checks: Record<string, () => Promise<unknown>> = {
  dynamodb: () =>
    Promise.all(
      ['MATTERS_TABLE', 'CASES_TABLE'].map((t) =>
        dynamodb.send(new DescribeTableCommand({ TableName: requiredEnv(t) })),
      ),
    ),
  s3: () => s3.send(new HeadBucketCommand({ Bucket: requiredEnv('MATERIALS_BUCKET') })),
  eventbridge: () => eventbridge.send(new DescribeEventBusCommand({ Name: requiredEnv('HUB_BUS_NAME') })),
  stepfunctions: () =>
    stepfunctions.send(
      new DescribeStateMachineCommand({ stateMachineArn: requiredEnv('APPROVAL_STATE_MACHINE_ARN') }),
    ),
};

async function probe(check: () => Promise<unknown>) {
  const started = performance.now();
  try {
    await check();
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', error: (error as Error).name };
  }
}

/**
 * GET /api/health: every engine the platform depends on, probed in parallel with a cheap read; the platform's
 * time; and the yearly step — whether the next year's holiday schedule is loaded, reported from 60 days before.
 */
export const handler = httpHandler(async () => {
  const names = Object.keys(checks);
  const [results, calendar] = await Promise.all([
    Promise.all(names.map((n) => probe(checks[n]!))),
    calendars.calendar().catch(() => undefined),
  ]);
  const engines = Object.fromEntries(names.map((n, i) => [n, results[i]]));
  const up = results.every((r) => r.status === 'up');
  const at = now();
  const outlook = calendar && yearOutlook(calendar, chinaDate(at));
  return {
    statusCode: up ? 200 : 503,
    body: {
      status: up ? 'ok' : 'degraded',
      stage: process.env.STAGE,
      now: at.toISOString(),
      engines,
      ...(outlook
        ? {
            calendar: {
              nextYear: outlook.nextYear,
              nextYearLoaded: outlook.known,
              startsInDays: outlook.startsInDays,
              ...(outlook.warning
                ? { warning: { 'zh-CN': outlook.warning.zh, en: outlook.warning.en } }
                : {}),
            },
          }
        : {}),
    },
  };
});
