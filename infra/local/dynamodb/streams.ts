import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  type DynamoDBStreamsClientConfig,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type AttributeValue as SdkAttributeValue,
  type Shard,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue } from 'aws-lambda';
import { afterFailure, STREAM_MAPPING_POLICY } from '../retry-policy.ts';
import { warn } from '../warn.ts';

type Image = Record<string, AttributeValue>;

/** A stream record as Lambda hands it to a function (binary values base64, times in epoch seconds). */
export interface DynamoDBStreamRecordLikeLambda {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: '1.1';
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    ApproximateCreationDateTime: number;
    Keys: Image;
    NewImage?: Image;
    OldImage?: Image;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
  };
  eventSourceARN: string;
  /** Only on deletions made by TTL. */
  userIdentity?: { type: string; principalId: string };
}

/** What Lambda sends to an on-failure destination: where the discarded records are, not the records. */
export interface StreamBatchFailure {
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'RetryAttemptsExhausted';
    approximateInvokeCount: number;
  };
  responseContext: { statusCode: number; executedVersion: string; functionError?: string };
  version: '1.0';
  timestamp: string;
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    approximateArrivalOfFirstRecord: string;
    approximateArrivalOfLastRecord: string;
    batchSize: number;
    streamArn: string;
  };
}

export interface StreamPollerOptions {
  endpoint: string;
  region: string;
  credentials: DynamoDBStreamsClientConfig['credentials'];
  tableName: string;
  batchSize: number;
  startingPosition: 'TRIM_HORIZON' | 'LATEST';
  maximumBatchingWindowInSeconds?: number;
  filterCriteria?: { Filters: { Pattern: string }[] };
  bisectBatchOnFunctionError?: boolean;
  /** -1 or undefined: retry until the batch succeeds, as Lambda does until the record expires. */
  maximumRetryAttempts?: number;
  onFailure?: (record: StreamBatchFailure) => Promise<void>;
  /** Resolves with Lambda's partial batch response, or rejects as the function's error would. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing reports full success
  deliver(event: { Records: DynamoDBStreamRecordLikeLambda[] }): Promise<BatchResponse | void>;
  /** Where the last processed sequence number of each shard survives a restart of local mode. */
  checkpointFile?: string;
  /** The event-pattern matcher filter criteria are evaluated with. */
  matches?: (pattern: unknown, record: unknown) => boolean;
  /** Only reported to onFailure. */
  functionArn?: string;
}

interface BatchResponse {
  batchItemFailures?: { itemIdentifier: string }[];
}

export interface StreamPoller {
  stop(): Promise<void>;
  /** Resolves once every record written before the call has been delivered (or sent to onFailure). */
  whenDrained(): Promise<void>;
}

/**
 * Emulates a Lambda event source mapping on a DynamoDB stream: ordered per shard, at least once, with
 * filtering, batching window, partial batch responses, bisection, retries and an on-failure destination.
 */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const poller = new Poller(options);
  return { stop: () => poller.stop(), whenDrained: () => poller.whenDrained() };
}

const POLL_INTERVAL_MS = 150;
const ERROR_PAUSE_MS = 1_000;
// DynamoDB Streams' own maximum per GetRecords.
const RECORDS_PER_READ = 1_000;
const SHARD_END = 'SHARD_END';

interface Pending {
  record: DynamoDBStreamRecordLikeLambda;
  matched: boolean;
  readAt: number;
}

interface ShardState {
  parentId?: string;
  /** The last sequence number read; reading resumes after it. */
  after?: string;
  iterator?: string;
  closed: boolean;
  done: boolean;
  buffer: Pending[];
}

type Outcome = { ok: true } | { ok: false; failedFrom?: number; functionError?: string };

class Poller {
  private readonly tables: DynamoDBClient;
  private readonly streams: DynamoDBStreamsClient;
  private readonly filters: unknown[] | undefined;
  private readonly shards = new Map<string, ShardState>();
  private readonly committed = new Map<string, string>();
  private readonly drains: { after: number; resolve(): void; reject(error: unknown): void }[] = [];
  private readonly abort = new AbortController();
  private readonly finished: Promise<void>;
  private streamArn = '';
  private resumed = false;
  private listedOnce = false;
  private cycle = 0;
  private failure: unknown;

