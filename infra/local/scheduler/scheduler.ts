import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type {
  CreateScheduleGroupInput,
  CreateScheduleGroupOutput,
  CreateScheduleInput,
  CreateScheduleOutput,
  DeleteScheduleGroupInput,
  DeleteScheduleInput,
  GetScheduleGroupInput,
  GetScheduleGroupOutput,
  GetScheduleInput,
  GetScheduleOutput,
  ListSchedulesInput,
  ListSchedulesOutput,
  Target,
  UpdateScheduleInput,
  UpdateScheduleOutput,
} from '@aws-sdk/client-scheduler';
import { PlatformClock } from '../clock.ts';
import { afterFailure, SCHEDULER_TARGET_POLICY } from '../retry-policy.ts';
import { JsonFile } from '../stepfunctions/json-file.ts';
import { type LongTimer, scheduleAt } from '../stepfunctions/long-timer.ts';
import { warn } from '../warn.ts';

/** The services a schedule's target can reach in local mode. */
export interface SchedulerHost {
  /**
   * Scheduler invokes Lambda asynchronously, so a function error is Lambda's business and not retried here;
   * only a failed invocation (no such function, say) should reject.
   */
  invokeFunction(functionArn: string, payload: unknown): Promise<unknown>;
  putEvents(
    entries: { Source: string; DetailType: string; Detail: string; EventBusName?: string }[],
  ): Promise<unknown>;
  startExecution?(stateMachineArn: string, input: string): Promise<unknown>;
  /** Needed for SQS targets and dead-letter queues. */
  sendSqsMessage?(queueArnOrUrl: string, body: string): Promise<void>;
}

export interface LocalSchedulerOptions {
  dataDir: string;
  host: SchedulerHost;
  /** Schedule ARNs and the target ARNs accepted are in this partition, region and account. */
  region: string;
  account: string;
  partition?: string;
  /** What "now" is for at() schedules; the system clock when absent. */
  clock?: PlatformClock;
}

