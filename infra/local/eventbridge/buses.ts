import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { afterFailure, eventBridgeTargetPolicy, type RetryPolicy, withinRange } from '../retry-policy.ts';
import { warn } from '../warn.ts';
import { compileTargetInput, type InputTarget, type RenderInput } from './input-transformer.ts';
import { type CompiledEventPattern, compileEventPattern } from './pattern.ts';

// The local EventBridge data plane: PutEvents, rule matching, target input shaping, retries and DLQs, with
// the behaviour the EventBridge user guide documents for each.

export interface BusTargetDispatcher {
  /** Deliver the (already transformed) input to a target ARN; throw on failure. */
  deliver(targetArn: string, input: string, target: LocalRuleTarget): Promise<void>;
}

export interface LocalBus {
  name: string;
  arn: string;
}

export interface LocalRuleTarget extends InputTarget {
  arn: string;
  deadLetterArn?: string;
  maximumRetryAttempts?: number;
  maximumEventAgeSeconds?: number;
}

export interface LocalRule {
  name: string;
  arn: string;
  busName: string;
  eventPattern?: unknown;
  /** `rate(...)`: the rule runs on a schedule (schedule-rules.ts) and events put on its bus never reach it. */
  scheduleExpression?: string;
  state: 'ENABLED' | 'DISABLED';
  targets: LocalRuleTarget[];
}

export interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  /** A bus name or ARN; 'default' when absent. */
  EventBusName?: string;
  Resources?: string[];
  /** A Date from the SDK, or epoch seconds / an ISO string from the JSON wire protocol. */
  Time?: Date | number | string;
}

export type PutEventsResultEntry = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

export interface PutEventsResult {
  FailedEntryCount: number;
  Entries: PutEventsResultEntry[];
}

export interface EventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
  /** Set on events StartReplay delivers again. */
  'replay-name'?: string;
}

export interface SqsMessageAttribute {
  DataType: 'String' | 'Number';
  StringValue: string;
}

/** What EventBridge sends to a target's dead-letter queue: the event as body, the failure as attributes. */
export interface DeadLetterRecord {
  body: string;
  messageAttributes: Record<string, SqsMessageAttribute>;
  event: EventBridgeEvent;
  rule: LocalRule;
  target: LocalRuleTarget;
  error: unknown;
}

/** Local mode's waits and default retries for targets (retry-policy.ts has the defaults). */
export interface RetrySettings {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Used when a target sets no MaximumRetryAttempts; AWS would retry 185 times over 24 hours. */
  defaultMaximumRetryAttempts: number;
}

export interface LocalEventBridgeOptions {
  buses: LocalBus[];
  rules: LocalRule[];
  dispatcher: BusTargetDispatcher;
  region: string;
  account: string;
  /** Called for every undeliverable event; deadLetterArn is undefined when the target has no DLQ. */
  onDeadLetter(deadLetterArn: string | undefined, record: DeadLetterRecord): void | Promise<void>;
  retry?: Partial<RetrySettings>;
  /** Local mode's fault switch: an error to fail this delivery attempt (from 1) with, before the target sees it. */
  injectFault?(rule: LocalRule, target: LocalRuleTarget, attempt: number): Error | undefined;
}

/** A failure the dispatcher knows retrying cannot fix, such as a missing target or missing permissions. */
export class TargetDeliveryError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'TargetDeliveryError';
  }
}

/** A request-level PutEvents failure, which AWS reports as an exception rather than as entry errors. */
export class ValidationException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationException';
  }
}

const MAX_ENTRIES = 10;
const MAX_ENTRY_BYTES = 256 * 1024;
// Time counts 14 bytes towards the entry size, per "Calculating PutEvents event entry size".
const TIME_BYTES = 14;

interface RuleRecord {
  rule: LocalRule;
  pattern: CompiledEventPattern | undefined;
  targets: { target: LocalRuleTarget; render: RenderInput }[];
}