  constructor(private readonly options: StreamPollerOptions) {
    if (options.filterCriteria && !options.matches) {
      throw new Error(`The stream poller of ${options.tableName} has filter criteria but no matcher`);
    }
    this.filters = options.filterCriteria?.Filters.map((filter) => JSON.parse(filter.Pattern));
    const config = { endpoint: options.endpoint, region: options.region, credentials: options.credentials };
    this.tables = new DynamoDBClient(config);
    this.streams = new DynamoDBStreamsClient(config);
    this.finished = this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.finished;
    this.tables.destroy();
    this.streams.destroy();
    this.settleDrains(
      Number.POSITIVE_INFINITY,
      new Error(`The stream poller of ${this.options.tableName} stopped`),
    );
  }

  whenDrained(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.abort.signal.aborted) return Promise.reject(new Error('The stream poller is stopped'));
    return new Promise((resolve, reject) => this.drains.push({ after: this.cycle, resolve, reject }));
  }

  private get running(): boolean {
    return !this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    try {
      await this.findStream();
      await this.loadCheckpoint();
    } catch (error) {
      // Without a stream there is nothing to poll; tell whoever waits rather than retrying forever.
      this.failure = error;
      this.settleDrains(Number.POSITIVE_INFINITY, error);
      warn('streams', `${this.options.tableName}: ${error}`);
      return;
    }
    while (this.running) {
      const cycle = ++this.cycle;
      try {
        const progressed = await this.pollOnce();
        if (!progressed && [...this.shards.values()].every((state) => state.buffer.length === 0)) {
          this.settleDrains(cycle);
        }
        if (!progressed) await this.pause(POLL_INTERVAL_MS);
      } catch (error) {
        if (!this.running) return;
        warn('streams', `${this.options.tableName}: polling failed, retrying: ${error}`);
        await this.pause(ERROR_PAUSE_MS);
      }
    }
  }

  private settleDrains(cycle: number, error?: unknown): void {
    for (const drain of this.drains.filter((d) => d.after < cycle)) {
      this.drains.splice(this.drains.indexOf(drain), 1);
      if (error) drain.reject(error);
      else drain.resolve();
    }
  }

  private async findStream(): Promise<void> {
    const { Table } = await this.tables.send(new DescribeTableCommand({ TableName: this.options.tableName }));
    if (!Table?.StreamSpecification?.StreamEnabled || !Table.LatestStreamArn) {
      throw new Error(`Table ${this.options.tableName} has no stream to poll`);
    }
    this.streamArn = Table.LatestStreamArn;
  }

  private async loadCheckpoint(): Promise<void> {
    if (!this.options.checkpointFile) return;
    let saved: { streamArn: string; shards: Record<string, string> };
    try {
      saved = JSON.parse(await readFile(this.options.checkpointFile, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    // Another stream ARN means the table was recreated: the old positions mean nothing in the new stream.
    if (saved.streamArn !== this.streamArn) return;
    this.resumed = true;
    for (const [shardId, position] of Object.entries(saved.shards)) this.committed.set(shardId, position);
  }

  /** One pass over every shard; true when it read anything or finished a shard. */
  private async pollOnce(): Promise<boolean> {
    const listed = await this.listShards();
    for (const shard of listed) {
      if (!this.shards.has(shard.ShardId!)) this.shards.set(shard.ShardId!, await this.initialState(shard));
    }
    if (!this.listedOnce) {
      this.listedOnce = true;
      await this.persist();
    }
    let progressed = false;
    for (const shard of listed) {
      const state = this.shards.get(shard.ShardId!)!;
      const parent = state.parentId ? this.shards.get(state.parentId) : undefined;
      // A child shard holds later changes to the same keys, so it waits until its parent is read to the end.
      if (state.done || (parent && !parent.done)) continue;
      if (await this.pump(shard.ShardId!, state)) progressed = true;
    }
    return progressed;
  }

  private async listShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  private async initialState(shard: Shard): Promise<ShardState> {
    const state: ShardState = { parentId: shard.ParentShardId, closed: false, done: false, buffer: [] };
    const saved = this.committed.get(shard.ShardId!);
    if (saved === SHARD_END) return { ...state, closed: true, done: true };
    if (saved) return { ...state, after: saved };
    // Shards that appear later, or while local mode was down, hold only changes nobody has seen yet.
    if (this.resumed || this.listedOnce || this.options.startingPosition === 'TRIM_HORIZON') return state;
    if (shard.SequenceNumberRange?.EndingSequenceNumber) {
      await this.commit(shard.ShardId!, SHARD_END);
      return { ...state, closed: true, done: true };
    }
    // LATEST, made a sequence number so that a restart resumes from here instead of from a later "latest".
    const tip = await this.lastSequenceNumber(shard.ShardId!);
    if (tip) await this.commit(shard.ShardId!, tip);
    return { ...state, after: tip };
  }

  private async lastSequenceNumber(shardId: string): Promise<string | undefined> {
    let iterator = await this.iterator(shardId, undefined);
    let last: string | undefined;
    while (iterator) {
      const { Records = [], NextShardIterator } = await this.streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: RECORDS_PER_READ }),
      );
      if (Records.length === 0) return last;
      last = Records.at(-1)?.dynamodb?.SequenceNumber;
      iterator = NextShardIterator;
    }
    return last;
  }

  /** Reads the shard up to its tip, delivering what is due; true when it read anything or reached the end. */
  private async pump(shardId: string, state: ShardState): Promise<boolean> {
    let progressed = false;
    while (this.running && !state.closed) {
      const records = await this.read(shardId, state);
      const now = Date.now();
      for (const raw of records) {
        const record = toLambdaRecord(raw, this.streamArn, this.options.region);
        state.buffer.push({ record, matched: this.matches(record), readAt: now });
        state.after = record.dynamodb.SequenceNumber;
      }
      if (records.length === 0) break;
      progressed = true;
      await this.flush(shardId, state);
    }
    await this.flush(shardId, state);
    if (state.closed && state.buffer.length === 0) {
      state.done = true;
      await this.commit(shardId, SHARD_END);
      return true;
    }
    return progressed;
  }

  private async read(shardId: string, state: ShardState): Promise<_Record[]> {
    state.iterator ??= await this.iterator(shardId, state.after);
    try {
      const { Records = [], NextShardIterator } = await this.streams.send(
        new GetRecordsCommand({ ShardIterator: state.iterator, Limit: RECORDS_PER_READ }),
      );
      state.iterator = NextShardIterator;
      state.closed = !NextShardIterator;
      return Records;
    } catch (error) {
      // Iterators expire after 15 minutes, e.g. while a failing batch is retried; a new one resumes in place.
      // DynamoDB Local also calls an iterator taken on a then-empty shard "trimmed" once records arrive.
      if (!(error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException))
        throw error;
      state.iterator = undefined;
      return this.read(shardId, state);
    }
  }

  private async iterator(shardId: string, after: string | undefined): Promise<string | undefined> {
    const { ShardIterator } = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  private matches(record: DynamoDBStreamRecordLikeLambda): boolean {
    // Lambda keeps a record when any of the filters matches it.
    return !this.filters || this.filters.some((pattern) => this.options.matches!(pattern, record));
  }

  /** Delivers full batches, and the rest once the batching window has passed. */
  private async flush(shardId: string, state: ShardState): Promise<void> {
    const windowMs = (this.options.maximumBatchingWindowInSeconds ?? 0) * 1000;
    while (this.running && state.buffer.length > 0) {
      let end = 0;
      let matched = 0;
      while (end < state.buffer.length && matched < this.options.batchSize) {
        if (state.buffer[end]!.matched) matched++;
        end++;
      }
      const oldest = state.buffer.find((pending) => pending.matched);
      const due = matched === this.options.batchSize || !oldest || Date.now() - oldest.readAt >= windowMs;
      if (!due) return;
      const taken = state.buffer.slice(0, end);
      const batch = taken.filter((pending) => pending.matched).map((pending) => pending.record);
      if (batch.length > 0) await this.handle(shardId, batch, 0, 0);
      state.buffer.splice(0, end);
      await this.commit(shardId, taken.at(-1)!.record.dynamodb.SequenceNumber);
    }
  }

  /** Settles a batch: delivered, or handed to onFailure once retries are exhausted. */
  private async handle(
    shardId: string,
    batch: DynamoDBStreamRecordLikeLambda[],
    retries: number,
    invocations: number,
  ): Promise<void> {
    let pending = batch;
    for (;;) {
      const outcome = await this.invoke(pending);
      invocations++;
      if (outcome.ok) return;
      if (outcome.failedFrom !== undefined) {
        // Partial batch response: what precedes the first failure succeeded and is not retried.
        pending = pending.slice(outcome.failedFrom);
      } else if (this.options.bisectBatchOnFunctionError && pending.length > 1) {
        // Halving does not count as a retry; it isolates the record that makes the function fail.
        const half = Math.ceil(pending.length / 2);
        await this.handle(shardId, pending.slice(0, half), retries, invocations);
        await this.handle(shardId, pending.slice(half), retries, invocations);
        return;
      }
      // `retries` made so far, so this failed attempt is the (retries + 1)th; a stream record has no event age here.
      const next = afterFailure(STREAM_MAPPING_POLICY, retries + 1, {
        maximumRetryAttempts: this.options.maximumRetryAttempts,
      });
      if ('exhausted' in next) return this.discard(shardId, pending, invocations, outcome);
      retries++;
      await this.pause(next.retryInMs);
      // Not settled, so not committed: a restart delivers the batch again.
      this.abort.signal.throwIfAborted();
    }
  }

  private async invoke(batch: DynamoDBStreamRecordLikeLambda[]): Promise<Outcome> {
    let response: BatchResponse | undefined;
    try {
      response = (await this.options.deliver({ Records: batch })) ?? undefined;
    } catch {
      return { ok: false, functionError: 'Unhandled' };
    }
    const failures = response?.batchItemFailures ?? [];
    if (failures.length === 0) return { ok: true };
    const positions = failures.map((failure) =>
      batch.findIndex((record) => record.dynamodb.SequenceNumber === failure.itemIdentifier),
    );
    // Lambda treats an identifier that names no record of the batch as a failure of the whole batch.
    if (positions.some((position) => position < 0)) return { ok: false };
    return { ok: false, failedFrom: Math.min(...positions) };
  }

  private async discard(
    shardId: string,
    batch: DynamoDBStreamRecordLikeLambda[],
    invocations: number,
    outcome: Outcome,
  ): Promise<void> {
    const first = batch[0]!.dynamodb;
    const last = batch.at(-1)!.dynamodb;
    const failure: StreamBatchFailure = {
      requestContext: {
        requestId: randomUUID(),
        functionArn: this.options.functionArn ?? '',
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: invocations,
      },
      responseContext: {
        statusCode: 200,
        executedVersion: '$LATEST',
        ...(!outcome.ok && outcome.functionError ? { functionError: outcome.functionError } : {}),
      },
      version: '1.0',
      timestamp: new Date().toISOString(),
      DDBStreamBatchInfo: {
        shardId,
        startSequenceNumber: first.SequenceNumber,
        endSequenceNumber: last.SequenceNumber,
        approximateArrivalOfFirstRecord: isoSeconds(first.ApproximateCreationDateTime),
        approximateArrivalOfLastRecord: isoSeconds(last.ApproximateCreationDateTime),
        batchSize: batch.length,
        streamArn: this.streamArn,
      },
    };
    if (this.options.onFailure) return this.options.onFailure(failure);
    // Lambda would drop these silently; locally a dropped change should at least be visible.
    warn(
      'streams',
      `${this.options.tableName}: discarding a batch after ${invocations} failed invocations ` +
        `(no on-failure destination): ${JSON.stringify(failure.DDBStreamBatchInfo)}`,
    );
  }

  private async commit(shardId: string, position: string): Promise<void> {
    this.committed.set(shardId, position);
    await this.persist();
  }

  private async persist(): Promise<void> {
    const file = this.options.checkpointFile;
    if (!file) return;
    const body = JSON.stringify({ streamArn: this.streamArn, shards: Object.fromEntries(this.committed) });
    // Written aside and renamed over, so that a crash mid-write cannot leave a truncated checkpoint.
    const temporary = `${file}.${process.pid}.tmp`;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(temporary, body);
    await rename(temporary, file);
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.abort.signal }).catch(() => {});
  }
}

