import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDynamoDbLocal } from '../../../infra/local/dynamodb/engine.ts';
import {
  type DynamoDBStreamRecordLikeLambda,
  type StreamBatchFailure,
  type StreamPoller,
  type StreamPollerOptions,
  startStreamPoller,
} from '../../../infra/local/dynamodb/streams.ts';
import { createTables, type TemplateTable } from '../../../infra/local/dynamodb/tables.ts';

const region = 'cn-northwest-1';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
// The DynamoDB Local of the shared test platform; only the start/stop tests start their own.
let endpoint: string;
let client: DynamoDBClient;
let scratch: string;
const pollers: StreamPoller[] = [];

beforeAll(async () => {
  endpoint = inject('endpoints').dynamodb!;
  client = new DynamoDBClient({ endpoint, region, credentials });
  scratch = await mkdtemp(join(tmpdir(), 'tongban-ddb-test-'));
}, 30_000);

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
});

afterAll(async () => {
  client?.destroy();
  await rm(scratch, { recursive: true, force: true });
});

// A table shaped like the platform's: pk/sk, one overloaded index, a stream (the outbox) and a TTL.
function cfnTable(name: string, properties: Record<string, unknown> = {}): TemplateTable {
  return {
    logicalId: 'CasesTable',
    stackName: 'TongbanData',
    physicalName: name,
    type: 'AWS::DynamoDB::Table',
    properties: {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'gsi1pk', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      ...properties,
    },
  };
}

let tableCount = 0;
async function givenTable(): Promise<string> {
  const name = `cases-${++tableCount}`;
  await createTables(client, [cfnTable(name)]);
  return name;
}

async function put(table: string, pk: string, attributes: Record<string, unknown> = {}): Promise<void> {
  const item: Record<string, { S: string } | { B: Uint8Array }> = { pk: { S: pk }, sk: { S: 'CASE' } };
  for (const [name, value] of Object.entries(attributes)) {
    item[name] = value instanceof Uint8Array ? { B: value } : { S: String(value) };
  }
  await client.send(new PutItemCommand({ TableName: table, Item: item }));
}

type Batch = DynamoDBStreamRecordLikeLambda[];

function poll(table: string, options: Partial<StreamPollerOptions> = {}) {
  const batches: Batch[] = [];
  const poller = startStreamPoller({
    endpoint: endpoint,
    region,
    credentials,
    tableName: table,
    batchSize: 10,
    startingPosition: 'TRIM_HORIZON',
    deliver: async (event) => {
      batches.push(event.Records);
    },
    ...options,
  });
  pollers.push(poller);
  return { poller, batches };
}

const pks = (records: Batch) => records.map((record) => record.dynamodb.Keys.pk?.S);

describe('DynamoDB Local engine and tables', () => {
  it('creates a table from its CloudFormation properties, with its index, stream and TTL', async () => {
    const name = await givenTable();

    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));

    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['gsi1']);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('creating the tables again keeps their items and adds the index the template gained', async () => {
    const name = await givenTable();
    await put(name, 'CASE#1');
    const withSecondIndex = cfnTable(name);
    (withSecondIndex.properties.AttributeDefinitions as unknown[]).push({
      AttributeName: 'gsi2pk',
      AttributeType: 'S',
    });
    (withSecondIndex.properties.GlobalSecondaryIndexes as unknown[]).push({
      IndexName: 'gsi2',
      KeySchema: [{ AttributeName: 'gsi2pk', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });

    await createTables(client, [withSecondIndex]);

    const { Item } = await client.send(
      new GetItemCommand({ TableName: name, Key: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } } }),
    );
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Item?.pk).toEqual({ S: 'CASE#1' });
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['gsi1', 'gsi2']);
  });

  it('refuses a persisted table whose keys the template changed, pointing to --fresh', async () => {
    const name = await givenTable();
    const rekeyed = cfnTable(name, {
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      GlobalSecondaryIndexes: undefined,
    });
    delete rekeyed.properties.GlobalSecondaryIndexes;

    await expect(createTables(client, [rekeyed])).rejects.toThrow('npm start -- --fresh');
  });

  it('keeps tables in a data directory across a restart, and stop ends the Java process', async () => {
    const dataDir = join(scratch, 'persisted');
    const first = await startDynamoDbLocal({ dataDir });
    const firstClient = new DynamoDBClient({ endpoint: first.endpoint, region, credentials });
    await createTables(firstClient, [cfnTable('persisted')]);
    firstClient.destroy();

    await first.stop();
    const second = await startDynamoDbLocal({ dataDir });
    const secondClient = new DynamoDBClient({ endpoint: second.endpoint, region, credentials });
    const { TableNames } = await secondClient.send(new ListTablesCommand({}));
    secondClient.destroy();
    await second.stop();

    expect(TableNames).toEqual(['persisted']);
    expect(() => process.kill(first.pid, 0)).toThrow();
    expect(() => process.kill(second.pid, 0)).toThrow();
  }, 20_000);

  it('explains how to install Java when there is none', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(scratch, 'no-java-here');
    try {
      await expect(startDynamoDbLocal({})).rejects.toThrow('DynamoDB Local needs Java 17+');
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses a port that is already in use instead of talking to whatever listens there', async () => {
    const port = Number(new URL(endpoint).port);
    await expect(startDynamoDbLocal({ port })).rejects.toThrow(`port ${port}: it is in use`);
  });
});

