import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateScheduleInput } from '@aws-sdk/client-scheduler';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlatformClock } from '../../../infra/local/clock.ts';
import { LocalScheduler, type SchedulerHost } from '../../../infra/local/scheduler/scheduler.ts';

const PARTITION = 'aws-cn';
const REGION = 'cn-northwest-1';
const ACCOUNT = '123456789012';
const FUNCTION_ARN = `arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:remind`;
const ROLE_ARN = `arn:${PARTITION}:iam::${ACCOUNT}:role/scheduler`;
const BUS_ARN = `arn:${PARTITION}:events:${REGION}:${ACCOUNT}:event-bus/cases`;
const DLQ_ARN = `arn:${PARTITION}:sqs:${REGION}:${ACCOUNT}:reminders-dlq`;
const DAY_MS = 24 * 60 * 60 * 1000;

type EventEntry = Parameters<SchedulerHost['putEvents']>[0][number];

/** A host that records what schedules deliver; `failInvocations` makes every Lambda invocation fail. */
function fakeHost(failInvocations = false) {
  const invocations: { functionArn: string; payload: unknown }[] = [];
  const events: EventEntry[] = [];
  const messages: { queue: string; body: string }[] = [];
  const host: SchedulerHost = {
    invokeFunction: async (functionArn, payload) => {
      invocations.push({ functionArn, payload });
      if (failInvocations)
        throw Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException' });
      return { ok: true };
    },
    putEvents: async (entries) => {
      events.push(...entries);
      return { FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: 'e' })) };
    },
    sendSqsMessage: async (queue, body) => {
      messages.push({ queue, body });
    },
  };
  return { host, invocations, events, messages };
}

const opened: LocalScheduler[] = [];
const directories: string[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((scheduler) => scheduler.close()));
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'scheduler-'));
  directories.push(directory);
  return directory;
}

function localScheduler(host: SchedulerHost, dataDir = temporaryDirectory(), clock?: PlatformClock) {
  const scheduler = new LocalScheduler({
    dataDir,
    host,
    clock,
    region: REGION,
    account: ACCOUNT,
    partition: PARTITION,
  });
  opened.push(scheduler);
  return scheduler;
}

/**
 * An `at()` expression for `offsetMs` from now (the platform's, when a clock is given), as a wall clock
 * `zoneOffsetHours` ahead of UTC reads it.
 */
function at(offsetMs: number, zoneOffsetHours = 0, clock = new PlatformClock()): string {
  const wallClock = new Date(clock.nowMs() + offsetMs + zoneOffsetHours * 3_600_000);
  return `at(${wallClock.toISOString().slice(0, 19)})`;
}

function lambdaSchedule(
  name: string,
  expression: string,
  extra: Partial<CreateScheduleInput> = {},
): CreateScheduleInput {
  return {
    Name: name,
    ScheduleExpression: expression,
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: { Arn: FUNCTION_ARN, RoleArn: ROLE_ARN, Input: '{"case":"C-1"}' },
    ...extra,
  };
}

const waitFor = (assertion: () => void) => vi.waitFor(assertion, { timeout: 2_500, interval: 20 });

