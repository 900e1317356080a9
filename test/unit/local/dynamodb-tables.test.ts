import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createTables,
  supportedTableProperties,
  type TemplateTable,
} from '../../../infra/local/dynamodb/tables.ts';
import { UnsupportedTemplatePropertyError } from '../../../infra/local/errors.ts';

const ddb = mockClient(DynamoDBClient);
const client = new DynamoDBClient({ region: 'cn-northwest-1' });

const keys = {
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'gsi1pk', AttributeType: 'S' },
    { AttributeName: 'gsi1sk', AttributeType: 'S' },
  ],
};
const gsi1 = {
  IndexName: 'gsi1',
  KeySchema: [
    { AttributeName: 'gsi1pk', KeyType: 'HASH' },
    { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
  ],
  Projection: { ProjectionType: 'ALL' },
};

// The cases table as CDK synthesizes it for the data stack (intrinsics already resolved).
function casesTable(properties: Record<string, unknown> = {}): TemplateTable {
  return {
    logicalId: 'CasesTable',
    stackName: 'TongbanData',
    physicalName: 'tongban-dev-cases',
    type: 'AWS::DynamoDB::Table',
    properties: {
      ...keys,
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      GlobalSecondaryIndexes: [gsi1],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: {
        KMSMasterKeyId: 'arn:aws-cn:kms:cn-northwest-1:000000000000:key/1',
        SSEEnabled: true,
        SSEType: 'KMS',
      },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      ...properties,
    },
  };
}

function givenNoTablesYet(): void {
  ddb
    .on(DescribeTableCommand)
    .rejectsOnce(new ResourceNotFoundException({ message: 'not found', $metadata: {} }))
    .resolves({ Table: { TableStatus: 'ACTIVE' } });
  ddb.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } });
}

describe('createTables', () => {
  beforeEach(() => ddb.reset());

  it('creates a CDK table with its keys, index and stream, then turns on its TTL', async () => {
    givenNoTablesYet();

    await createTables(client, [casesTable()]);

    expect(ddb.commandCalls(CreateTableCommand)[0]!.args[0].input).toEqual({
      TableName: 'tongban-dev-cases',
      ...keys,
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [gsi1],
      LocalSecondaryIndexes: undefined,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(ddb.commandCalls(UpdateTimeToLiveCommand)[0]!.args[0].input).toEqual({
      TableName: 'tongban-dev-cases',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('gives a provisioned table and its indexes their capacity, defaulting to provisioned as CloudFormation does', async () => {
    givenNoTablesYet();
    const { BillingMode: _, ...properties } = casesTable({
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: '7' },
      GlobalSecondaryIndexes: [
        { ...gsi1, ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 } },
      ],
    }).properties;

    await createTables(client, [{ ...casesTable(), properties }]);

    const input = ddb.commandCalls(CreateTableCommand)[0]!.args[0].input;
    expect(input.BillingMode).toBe('PROVISIONED');
    expect(input.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 5, WriteCapacityUnits: 7 });
    expect(input.GlobalSecondaryIndexes?.[0]?.ProvisionedThroughput).toEqual({
      ReadCapacityUnits: 2,
      WriteCapacityUnits: 3,
    });
  });

  it('creates a global table on demand with the stream and index of its own shape', async () => {
    givenNoTablesYet();
    const global: TemplateTable = {
      logicalId: 'Ledger',
      stackName: 'TongbanData',
      physicalName: 'tongban-dev-ledger',
      type: 'AWS::DynamoDB::GlobalTable',
      properties: {
        ...keys,
        BillingMode: 'PROVISIONED',
        WriteProvisionedThroughputSettings: {
          WriteCapacityAutoScalingSettings: { MinCapacity: 1, MaxCapacity: 9 },
        },
        GlobalSecondaryIndexes: [gsi1],
        Replicas: [{ Region: 'cn-northwest-1', PointInTimeRecoverySpecification: {}, Tags: [] }],
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        SSESpecification: { SSEEnabled: true },
      },
    };

    await createTables(client, [global]);

    const input = ddb.commandCalls(CreateTableCommand)[0]!.args[0].input;
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
    expect(input.ProvisionedThroughput).toBeUndefined();
    expect(input.GlobalSecondaryIndexes).toEqual([gsi1]);
    expect(input.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    expect(ddb.commandCalls(UpdateTimeToLiveCommand)).toHaveLength(0);
  });

  it('refuses a property without local emulation, naming the resource and the property, before creating anything', async () => {
    givenNoTablesYet();
    const tables = [
      casesTable(),
      casesTable({ KinesisStreamSpecification: { StreamArn: 'arn:aws-cn:kinesis:::stream/x' } }),
    ];

    const attempt = createTables(client, tables);

    await expect(attempt).rejects.toThrow(UnsupportedTemplatePropertyError);
    await expect(attempt).rejects.toThrow(
      'Local mode cannot emulate AWS::DynamoDB::Table TongbanData/CasesTable: property ' +
        'KinesisStreamSpecification is not supported',
    );
    expect(ddb.calls()).toHaveLength(0);
  });

  it('refuses an unknown property inside an index or a replica too', async () => {
    const index = casesTable({
      GlobalSecondaryIndexes: [{ ...gsi1, OnDemandThroughput: { MaxReadRequestUnits: 9 } }],
    });
    const replica: TemplateTable = {
      ...casesTable(),
      type: 'AWS::DynamoDB::GlobalTable',
      properties: { ...keys, Replicas: [{ Region: 'x', KinesisStreamSpecification: {} }] },
    };

    await expect(createTables(client, [index])).rejects.toThrow(
      'property GlobalSecondaryIndexes[0].OnDemandThroughput is not supported',
    );
    await expect(createTables(client, [replica])).rejects.toThrow(
      'property Replicas[0].KinesisStreamSpecification is not supported',
    );
  });

  it('accepts every property the project’s CDK tables synthesize', () => {
    const accepted = Object.keys(supportedTableProperties['AWS::DynamoDB::Table']);

    expect(accepted).toEqual(expect.arrayContaining(Object.keys(casesTable().properties)));
  });

  it('leaves a table persisted by an earlier run alone, adding only the index the template gained', async () => {
    ddb.on(DescribeTableCommand).resolves({
      Table: {
        TableStatus: 'ACTIVE',
        KeySchema: keys.KeySchema as never,
        AttributeDefinitions: keys.AttributeDefinitions.slice(0, 2) as never,
        BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
    });
    ddb
      .on(DescribeTimeToLiveCommand)
      .resolves({ TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' } });

    await createTables(client, [casesTable()]);

    expect(ddb.commandCalls(CreateTableCommand)).toHaveLength(0);
    expect(ddb.commandCalls(UpdateTimeToLiveCommand)).toHaveLength(0);
    const updates = ddb.commandCalls(UpdateTableCommand).map((call) => call.args[0].input);
    expect(updates).toEqual([
      {
        TableName: 'tongban-dev-cases',
        AttributeDefinitions: keys.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: gsi1 }],
      },
    ]);
  });

  it('refuses a persisted table whose key schema differs, pointing to --fresh', async () => {
    ddb.on(DescribeTableCommand).resolves({
      Table: {
        TableStatus: 'ACTIVE',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      },
    });

    await expect(createTables(client, [casesTable()])).rejects.toThrow(
      /persisted with keys id HASH S, but the template now asks for pk HASH S, sk RANGE S\..*npm start -- --fresh/,
    );
  });
});