function toLambdaRecord(raw: _Record, streamArn: string, region: string): DynamoDBStreamRecordLikeLambda {
  const change = raw.dynamodb!;
  return {
    eventID: raw.eventID!,
    eventName: raw.eventName!,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor((change.ApproximateCreationDateTime?.getTime() ?? 0) / 1000),
      Keys: toLambdaImage(change.Keys ?? {}),
      ...(change.NewImage ? { NewImage: toLambdaImage(change.NewImage) } : {}),
      ...(change.OldImage ? { OldImage: toLambdaImage(change.OldImage) } : {}),
      SequenceNumber: change.SequenceNumber!,
      SizeBytes: change.SizeBytes!,
      StreamViewType: change.StreamViewType!,
    },
    eventSourceARN: streamArn,
    ...(raw.userIdentity
      ? { userIdentity: { type: raw.userIdentity.Type!, principalId: raw.userIdentity.PrincipalId! } }
      : {}),
  };
}

function toLambdaImage(image: Record<string, SdkAttributeValue>): Image {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaValue(value)]));
}

/** The SDK hands binary values over as bytes; Lambda's JSON event carries them base64-encoded. */
function toLambdaValue(value: SdkAttributeValue): AttributeValue {
  if (value.B) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS) return { BS: value.BS.map((bytes) => Buffer.from(bytes).toString('base64')) };
  if (value.L) return { L: value.L.map(toLambdaValue) };
  if (value.M) return { M: toLambdaImage(value.M) };
  return value as AttributeValue;
}

function isoSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