describe('LocalScheduler', () => {
  it('invokes a Lambda target once at its time, with context attributes filled in, then deletes the schedule', async () => {
    // Given a schedule due in one second that deletes itself after completing
    const { host, invocations } = fakeHost();
    const scheduler = localScheduler(host);
    const due = at(1_000);
    scheduler.createSchedule(
      lambdaSchedule('remind-c1', due, {
        ActionAfterCompletion: 'DELETE',
        Target: {
          Arn: FUNCTION_ARN,
          RoleArn: ROLE_ARN,
          Input:
            '{"case":"C-1","due":"<aws.scheduler.scheduled-time>","attempt":"<aws.scheduler.attempt-number>"}',
        },
      }),
    );

    // When the time comes
    expect(invocations).toHaveLength(0);
    await waitFor(() => expect(invocations).toHaveLength(1));

    // Then the function received the input, and the completed schedule is gone
    expect(invocations[0]).toEqual({
      functionArn: FUNCTION_ARN,
      payload: { case: 'C-1', due: `${due.slice(3, -1)}Z`, attempt: '1' },
    });
    await waitFor(() =>
      expect(() => scheduler.getSchedule({ Name: 'remind-c1' })).toThrow(
        expect.objectContaining({ name: 'ResourceNotFoundException' }),
      ),
    );
  });

  it('publishes to a templated event bus target and through the universal PutEvents target', async () => {
    // Given two schedules already due, one per kind of EventBridge target
    const { host, events } = fakeHost();
    const scheduler = localScheduler(host);
    scheduler.createSchedule({
      Name: 'templated',
      ScheduleExpression: at(-1_000),
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 },
      Target: {
        Arn: BUS_ARN,
        RoleArn: ROLE_ARN,
        Input: '{"case":"C-2"}',
        EventBridgeParameters: { Source: 'tongban.reminders', DetailType: 'Deadline Reached' },
      },
    });
    const entries = [{ Source: 'tongban.reminders', DetailType: 'Deadline Near', Detail: '{"case":"C-3"}' }];
    scheduler.createSchedule({
      Name: 'universal',
      ScheduleExpression: at(-1_000),
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: `arn:${PARTITION}:scheduler:::aws-sdk:eventbridge:putEvents`,
        RoleArn: ROLE_ARN,
        Input: JSON.stringify({ Entries: entries }),
      },
    });

    // When they fire, then each event reached EventBridge as its target describes it
    await waitFor(() => expect(events).toHaveLength(2));
    expect(events).toEqual(
      expect.arrayContaining([
        {
          Source: 'tongban.reminders',
          DetailType: 'Deadline Reached',
          Detail: '{"case":"C-2"}',
          EventBusName: BUS_ARN,
        },
        entries[0],
      ]),
    );
  });

  it('reads the at() time as wall-clock time in ScheduleExpressionTimezone', async () => {
    // Given a schedule one minute ago on Shanghai clocks, which would be hours away read as UTC
    const { host, invocations } = fakeHost();
    const scheduler = localScheduler(host);

    // When it is created for Asia/Shanghai
    scheduler.createSchedule(
      lambdaSchedule('shanghai', at(-60_000, 8), { ScheduleExpressionTimezone: 'Asia/Shanghai' }),
    );

    // Then it is overdue and fires straight away
    await waitFor(() => expect(invocations).toHaveLength(1));
  });

  it('fires at start the schedules that came due while local mode was stopped, and only once', async () => {
    // Given a schedule due in half a second when local mode stops
    const dataDir = temporaryDirectory();
    const before = localScheduler(fakeHost().host, dataDir);
    before.createSchedule(lambdaSchedule('while-stopped', at(500)));
    await before.close();
    await new Promise((resolve) => setTimeout(resolve, 800));

    // When local mode starts again after that time
    const { host, invocations } = fakeHost();
    const after = localScheduler(host, dataDir);

    // Then the schedule fires at once, stays (ActionAfterCompletion NONE) and does not fire on the next start
    await waitFor(() => expect(invocations).toHaveLength(1));
    expect(after.getSchedule({ Name: 'while-stopped' }).State).toBe('ENABLED');
    await after.close();
    const again = fakeHost();
    localScheduler(again.host, dataDir);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(again.invocations).toHaveLength(0);
  });

  it('refuses a schedule whose name is taken in its group with ConflictException', () => {
    // Given a schedule named remind-c4 in the default group
    const scheduler = localScheduler(fakeHost().host);
    scheduler.createSchedule(lambdaSchedule('remind-c4', at(3_600_000)));

    // When another schedule is created with that name, then it is a conflict
    expect(() => scheduler.createSchedule(lambdaSchedule('remind-c4', at(7_200_000)))).toThrow(
      expect.objectContaining({ name: 'ConflictException' }),
    );

    // And the name is free in another group, once that group exists
    expect(() =>
      scheduler.createSchedule(lambdaSchedule('remind-c4', at(7_200_000), { GroupName: 'cases' })),
    ).toThrow(expect.objectContaining({ name: 'ResourceNotFoundException' }));
    scheduler.createScheduleGroup({ Name: 'cases' });
    scheduler.createSchedule(lambdaSchedule('remind-c4', at(7_200_000), { GroupName: 'cases' }));
    expect(scheduler.listSchedules({ NamePrefix: 'remind' }).Schedules?.map((s) => s.GroupName)).toEqual([
      'default',
      'cases',
    ]);
  });

  it('rejects recurring rate() and cron() schedules, explaining that local mode runs one-time schedules only', () => {
    // Given a local scheduler
    const scheduler = localScheduler(fakeHost().host);

    // When a recurring schedule is created, then it is refused with the reason
    for (const expression of ['rate(5 minutes)', 'cron(0 8 * * ? *)']) {
      expect(() => scheduler.createSchedule(lambdaSchedule('recurring', expression))).toThrow(
        expect.objectContaining({
          name: 'ValidationException',
          message: expect.stringContaining('one-time'),
        }),
      );
    }
  });

  it('retries a target that fails and sends the input to the dead-letter queue once retries run out', async () => {
    // Given a schedule allowed one retry, whose function cannot be invoked
    const { host, invocations, messages } = fakeHost(true);
    const scheduler = localScheduler(host);
    scheduler.createSchedule(
      lambdaSchedule('doomed', at(-1_000), {
        Target: {
          Arn: FUNCTION_ARN,
          RoleArn: ROLE_ARN,
          Input: '{"case":"C-5"}',
          RetryPolicy: { MaximumRetryAttempts: 1 },
          DeadLetterConfig: { Arn: DLQ_ARN },
        },
      }),
    );

    // When it fires, then it was tried twice and the input landed in the dead-letter queue
    await waitFor(() => expect(messages).toEqual([{ queue: DLQ_ARN, body: '{"case":"C-5"}' }]));
    expect(invocations).toHaveLength(2);
  });

  it('leaves a disabled schedule alone until it is enabled', async () => {
    // Given an overdue schedule that is disabled
    const { host, invocations } = fakeHost();
    const scheduler = localScheduler(host);
    const schedule = lambdaSchedule('paused', at(-1_000), { State: 'DISABLED' });
    scheduler.createSchedule(schedule);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(invocations).toHaveLength(0);

    // When it is updated to enabled, then it fires
    scheduler.updateSchedule({ ...schedule, State: 'ENABLED' });
    await waitFor(() => expect(invocations).toHaveLength(1));
  });
});

