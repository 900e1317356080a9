import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDbRecorder } from '../../../infra/local/dynamodb/recorder.ts';
import {
  type DeadLetterRecord,
  LocalEventBridge,
  TargetDeliveryError,
} from '../../../infra/local/eventbridge/buses.ts';
import { LocalFaults } from '../../../infra/local/faults.ts';
import { type S3, startS3 } from '../../../infra/local/s3/engine.ts';

// The fault switches at each engine, without a platform: what the caller sees, and what it does about it.

const REGION = 'cn-northwest-1';
const credentials = { accessKeyId: 'AKIAFAULTS', secretAccessKey: 'faults-secret-0123456789' };

describe('DynamoDB throttled in the pass-through in front of DynamoDB Local', () => {
  const faults = new LocalFaults();
  const upstreamCalls: string[] = [];
  let upstream: Server;
  let recorder: DynamoDbRecorder;
  let endpoint: string;

  beforeAll(async () => {
    // Stands in for DynamoDB Local: every call finds nothing.
    upstream = createServer((req, res) => {
      upstreamCalls.push(String(req.headers['x-amz-target']));
      req
        .resume()
        .on('end', () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}'));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    recorder = new DynamoDbRecorder(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, faults);
    endpoint = await recorder.start();
  });

  afterAll(async () => {
    await recorder.stop();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  const client = (fn: string) =>
    new DynamoDBClient({ endpoint: `${endpoint}/fn/${fn}`, region: REGION, credentials, maxAttempts: 3 });
  const getItem = (fn: string, table: string) =>
    client(fn).send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'CASE#1' } } }));

  it("answers a throttled function's call ProvisionedThroughputExceededException, which the SDK retries", async () => {
    // Given every call of the review function to the cases table throttled
    faults.set({ dynamodb: { throttle: 1, tables: ['CasesTable'], functions: ['Review'] } });
    upstreamCalls.length = 0;

    // When the function reads a case, then the matters table, and another function reads a case
    const throttled = await getItem('tongban-ReviewTask', 'tongban-dev-data-CasesTable1A2B').catch((e) => e);
    await getItem('tongban-ReviewTask', 'tongban-dev-data-MattersTable3C4D');
    await getItem('tongban-Precheck', 'tongban-dev-data-CasesTable1A2B');

    // Then the first failed after the SDK's three attempts, none reaching DynamoDB, and the others went through
    expect(throttled).toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400, attempts: 3 },
    });
    expect(upstreamCalls).toEqual(['DynamoDB_20120810.GetItem', 'DynamoDB_20120810.GetItem']);
    expect(faults.describe().injected.dynamodb).toBe(3);
  });

  it('throttles a transaction that writes to a throttled table, and lets every call through once off', async () => {
    faults.set({ dynamodb: { throttle: 1, tables: ['CasesTable'] } });
    const transact = () =>
      fetch(`${endpoint}/fn/tongban-Submit`, {
        method: 'POST',
        headers: { 'x-amz-target': 'DynamoDB_20120810.TransactWriteItems' },
        body: JSON.stringify({
          TransactItems: [
            { ConditionCheck: { TableName: 'tongban-dev-data-MattersTable3C4D' } },
            { Put: { TableName: 'tongban-dev-data-CasesTable1A2B', Item: {} } },
          ],
        }),
      });

    const answer = await transact();
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { __type: string }).__type).toMatch(
      /#ProvisionedThroughputExceededException$/,
    );

    faults.set({ dynamodb: null });
    expect((await transact()).status).toBe(200);
    expect(faults.describe().faults).toEqual({});
  });

  it('throttles about the share it is told to', async () => {
    faults.set({ dynamodb: { throttle: 0.5 } });
    const before = faults.describe().injected.dynamodb;
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        fetch(`${endpoint}/fn/tongban-Read`, {
          method: 'POST',
          headers: { 'x-amz-target': 'DynamoDB_20120810.GetItem' },
          body: JSON.stringify({ TableName: 'tongban-dev-data-CasesTable1A2B' }),
        }).then((r) => r.status),
      ),
    );
    faults.set({ dynamodb: null });
    const throttled = answers.filter((status) => status === 400).length;
    expect(faults.describe().injected.dynamodb - before).toBe(throttled);
    // Binomial(200, 0.5): outside 60..140 once in about 10^8 runs.
    expect(throttled).toBeGreaterThan(60);
    expect(throttled).toBeLessThan(140);
  });
});