interface Delivery {
  event: EventBridgeEvent;
  rule: LocalRule;
  target: LocalRuleTarget;
  render: RenderInput;
  ingestedAt: number;
}

export class LocalEventBridge {
  readonly #busesByKey = new Map<string, LocalBus>();
  readonly #rulesByBus = new Map<string, RuleRecord[]>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #options: LocalEventBridgeOptions;
  readonly #retry: RetryPolicy;
  readonly #stopping = new AbortController();

  constructor(options: LocalEventBridgeOptions) {
    this.#options = options;
    this.#retry = eventBridgeTargetPolicy(options.retry);
    // The default bus exists in every account and region without being declared.
    const defaultBus = {
      name: 'default',
      arn: `arn:${partitionOf(options.region)}:events:${options.region}:${options.account}:event-bus/default`,
    };
    const buses = options.buses.some((bus) => bus.name === 'default')
      ? options.buses
      : [defaultBus, ...options.buses];
    for (const bus of buses) {
      if (this.#rulesByBus.has(bus.name)) throw new Error(`Event bus ${bus.name} is declared twice`);
      this.#busesByKey.set(bus.name, bus).set(bus.arn, bus);
      this.#rulesByBus.set(bus.name, []);
    }
    for (const rule of options.rules) {
      const records = this.#rulesByBus.get(rule.busName);
      if (!records) {
        throw new Error(`Rule ${rule.name} is on event bus ${rule.busName}, which does not exist`);
      }
      records.push(compileRule(rule));
    }
  }

  putEvents(entries: readonly PutEventsEntry[]): PutEventsResult {
    if (entries.length < 1 || entries.length > MAX_ENTRIES) {
      throw new ValidationException(`PutEvents takes 1 to ${MAX_ENTRIES} entries, got ${entries.length}`);
    }
    const ingestedAt = Date.now();
    const results = entries.map((entry) => this.#ingest(entry, ingestedAt));
    return { FailedEntryCount: results.filter((result) => 'ErrorCode' in result).length, Entries: results };
  }

  /** Enabled rules on the bus (name or ARN) whose pattern matches the event. */
  matchingRules(busName: string, event: unknown): LocalRule[] {
    const bus = this.#busesByKey.get(busName);
    const records = bus ? (this.#rulesByBus.get(bus.name) ?? []) : [];
    return this.#matchingRecords(records, event).map((record) => record.rule);
  }

  /** Resolves once no delivery (including pending retries) is in flight. */
  async whenIdle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  #matchingRecords(records: RuleRecord[], event: unknown): RuleRecord[] {
    // A rule without a pattern is a schedule rule: events never reach it.
    return records.filter((record) => record.rule.state === 'ENABLED' && record.pattern?.matches(event));
  }

  #ingest(entry: PutEventsEntry, ingestedAt: number): PutEventsResultEntry {
    const parsed = parseEntry(entry, ingestedAt);
    if ('ErrorCode' in parsed) return parsed;
    const busName = entry.EventBusName ?? 'default';
    const bus = this.#busesByKey.get(busName);
    // AWS accepts events for a bus that does not exist and drops them; locally that is always a bug, so say so.
    if (!bus) {
      return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${busName} does not exist.` };
    }
    const event: EventBridgeEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': parsed.detailType,
      source: parsed.source,
      account: this.#options.account,
      time: parsed.time,
      region: this.#options.region,
      resources: entry.Resources ?? [],
      detail: parsed.detail,
    };
    this.#dispatch(this.#rulesByBus.get(bus.name) ?? [], event, ingestedAt);
    return { EventId: event.id };
  }

  /**
   * StartReplay's delivery: archived events go again to the rules of their bus (to those of `ruleArns` only,
   * when given), marked with `replay-name`. Archives are left out: a replayed event is not archived twice.
   */
  replay(
    busName: string,
    events: readonly EventBridgeEvent[],
    replayName: string,
    ruleArns?: string[],
  ): number {
    const bus = this.#busesByKey.get(busName);
    if (!bus) throw new ValidationException(`Event bus ${busName} does not exist.`);
    const records = (this.#rulesByBus.get(bus.name) ?? []).filter(
      (record) =>
        !record.targets.some(({ target }) => target.arn.includes(':archive/')) &&
        (!ruleArns || ruleArns.includes(record.rule.arn)),
    );
    for (const event of events) this.#dispatch(records, { ...event, 'replay-name': replayName }, Date.now());
    return events.length;
  }

  /**
   * A schedule rule's turn: AWS's Scheduled Event, stamped `time` (the platform's), goes to the targets of that
   * rule alone. It is not put on the bus, so no other rule sees it, as in AWS.
   */
  fireScheduledRule(ruleArn: string, time: Date): void {
    const record = [...this.#rulesByBus.values()].flat().find(({ rule }) => rule.arn === ruleArn);
    if (!record) throw new Error(`No rule ${ruleArn}`);
    if (record.rule.state !== 'ENABLED') return;
    const event: EventBridgeEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: this.#options.account,
      time: isoSeconds(time),
      region: this.#options.region,
      resources: [ruleArn],
      detail: {},
    };
    this.#deliverToTargets(record, event, Date.now());
  }

  #dispatch(records: RuleRecord[], event: EventBridgeEvent, ingestedAt: number): void {
    for (const record of this.#matchingRecords(records, event))
      this.#deliverToTargets(record, event, ingestedAt);
  }

  #deliverToTargets({ rule, targets }: RuleRecord, event: EventBridgeEvent, ingestedAt: number): void {
    for (const { target, render } of targets) {
      const delivery = this.#deliver({ event, rule, target, render, ingestedAt });
      this.#inFlight.add(delivery);
      delivery.finally(() => this.#inFlight.delete(delivery));
    }
  }

  async #deliver(delivery: Delivery): Promise<void> {
    const { event, target, render, ingestedAt } = delivery;
    // PutEvents answers before any target sees the event, as in AWS.
    await nextTurn();
    const input = render(event, isoSeconds(new Date(ingestedAt)));
    for (let attempt = 1; ; attempt++) {
      let error: unknown;
      try {
        const injected = this.#options.injectFault?.(delivery.rule, target, attempt);
        if (injected) throw injected;
        await this.#options.dispatcher.deliver(target.arn, input, target);
        return;
      } catch (caught) {
        error = caught;
      }
      // AWS sends errors that retrying cannot fix straight to the DLQ.
      if (error instanceof TargetDeliveryError && !error.retryable) {
        return this.#deadLetter(delivery, error, attempt);
      }
      const next = afterFailure(this.#retry, attempt, target, Date.now() - ingestedAt);
      if ('exhausted' in next) {
        const condition = next.exhausted === 'retries' ? 'MaximumRetryAttempts' : 'MaximumEventAgeInSeconds';
        return this.#deadLetter(delivery, error, attempt, condition);
      }
      try {
        await sleep(next.retryInMs, undefined, { signal: this.#stopping.signal });
      } catch {
        // Local mode is stopping: the event goes where an undeliverable one goes, not nowhere.
        return this.#deadLetter(delivery, error, attempt, 'Local.PlatformStopped');
      }
    }
  }

  /** Stops waiting to retry: deliveries still failing go to their dead-letter queues now. */
  close(): void {
    this.#stopping.abort();
  }

  async #deadLetter(
    { event, rule, target }: Delivery,
    error: unknown,
    attempts: number,
    exhaustedCondition?: string,
  ): Promise<void> {
    const attribute = (value: string): SqsMessageAttribute => ({ DataType: 'String', StringValue: value });
    const messageAttributes: Record<string, SqsMessageAttribute> = {
      ERROR_CODE: attribute(error instanceof TargetDeliveryError ? error.code : 'SDK_CLIENT_ERROR'),
      ERROR_MESSAGE: attribute(error instanceof Error ? error.message : String(error)),
      RULE_ARN: attribute(rule.arn),
      TARGET_ARN: attribute(target.arn),
      RETRY_ATTEMPTS: { DataType: 'Number', StringValue: String(attempts - 1) },
    };
    if (exhaustedCondition) messageAttributes.EXHAUSTED_RETRY_CONDITION = attribute(exhaustedCondition);
    const record = { body: JSON.stringify(event), messageAttributes, event, rule, target, error };
    try {
      await this.#options.onDeadLetter(target.deadLetterArn, record);
    } catch (dlqError) {
      // Nothing is left to hand the event to; the log is the last place it can be seen.
      warn('eventbridge', `could not dead-letter event ${event.id} for rule ${rule.name}`, dlqError, record);
    }
  }
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

// ---- PutEvents entries ----

interface ParsedEntry {
  source: string;
  detailType: string;
  detail: Record<string, unknown>;
  time: string;
}

function parseEntry(
  entry: PutEventsEntry,
  ingestedAt: number,
): ParsedEntry | { ErrorCode: string; ErrorMessage: string } {
  const required = (name: string) => ({
    ErrorCode: 'InvalidArgument',
    ErrorMessage: `Parameter ${name} is not valid. Reason: ${name} is a required argument.`,
  });
  if (!entry.Source) return required('Source');
  if (!entry.DetailType) return required('DetailType');
  if (entry.Detail === undefined) return required('Detail');
  const detail = parseJsonObject(entry.Detail);
  if (!detail) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  if (entrySize(entry) > MAX_ENTRY_BYTES) {
    return {
      ErrorCode: 'InvalidArgument',
      ErrorMessage: 'Total size of the entry is over the limit of 256KB.',
    };
  }
  const time = entry.Time === undefined ? new Date(ingestedAt) : toDate(entry.Time);
  if (Number.isNaN(time.getTime())) {
    return { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Time is not valid.' };
  }
  return { source: entry.Source, detailType: entry.DetailType, detail, time: isoSeconds(time) };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function entrySize(entry: PutEventsEntry): number {
  const bytes = (text: string | undefined) => Buffer.byteLength(text ?? '', 'utf8');
  const resources = (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0);
  return (
    (entry.Time === undefined ? 0 : TIME_BYTES) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    resources
  );
}

function toDate(time: Date | number | string): Date {
  if (time instanceof Date) return time;
  return typeof time === 'number' ? new Date(time * 1000) : new Date(time);
}

// EventBridge event times carry no milliseconds: "2025-03-01T08:00:00Z".
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---- rules and targets ----

function compileRule(rule: LocalRule): RuleRecord {
  let pattern: CompiledEventPattern | undefined;
  try {
    pattern = rule.eventPattern === undefined ? undefined : compileEventPattern(rule.eventPattern);
  } catch (error) {
    throw new Error(`Rule ${rule.name} has an invalid event pattern: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const targets = rule.targets.map((target) => {
    checkRetryPolicy(target, `Target ${target.id} of rule ${rule.name}`);
    return { target, render: compileTargetInput(rule, target) };
  });
  return { rule, pattern, targets };
}

function checkRetryPolicy(target: LocalRuleTarget, where: string): void {
  const { maximumRetryAttempts: retries, maximumEventAgeSeconds: age } = target;
  const { maximumRetryAttemptsRange: retryRange, maximumEventAgeSecondsRange: ageRange = [60, 86_400] } =
    eventBridgeTargetPolicy();
  if (retries !== undefined && !withinRange(retries, retryRange)) {
    throw new Error(
      `${where}: MaximumRetryAttempts must be an integer from ${retryRange[0]} to ${retryRange[1]}`,
    );
  }
  if (age !== undefined && !withinRange(age, ageRange)) {
    throw new Error(
      `${where}: MaximumEventAgeInSeconds must be an integer from ${ageRange[0]} to ${ageRange[1]}`,
    );
  }
}