/** An error of the EventBridge Scheduler API, named with its AWS error code as the SDK names it. */
export class SchedulerApiError extends Error {
  constructor(
    code: 'ConflictException' | 'ResourceNotFoundException' | 'ValidationException',
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

interface ScheduleRecord {
  Arn: string;
  Name: string;
  GroupName: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  Description?: string;
  State: 'ENABLED' | 'DISABLED';
  Target: Target;
  FlexibleTimeWindow: { Mode: 'OFF' | 'FLEXIBLE'; MaximumWindowInMinutes?: number };
  ActionAfterCompletion: 'NONE' | 'DELETE';
  StartDate?: string;
  EndDate?: string;
  KmsKeyArn?: string;
  CreationDate: string;
  LastModificationDate: string;
  /** When the one-time schedule is due, in epoch ms. */
  dueAt: number;
  /** Set once the invocation, retries included, is over, so that a restart does not repeat it. */
  completedAt?: string;
}

interface GroupRecord {
  Name: string;
  Arn: string;
  CreationDate: string;
}

type TargetKind = 'lambda' | 'stateMachine' | 'eventBus' | 'putEvents' | 'queue';

const DEFAULT_GROUP = 'default';
const NAME = /^[0-9a-zA-Z-_.]{1,64}$/;
const AT_EXPRESSION = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;

/**
 * EventBridge Scheduler for local mode: one-time (`at`) schedules and their groups, persisted to
 * `dataDir/schedules.json`. A schedule is due when the platform clock reaches its time: moving the clock past it
 * fires it once, moving the clock back postpones it. A schedule that came due while local mode was stopped fires
 * when it starts again, as AWS would have fired it on time.
 */
export class LocalScheduler {
  readonly #host: SchedulerHost;
  readonly #region: string;
  readonly #account: string;
  readonly #partition: string;
  readonly #clock: PlatformClock;
  readonly #file: JsonFile<{ groups: GroupRecord[]; schedules: ScheduleRecord[] }>;
  readonly #groups = new Map<string, GroupRecord>();
  readonly #schedules = new Map<string, ScheduleRecord>();
  readonly #timers = new Map<string, LongTimer>();
  readonly #deliveries = new Set<Promise<void>>();
  #closed = false;

  constructor(options: LocalSchedulerOptions) {
    this.#host = options.host;
    this.#region = options.region;
    this.#account = options.account;
    this.#partition = options.partition ?? 'aws';
    this.#clock = options.clock ?? new PlatformClock();
    this.#file = new JsonFile(join(options.dataDir, 'schedules.json'));
    const stored = this.#file.read();
    for (const group of stored?.groups ?? [this.#newGroup(DEFAULT_GROUP)]) {
      this.#groups.set(group.Name, group);
    }
    for (const schedule of stored?.schedules ?? []) {
      this.#schedules.set(key(schedule.GroupName, schedule.Name), schedule);
      this.#arm(schedule);
    }
  }

  createSchedule(input: CreateScheduleInput): CreateScheduleOutput {
    const groupName = this.#group(input.GroupName).Name;
    const name = validName(input.Name, 'Name');
    if (this.#schedules.has(key(groupName, name))) {
      throw new SchedulerApiError('ConflictException', `Schedule ${name} already exists.`);
    }
    const schedule = this.#validSchedule(input, groupName, name, new Date().toISOString());
    this.#put(schedule);
    return { ScheduleArn: schedule.Arn };
  }

  /** Replaces every setting of the schedule, as UpdateSchedule does: omitted optional fields go back to defaults. */
  updateSchedule(input: UpdateScheduleInput): UpdateScheduleOutput {
    const existing = this.#schedule(input.GroupName, input.Name);
    const schedule = this.#validSchedule(input, existing.GroupName, existing.Name, existing.CreationDate);
    this.#put(schedule);
    return { ScheduleArn: schedule.Arn };
  }

  getSchedule(input: GetScheduleInput): GetScheduleOutput {
    const { dueAt, completedAt, StartDate, EndDate, CreationDate, LastModificationDate, ...schedule } =
      this.#schedule(input.GroupName, input.Name);
    return {
      ...structuredClone(schedule),
      ...(StartDate ? { StartDate: new Date(StartDate) } : {}),
      ...(EndDate ? { EndDate: new Date(EndDate) } : {}),
      CreationDate: new Date(CreationDate),
      LastModificationDate: new Date(LastModificationDate),
    };
  }

  deleteSchedule(input: DeleteScheduleInput): Record<string, never> {
    const schedule = this.#schedule(input.GroupName, input.Name);
    this.#remove(schedule);
    return {};
  }

  listSchedules(input: ListSchedulesInput = {}): ListSchedulesOutput {
    const matching = [...this.#schedules.values()].filter(
      (schedule) =>
        (input.GroupName === undefined || schedule.GroupName === input.GroupName) &&
        (input.NamePrefix === undefined || schedule.Name.startsWith(input.NamePrefix)) &&
        (input.State === undefined || schedule.State === input.State),
    );
    const start = input.NextToken ? Number(input.NextToken) : 0;
    const end = input.MaxResults ? start + input.MaxResults : matching.length;
    return {
      Schedules: matching.slice(start, end).map((schedule) => ({
        Arn: schedule.Arn,
        Name: schedule.Name,
        GroupName: schedule.GroupName,
        State: schedule.State,
        CreationDate: new Date(schedule.CreationDate),
        LastModificationDate: new Date(schedule.LastModificationDate),
        Target: { Arn: schedule.Target.Arn },
      })),
      ...(end < matching.length ? { NextToken: String(end) } : {}),
    };
  }

  createScheduleGroup(input: CreateScheduleGroupInput): CreateScheduleGroupOutput {
    const name = validName(input.Name, 'Name');
    if (this.#groups.has(name)) {
      throw new SchedulerApiError('ConflictException', `Schedule group ${name} already exists.`);
    }
    const group = this.#newGroup(name);
    this.#groups.set(name, group);
    this.#persist();
    return { ScheduleGroupArn: group.Arn };
  }

  getScheduleGroup(input: GetScheduleGroupInput): GetScheduleGroupOutput {
    const { Name, Arn, CreationDate } = this.#group(input.Name);
    const created = new Date(CreationDate);
    return { Name, Arn, State: 'ACTIVE', CreationDate: created, LastModificationDate: created };
  }

  /** Deletes the group with every schedule in it, as AWS does. */
  deleteScheduleGroup(input: DeleteScheduleGroupInput): Record<string, never> {
    const group = this.#group(input.Name);
    if (group.Name === DEFAULT_GROUP) {
      throw new SchedulerApiError('ValidationException', 'The default schedule group cannot be deleted.');
    }
    for (const schedule of [...this.#schedules.values()]) {
      if (schedule.GroupName === group.Name) this.#remove(schedule);
    }
    this.#groups.delete(group.Name);
    this.#persist();
    return {};
  }

  /**
   * Local mode's fast-forward (no AWS API): a pending schedule fires now, as it would at its time — its
   * `<aws.scheduler.scheduled-time>` is still the time it was due.
   */
  runNow(input: { GroupName?: string; Name: string }): void {
    const schedule = this.#schedule(input.GroupName, input.Name);
    if (schedule.completedAt || schedule.State !== 'ENABLED') {
      throw new SchedulerApiError('ConflictException', `Schedule ${input.Name} has nothing left to run.`);
    }
    this.#timers.get(key(schedule.GroupName, schedule.Name))?.cancel();
    this.#attempt(schedule, 1);
  }

  /**
   * Resolves once every invocation under way has had its answer (a retry waiting for its back-off is not under
   * way): after the clock moves, the schedules it made due have then reached their targets.
   */
  async whenDelivered(): Promise<void> {
    while (this.#deliveries.size > 0) await Promise.allSettled(this.#deliveries);
  }

  /** Stops every timer and waits for invocations in flight and pending writes. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers.values()) timer.cancel();
    this.#timers.clear();
    await Promise.allSettled(this.#deliveries);
    await this.#file.flushed();
  }

  #validSchedule(
    input: CreateScheduleInput | UpdateScheduleInput,
    groupName: string,
    name: string,
    creationDate: string,
  ): ScheduleRecord {
    const timezone = input.ScheduleExpressionTimezone ?? 'UTC';
    return {
      Arn: this.#arn(`schedule/${groupName}/${name}`),
      Name: name,
      GroupName: groupName,
      ScheduleExpression: input.ScheduleExpression ?? '',
      ...(input.ScheduleExpressionTimezone ? { ScheduleExpressionTimezone: timezone } : {}),
      ...(input.Description !== undefined ? { Description: input.Description } : {}),
      State: oneOf(input.State ?? 'ENABLED', ['ENABLED', 'DISABLED'], 'State'),
      Target: structuredClone(this.#validTarget(input.Target)),
      FlexibleTimeWindow: validWindow(input.FlexibleTimeWindow),
      ActionAfterCompletion: oneOf(
        input.ActionAfterCompletion ?? 'NONE',
        ['NONE', 'DELETE'],
        'ActionAfterCompletion',
      ),
      ...(input.StartDate ? { StartDate: isoDate(input.StartDate) } : {}),
      ...(input.EndDate ? { EndDate: isoDate(input.EndDate) } : {}),
      ...(input.KmsKeyArn ? { KmsKeyArn: input.KmsKeyArn } : {}),
      CreationDate: creationDate,
      LastModificationDate: new Date().toISOString(),
      dueAt: dueTime(input.ScheduleExpression, timezone),
    };
  }

  #validTarget(target: Target | undefined): Target {
    if (!target?.Arn || !target.RoleArn) {
      throw new SchedulerApiError('ValidationException', 'Target.Arn and Target.RoleArn are required.');
    }
    const kind = this.#targetKind(target);
    if (kind !== 'queue' && target.Input !== undefined) {
      let input: unknown;
      try {
        input = JSON.parse(target.Input);
      } catch {
        throw new SchedulerApiError(
          'ValidationException',
          `Target.Input must be well-formed JSON for ${target.Arn}.`,
        );
      }
      if (kind === 'putEvents' && !Array.isArray((input as { Entries?: unknown } | null)?.Entries)) {
        throw new SchedulerApiError(
          'ValidationException',
          'The PutEvents target needs Input with an Entries array.',
        );
      }
    }
    const policy = target.RetryPolicy;
    const { maximumRetryAttemptsRange: retryRange, maximumEventAgeSecondsRange: ageRange } =
      SCHEDULER_TARGET_POLICY;
    if (policy?.MaximumRetryAttempts !== undefined && !inRange(policy.MaximumRetryAttempts, ...retryRange)) {
      throw new SchedulerApiError(
        'ValidationException',
        'RetryPolicy.MaximumRetryAttempts must be within 0-185.',
      );
    }
    const maximumAge = policy?.MaximumEventAgeInSeconds;
    if (maximumAge !== undefined && ageRange && !inRange(maximumAge, ...ageRange)) {
      throw new SchedulerApiError(
        'ValidationException',
        'RetryPolicy.MaximumEventAgeInSeconds must be within 60-86400.',
      );
    }
    if (target.DeadLetterConfig?.Arn !== undefined) {
      if (!target.DeadLetterConfig.Arn.startsWith(`arn:${this.#partition}:sqs:`)) {
        throw new SchedulerApiError('ValidationException', 'DeadLetterConfig.Arn must be an SQS queue ARN.');
      }
      this.#require('sendSqsMessage', 'a dead-letter queue');
    }
    return target;
  }

  #targetKind(target: Target): TargetKind {
    const arn = target.Arn ?? '';
    const prefix = `arn:${this.#partition}:`;
    const resource = arn.startsWith(prefix) ? arn.slice(prefix.length) : '';
    if (resource === 'scheduler:::aws-sdk:eventbridge:putEvents') return 'putEvents';
    if (/^lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/.test(resource)) return 'lambda';
    if (/^states:[a-z0-9-]+:\d{12}:stateMachine:[\w-]+$/.test(resource)) {
      this.#require('startExecution', 'a Step Functions target');
      return 'stateMachine';
    }
    if (/^events:[a-z0-9-]+:\d{12}:event-bus\/[\w.\-/]+$/.test(resource)) {
      if (!target.EventBridgeParameters?.Source || !target.EventBridgeParameters.DetailType) {
        throw new SchedulerApiError(
          'ValidationException',
          'An event bus target needs EventBridgeParameters.',
        );
      }
      return 'eventBus';
    }
    if (/^sqs:[a-z0-9-]+:\d{12}:[\w-]+(\.fifo)?$/.test(resource)) {
      this.#require('sendSqsMessage', 'an SQS target');
      return 'queue';
    }
    throw new SchedulerApiError(
      'ValidationException',
      `Local mode cannot invoke target ${arn}: it supports Lambda functions, state machines, event buses, SQS ` +
        `queues and the universal target ${prefix}scheduler:::aws-sdk:eventbridge:putEvents.`,
    );
  }

  #require(capability: 'startExecution' | 'sendSqsMessage', use: string): void {
    if (!this.#host[capability]) {
      throw new SchedulerApiError('ValidationException', `Local mode was started without ${use} support.`);
    }
  }

  #put(schedule: ScheduleRecord): void {
    this.#schedules.set(key(schedule.GroupName, schedule.Name), schedule);
    this.#arm(schedule);
    this.#persist();
  }

  #remove(schedule: ScheduleRecord): void {
    const id = key(schedule.GroupName, schedule.Name);
    this.#timers.get(id)?.cancel();
    this.#timers.delete(id);
    this.#schedules.delete(id);
    this.#persist();
  }

  // FLEXIBLE windows fire at their start: any instant in the window is one AWS might have chosen.
  #arm(schedule: ScheduleRecord): void {
    const id = key(schedule.GroupName, schedule.Name);
    this.#timers.get(id)?.cancel();
    this.#timers.delete(id);
    if (schedule.State !== 'ENABLED' || schedule.completedAt) return;
    this.#timers.set(
      id,
      this.#clock.at(schedule.dueAt, () => this.#attempt(schedule, 1)),
    );
  }

  // An update or delete replaces the record, which stops whatever was still under way for the old one.
  #isCurrent(schedule: ScheduleRecord): boolean {
    return !this.#closed && this.#schedules.get(key(schedule.GroupName, schedule.Name)) === schedule;
  }

  // An event's age counts from its first attempt in platform time: a schedule the clock jumped past is as fresh
  // as one that fired on time, so a jump of days does not exhaust MaximumEventAgeInSeconds on its own.
  #attempt(schedule: ScheduleRecord, attempt: number, firstAttemptAt = this.#clock.nowMs()): void {
    this.#timers.delete(key(schedule.GroupName, schedule.Name));
    if (!this.#isCurrent(schedule)) return;
    const delivery = this.#deliver(schedule, attempt)
      .then(
        () => this.#complete(schedule),
        (error: unknown) => this.#retry(schedule, attempt, firstAttemptAt, error),
      )
      .finally(() => this.#deliveries.delete(delivery));
    this.#deliveries.add(delivery);
  }

  async #retry(
    schedule: ScheduleRecord,
    attempt: number,
    firstAttemptAt: number,
    error: unknown,
  ): Promise<void> {
    if (!this.#isCurrent(schedule)) return;
    const policy = schedule.Target.RetryPolicy;
    const next = afterFailure(
      SCHEDULER_TARGET_POLICY,
      attempt,
      {
        maximumRetryAttempts: policy?.MaximumRetryAttempts,
        maximumEventAgeSeconds: policy?.MaximumEventAgeInSeconds,
      },
      this.#clock.nowMs() - firstAttemptAt,
    );
    if ('exhausted' in next) {
      const condition =
        next.exhausted === 'retries' ? 'MaximumRetryAttemptsExhausted' : 'MaximumEventAgeExhausted';
      await this.#giveUp(schedule, attempt, error, condition);
    } else {
      // The back-off is a duration, so it runs on the system clock.
      this.#timers.set(
        key(schedule.GroupName, schedule.Name),
        scheduleAt(Date.now() + next.retryInMs, () => this.#attempt(schedule, attempt + 1, firstAttemptAt)),
      );
    }
  }

  // The dead-letter queue receives the input the target should have had; without one the event is dropped.
  async #giveUp(schedule: ScheduleRecord, attempt: number, error: unknown, condition: string): Promise<void> {
    const queue = schedule.Target.DeadLetterConfig?.Arn;
    const reason = `${schedule.Arn} gave up (${condition}): ${error instanceof Error ? error.message : error}`;
    try {
      if (!queue) throw new Error(`${reason}; without a dead-letter queue the event is dropped`);
      await this.#host.sendSqsMessage?.(queue, withContext(schedule.Target.Input ?? '{}', schedule, attempt));
    } catch (failure) {
      warn('scheduler', failure instanceof Error ? failure.message : String(failure));
    }
    this.#complete(schedule);
  }

  #complete(schedule: ScheduleRecord): void {
    if (!this.#isCurrent(schedule)) return;
    if (schedule.ActionAfterCompletion === 'DELETE') {
      this.#remove(schedule);
    } else {
      schedule.completedAt = new Date().toISOString();
      this.#persist();
    }
  }

  async #deliver(schedule: ScheduleRecord, attempt: number): Promise<void> {
    const target = schedule.Target;
    const arn = target.Arn as string;
    const input = withContext(target.Input ?? '{}', schedule, attempt);
    switch (this.#targetKind(target)) {
      case 'lambda':
        await this.#host.invokeFunction(arn, JSON.parse(input));
        return;
      case 'stateMachine':
        await this.#host.startExecution?.(arn, input);
        return;
      case 'eventBus': {
        const { Source, DetailType } = target.EventBridgeParameters ?? {};
        return putEvents(this.#host, [{ Source, DetailType, Detail: input, EventBusName: arn }]);
      }
      case 'putEvents':
        return putEvents(this.#host, (JSON.parse(input) as { Entries: unknown[] }).Entries);
      case 'queue':
        await this.#host.sendSqsMessage?.(arn, input);
    }
  }

  #group(name: string | undefined): GroupRecord {
    const group = this.#groups.get(name ?? DEFAULT_GROUP);
    if (group) return group;
    throw new SchedulerApiError('ResourceNotFoundException', `Schedule group ${name} does not exist.`);
  }

  #schedule(groupName: string | undefined, name: string | undefined): ScheduleRecord {
    const group = this.#group(groupName);
    const schedule = this.#schedules.get(key(group.Name, name ?? ''));
    if (schedule) return schedule;
    throw new SchedulerApiError('ResourceNotFoundException', `Schedule ${name} does not exist.`);
  }

  #newGroup(name: string): GroupRecord {
    return { Name: name, Arn: this.#arn(`schedule-group/${name}`), CreationDate: new Date().toISOString() };
  }

  #arn(resource: string): string {
    return `arn:${this.#partition}:scheduler:${this.#region}:${this.#account}:${resource}`;
  }

  #persist(): void {
    this.#file
      .save(() => ({ groups: [...this.#groups.values()], schedules: [...this.#schedules.values()] }))
      .catch((error: unknown) => warn('scheduler', `could not save schedules: ${error}`));
  }
}

async function putEvents(host: SchedulerHost, entries: unknown[]): Promise<void> {
  const result = (await host.putEvents(entries as Parameters<SchedulerHost['putEvents']>[0])) as
    | { FailedEntryCount?: number }
    | undefined;
  if (result?.FailedEntryCount) throw new Error(`PutEvents failed for ${result.FailedEntryCount} entries`);
}

// The context attributes Scheduler substitutes in a target's input.
function withContext(input: string, schedule: ScheduleRecord, attempt: number): string {
  return input
    .replaceAll('<aws.scheduler.schedule-arn>', schedule.Arn)
    .replaceAll(
      '<aws.scheduler.scheduled-time>',
      new Date(schedule.dueAt).toISOString().replace('.000Z', 'Z'),
    )
    .replaceAll('<aws.scheduler.execution-id>', randomUUID())
    .replaceAll('<aws.scheduler.attempt-number>', String(attempt));
}

/** When an `at(yyyy-mm-ddThh:mm:ss)` expression falls, read as wall-clock time in `timeZone`. */
function dueTime(expression: string | undefined, timeZone: string): number {
  if (/^(rate|cron)\(/.test(expression ?? '')) {
    throw new SchedulerApiError(
      'ValidationException',
      `Local mode only runs one-time schedules, at(yyyy-mm-ddThh:mm:ss); ${expression} is a recurring schedule.`,
    );
  }
  const fields = AT_EXPRESSION.exec(expression ?? '')
    ?.slice(1)
    .map(Number);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = fields ?? [];
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const reformatted = new Date(wallClock).toISOString().slice(0, 19);
  if (!fields || `at(${reformatted})` !== expression) {
    throw new SchedulerApiError('ValidationException', `Invalid Schedule Expression ${expression}.`);
  }
  // The zone's offset at the instant itself, found in two steps because the offset can change (DST) in between.
  const first = wallClock - zoneOffset(wallClock, timeZone);
  return wallClock - zoneOffset(first, timeZone);
}

function zoneOffset(instant: number, timeZone: string): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new SchedulerApiError('ValidationException', `Invalid ScheduleExpressionTimezone ${timeZone}.`);
  }
  const part = Object.fromEntries(
    format.formatToParts(instant).map(({ type, value }) => [type, Number(value)]),
  );
  const asUtc = Date.UTC(
    part.year ?? 0,
    (part.month ?? 1) - 1,
    part.day,
    part.hour,
    part.minute,
    part.second,
  );
  return asUtc - instant;
}

function validWindow(
  window: CreateScheduleInput['FlexibleTimeWindow'],
): ScheduleRecord['FlexibleTimeWindow'] {
  const mode = oneOf(window?.Mode, ['OFF', 'FLEXIBLE'], 'FlexibleTimeWindow.Mode');
  const minutes = window?.MaximumWindowInMinutes;
  if (mode === 'FLEXIBLE' ? minutes === undefined || !inRange(minutes, 1, 1440) : minutes !== undefined) {
    throw new SchedulerApiError(
      'ValidationException',
      'FlexibleTimeWindow.MaximumWindowInMinutes must be within 1-1440 with mode FLEXIBLE, and absent with OFF.',
    );
  }
  return mode === 'FLEXIBLE' ? { Mode: mode, MaximumWindowInMinutes: minutes } : { Mode: mode };
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T {
  if (allowed.includes(value as T)) return value as T;
  throw new SchedulerApiError('ValidationException', `${field} must be one of ${allowed.join(', ')}.`);
}

function validName(name: string | undefined, field: string): string {
  if (name && NAME.test(name)) return name;
  throw new SchedulerApiError('ValidationException', `${field} must be 1-64 characters of [0-9a-zA-Z-_.].`);
}

// A Date from the SDK, or epoch seconds or an ISO string from the JSON wire protocol.
function isoDate(value: Date | number | string): string {
  return new Date(typeof value === 'number' ? value * 1000 : value).toISOString();
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function key(groupName: string, name: string): string {
  return `${groupName}/${name}`;
}