describe('DynamoDB stream poller', () => {
  it('delivers inserts and modifies in order, shaped as Lambda delivers them', async () => {
    const table = await givenTable();
    // Written before the poller starts, so that batching depends on the batch size alone, not on timing.
    await put(table, 'CASE#1', { status: 'draft', scan: new Uint8Array([1, 2, 3]) });
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } },
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'submitted' } },
      }),
    );
    await put(table, 'CASE#2');
    const { poller, batches } = poll(table, { batchSize: 2 });
    await poller.whenDrained();

    const records = batches.flat();
    expect(batches.map((batch) => batch.length)).toEqual([2, 1]);
    expect(records.map((record) => record.eventName)).toEqual(['INSERT', 'MODIFY', 'INSERT']);
    const sequence = records.map((record) => BigInt(record.dynamodb.SequenceNumber));
    expect(sequence).toEqual([...sequence].sort((a, b) => (a < b ? -1 : 1)));
    expect(records[1]).toEqual({
      eventID: expect.any(String),
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: region,
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' } },
        NewImage: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' }, status: { S: 'submitted' }, scan: { B: 'AQID' } },
        OldImage: { pk: { S: 'CASE#1' }, sk: { S: 'CASE' }, status: { S: 'draft' }, scan: { B: 'AQID' } },
        SequenceNumber: expect.any(String),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: expect.stringMatching(new RegExp(`:table/${table}/stream/`)),
    });
    expect(records[0]!.dynamodb.ApproximateCreationDateTime).toBeLessThan(Date.now() / 1000 + 1);
  });

  it('delivers only the records that match one of the filter criteria', async () => {
    const table = await givenTable();
    // A stand-in for the event-pattern matcher: every leaf of the pattern lists the accepted values.
    const matches = (pattern: unknown, value: unknown): boolean =>
      Array.isArray(pattern)
        ? pattern.includes(value)
        : Object.entries(pattern as object).every(([key, sub]) =>
            matches(sub, (value as Record<string, unknown>)?.[key]),
          );
    const { poller, batches } = poll(table, {
      matches,
      filterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { status: { S: ['submitted'] } } },
            }),
          },
        ],
      },
    });

    await put(table, 'CASE#1', { status: 'draft' });
    await put(table, 'CASE#2', { status: 'submitted' });
    await put(table, 'CASE#1', { status: 'submitted' });
    await poller.whenDrained();

    expect(batches.map(pks)).toEqual([['CASE#2']]);
  });

  it('retries a failing batch, then hands its position to onFailure and moves on', async () => {
    const table = await givenTable();
    const failures: StreamBatchFailure[] = [];
    let invocations = 0;
    const { poller, batches } = poll(table, {
      maximumRetryAttempts: 2,
      functionArn: 'arn:aws:lambda:cn-northwest-1:000000000000:function:outbox',
      onFailure: async (failure) => {
        failures.push(failure);
      },
      deliver: async (event) => {
        invocations++;
        if (pks(event.Records).includes('POISON')) throw new Error('handler failed');
        batches.push(event.Records);
      },
    });

    await put(table, 'POISON');
    await poller.whenDrained();
    await put(table, 'CASE#1');
    await poller.whenDrained();

    expect(invocations).toBe(4);
    expect(batches.map(pks)).toEqual([['CASE#1']]);
    expect(failures).toEqual([
      {
        requestContext: {
          requestId: expect.any(String),
          functionArn: 'arn:aws:lambda:cn-northwest-1:000000000000:function:outbox',
          condition: 'RetryAttemptsExhausted',
          approximateInvokeCount: 3,
        },
        responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
        version: '1.0',
        timestamp: expect.any(String),
        DDBStreamBatchInfo: {
          shardId: expect.stringMatching(/^shardId-/),
          startSequenceNumber: expect.any(String),
          endSequenceNumber: expect.any(String),
          approximateArrivalOfFirstRecord: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          approximateArrivalOfLastRecord: expect.stringMatching(/Z$/),
          batchSize: 1,
          streamArn: expect.stringContaining(`table/${table}/stream/`),
        },
      },
    ]);
  });

  it('resumes from the first failed record of a partial batch response', async () => {
    const table = await givenTable();
    await put(table, 'CASE#1');
    await put(table, 'CASE#2');
    await put(table, 'CASE#3');
    const seen: Batch[] = [];
    const { poller } = poll(table, {
      deliver: async (event) => {
        seen.push(event.Records);
        const second = event.Records.find((record) => record.dynamodb.Keys.pk?.S === 'CASE#2');
        if (seen.length === 1 && second)
          return { batchItemFailures: [{ itemIdentifier: second.dynamodb.SequenceNumber }] };
      },
    });

    await poller.whenDrained();

    expect(seen.map(pks)).toEqual([
      ['CASE#1', 'CASE#2', 'CASE#3'],
      ['CASE#2', 'CASE#3'],
    ]);
  });

  it('bisects a failing batch to isolate the record that makes the function fail', async () => {
    const table = await givenTable();
    for (const pk of ['CASE#1', 'POISON', 'CASE#3', 'CASE#4']) await put(table, pk);
    const failures: StreamBatchFailure[] = [];
    const { poller, batches } = poll(table, {
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 0,
      onFailure: async (failure) => {
        failures.push(failure);
      },
      deliver: async (event) => {
        if (pks(event.Records).includes('POISON')) throw new Error('handler failed');
        batches.push(event.Records);
      },
    });

    await poller.whenDrained();

    expect(batches.map(pks)).toEqual([['CASE#1'], ['CASE#3', 'CASE#4']]);
    expect(failures.map((failure) => failure.DDBStreamBatchInfo.batchSize)).toEqual([1]);
  });

  it('fills a batch for up to the batching window before delivering it', async () => {
    const table = await givenTable();
    const { poller, batches } = poll(table, { maximumBatchingWindowInSeconds: 1 });

    await put(table, 'CASE#1');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await put(table, 'CASE#2');
    await poller.whenDrained();

    expect(batches.map(pks)).toEqual([['CASE#1', 'CASE#2']]);
  });

  it('a restarted poller resumes after its checkpoint: nothing delivered twice, nothing written meanwhile lost', async () => {
    const table = await givenTable();
    const checkpointFile = join(scratch, `${table}.json`);
    const first = poll(table, { checkpointFile });
    await put(table, 'CASE#1');
    await put(table, 'CASE#2');
    await first.poller.whenDrained();
    await first.poller.stop();

    await put(table, 'CASE#3');
    const second = poll(table, { checkpointFile });
    await second.poller.whenDrained();

    expect(first.batches.map(pks)).toEqual([['CASE#1', 'CASE#2']]);
    expect(second.batches.map(pks)).toEqual([['CASE#3']]);
  });

  it('LATEST starts after what the table already holds, and keeps that position across a restart', async () => {
    const table = await givenTable();
    const checkpointFile = join(scratch, `${table}.json`);
    await put(table, 'CASE#OLD');
    const first = poll(table, { checkpointFile, startingPosition: 'LATEST' });
    await first.poller.whenDrained();
    await first.poller.stop();

    await put(table, 'CASE#NEW');
    const second = poll(table, { checkpointFile, startingPosition: 'LATEST' });
    await second.poller.whenDrained();

    expect(first.batches).toEqual([]);
    expect(second.batches.map(pks)).toEqual([['CASE#NEW']]);
  });

  it('reports a table without a stream instead of polling forever', async () => {
    const name = 'no-stream';
    const plain = cfnTable(name);
    delete plain.properties.StreamSpecification;
    await createTables(client, [plain]);

    const { poller } = poll(name);

    await expect(poller.whenDrained()).rejects.toThrow('Table no-stream has no stream to poll');
  });
});