describe('LocalScheduler on the platform clock', () => {
  it('fires a schedule due three days ahead when the clock is advanced three days, and not before', async () => {
    // Given a schedule due in three days of platform time, on a clock already a month ahead of the system's
    const clock = new PlatformClock({ offsetMs: 30 * DAY_MS });
    const { host, invocations } = fakeHost();
    const scheduler = localScheduler(host, temporaryDirectory(), clock);
    const due = at(3 * DAY_MS, 8, clock);
    scheduler.createSchedule(
      lambdaSchedule('remind-c6', due, {
        ScheduleExpressionTimezone: 'Asia/Shanghai',
        Target: { Arn: FUNCTION_ARN, RoleArn: ROLE_ARN, Input: '{"due":"<aws.scheduler.scheduled-time>"}' },
      }),
    );

    // When the clock is advanced two days, nothing fires
    clock.advance(2 * DAY_MS);
    await scheduler.whenDelivered();
    expect(invocations).toHaveLength(0);

    // When it is advanced the third day, the schedule fires at once, with its own time as the scheduled time
    clock.advance(DAY_MS);
    await scheduler.whenDelivered();
    const dueUtc = new Date(Date.parse(`${due.slice(3, -1)}+08:00`)).toISOString().replace('.000Z', 'Z');
    expect(invocations).toEqual([{ functionArn: FUNCTION_ARN, payload: { due: dueUtc } }]);

    // And another day later it has not fired again
    clock.advance(DAY_MS);
    await scheduler.whenDelivered();
    expect(invocations).toHaveLength(1);
  });

  it('re-arms a pending schedule when the clock is moved back, and fires it once the clock passes it again', async () => {
    // Given a schedule due in an hour of platform time
    const clock = new PlatformClock();
    const { host, invocations } = fakeHost();
    const scheduler = localScheduler(host, temporaryDirectory(), clock);
    scheduler.createSchedule(lambdaSchedule('remind-c7', at(3_600_000, 0, clock)));

    // When the clock goes back a day, then forward by a day and half an hour, it is not yet due
    clock.advance(-DAY_MS);
    clock.advance(DAY_MS + 1_800_000);
    await scheduler.whenDelivered();
    expect(invocations).toHaveLength(0);

    // When the clock passes its time, it fires once
    clock.advance(1_800_000);
    await scheduler.whenDelivered();
    expect(invocations).toHaveLength(1);
    expect(scheduler.getSchedule({ Name: 'remind-c7' }).State).toBe('ENABLED');
  });

  it('fires at once a schedule created for a time the platform clock has already passed', async () => {
    // Given a clock three days ahead of the system's
    const clock = new PlatformClock({ offsetMs: 3 * DAY_MS });
    const { host, invocations } = fakeHost();
    const scheduler = localScheduler(host, temporaryDirectory(), clock);

    // When a schedule is created for tomorrow by the system clock, which is the platform's past
    scheduler.createSchedule(lambdaSchedule('remind-c8', at(DAY_MS)));

    // Then it fires on the next turn of the event loop
    await waitFor(() => expect(invocations).toHaveLength(1));
  });
});