describe('S3 slowing down', () => {
  const faults = new LocalFaults();
  const Bucket = 'tongban-dev-materials';
  let s3: S3;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startS3({
      buckets: [{ name: Bucket, logicalId: 'MaterialsBucket', properties: {} }],
      ...credentials,
      slowDown: (method) => faults.slowsDownS3(method),
    });
    client = s3Client(3);
  });

  afterAll(() => s3.stop());

  const s3Client = (maxAttempts: number) =>
    new S3Client({
      endpoint: s3.endpoint,
      region: REGION,
      credentials,
      forcePathStyle: true,
      maxAttempts,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });

  const get = () => client.send(new GetObjectCommand({ Bucket, Key: 'cases/1/a.pdf' }));

  it('answers reads 503 SlowDown while the switch is on, takes writes, and serves reads again after', async () => {
    // Given reads slowed down
    faults.set({ s3: { slowDown: true, methods: ['GET', 'HEAD'] } });

    // When an object is written and read
    await client.send(new PutObjectCommand({ Bucket, Key: 'cases/1/a.pdf', Body: 'pdf' }));
    const slowed = await get().catch((e) => e);

    // Then the write was taken and the read failed after the SDK's three attempts
    expect(slowed).toMatchObject({ name: 'SlowDown', $metadata: { httpStatusCode: 503, attempts: 3 } });
    expect(faults.describe().injected.s3).toBe(3);

    // And once off, the read succeeds
    faults.set({ s3: null });
    expect(await (await get()).Body?.transformToString()).toBe('pdf');
  });

  it('turns itself off after the seconds it was given', async () => {
    const once = s3Client(1);
    faults.set({ s3: { slowDown: true, seconds: 3 } });
    expect(await once.send(new GetObjectCommand({ Bucket, Key: 'cases/1/a.pdf' })).catch((e) => e.name)).toBe(
      'SlowDown',
    );
    await vi.waitFor(() => expect(faults.describe().faults).toEqual({}), { timeout: 10_000, interval: 50 });
    expect((await get()).$metadata.httpStatusCode).toBe(200);
  });
});

describe('EventBridge deliveries failing', () => {
  const faults = new LocalFaults();
  const ACCOUNT = '123456789012';
  const target = {
    id: 'Target0',
    arn: `arn:aws-cn:lambda:${REGION}:${ACCOUNT}:function:notify`,
    deadLetterArn: `arn:aws-cn:sqs:${REGION}:${ACCOUNT}:notifications-dlq`,
    maximumRetryAttempts: 3,
  };

  function bus() {
    const delivered: string[] = [];
    const deadLetters: { arn?: string; record: DeadLetterRecord }[] = [];
    const bridge = new LocalEventBridge({
      buses: [{ name: 'hub', arn: `arn:aws-cn:events:${REGION}:${ACCOUNT}:event-bus/hub` }],
      rules: [
        {
          name: 'tongban-dev-workflow-NotificationsOnCaseChange4ED1',
          arn: `arn:aws-cn:events:${REGION}:${ACCOUNT}:rule/hub/notifications`,
          busName: 'hub',
          eventPattern: { source: ['tongban.cases'] },
          state: 'ENABLED',
          targets: [target],
        },
      ],
      dispatcher: { deliver: async (_arn, input) => void delivered.push(JSON.parse(input).id) },
      region: REGION,
      account: ACCOUNT,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      onDeadLetter: (arn, record) => void deadLetters.push({ arn, record }),
      injectFault: (rule, _target, attempt) =>
        faults.failsDelivery(rule.name, attempt)
          ? new TargetDeliveryError('injected', 'Local.InjectedFault', true)
          : undefined,
    });
    const put = () =>
      (
        bridge.putEvents([
          { EventBusName: 'hub', Source: 'tongban.cases', DetailType: 'Case Accepted', Detail: '{}' },
        ]).Entries[0] as { EventId: string }
      ).EventId;
    return { bridge, put, delivered, deadLetters };
  }

  it('fails the first attempts it is told to, and the retry delivers the event once', async () => {
    faults.set({ eventbridge: { rules: ['NotificationsOnCaseChange'], failures: 2 } });
    const { bridge, put, delivered, deadLetters } = bus();
    const id = put();
    await bridge.whenIdle();
    expect(delivered).toEqual([id]);
    expect(deadLetters).toEqual([]);
    expect(faults.describe().injected.eventbridge).toBe(2);
  });

  it("sends an event that fails every attempt to the target's dead-letter queue, with why", async () => {
    faults.set({ eventbridge: { rules: ['NotificationsOnCaseChange'] } });
    const { bridge, put, delivered, deadLetters } = bus();
    const id = put();
    await bridge.whenIdle();
    expect(delivered).toEqual([]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]?.arn).toBe(target.deadLetterArn);
    expect(JSON.parse(deadLetters[0]?.record.body ?? '').id).toBe(id);
    expect(deadLetters[0]?.record.messageAttributes).toMatchObject({
      ERROR_CODE: { StringValue: 'Local.InjectedFault' },
      RETRY_ATTEMPTS: { StringValue: '3' },
      EXHAUSTED_RETRY_CONDITION: { StringValue: 'MaximumRetryAttempts' },
    });
  });

  it('leaves the targets of other rules alone', async () => {
    faults.set({ eventbridge: { rules: ['HandOffs'] } });
    const { bridge, put, delivered } = bus();
    const id = put();
    await bridge.whenIdle();
    expect(delivered).toEqual([id]);
  });
});
