import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  type LocalSecondaryIndex,
  type Projection,
  type ProvisionedThroughput,
  ResourceNotFoundException,
  type StreamViewType,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { UnsupportedTemplatePropertyError } from '../errors.ts';

export interface TemplateTable {
  logicalId: string;
  stackName: string;
  physicalName: string;
  type: 'AWS::DynamoDB::Table' | 'AWS::DynamoDB::GlobalTable';
  /** Already intrinsic-resolved. */
  properties: Record<string, unknown>;
}

const CREATED = 'shapes the local table';
const NO_CAPACITY = 'DynamoDB Local does not meter or throttle';

/** Every property local mode accepts, with what becomes of it; anything else stops local mode at start. */
export const supportedTableProperties: Record<TemplateTable['type'], Readonly<Record<string, string>>> = {
  'AWS::DynamoDB::Table': {
    TableName: 'the physical name is used',
    KeySchema: CREATED,
    AttributeDefinitions: CREATED,
    BillingMode: CREATED,
    ProvisionedThroughput: CREATED,
    GlobalSecondaryIndexes: CREATED,
    LocalSecondaryIndexes: CREATED,
    StreamSpecification: CREATED,
    TimeToLiveSpecification: CREATED,
    SSESpecification: 'data at rest is not encrypted locally',
    PointInTimeRecoverySpecification: 'there are no backups locally',
    Tags: 'nothing reads tags locally',
    DeletionProtectionEnabled: 'local tables are only deleted by --fresh',
    ContributorInsightsSpecification: 'there is no CloudWatch locally',
    TableClass: 'storage classes only differ in price',
    WarmThroughput: NO_CAPACITY,
  },
  'AWS::DynamoDB::GlobalTable': {
    TableName: 'the physical name is used',
    KeySchema: CREATED,
    AttributeDefinitions: CREATED,
    BillingMode: `always on-demand locally: ${NO_CAPACITY}`,
    WriteProvisionedThroughputSettings: NO_CAPACITY,
    GlobalSecondaryIndexes: CREATED,
    LocalSecondaryIndexes: CREATED,
    StreamSpecification: CREATED,
    TimeToLiveSpecification: CREATED,
    SSESpecification: 'data at rest is not encrypted locally',
    Replicas: 'one local region; replica settings only concern backups, metering and encryption',
    WarmThroughput: NO_CAPACITY,
  },
};

// Nested shapes are checked too, so that a new sub-feature cannot slip through as silently ignored.
const INDEX_PROPERTIES = ['IndexName', 'KeySchema', 'Projection'];
const nestedProperties: Record<TemplateTable['type'], Record<string, string[]>> = {
  'AWS::DynamoDB::Table': {
    GlobalSecondaryIndexes: [
      ...INDEX_PROPERTIES,
      'ProvisionedThroughput',
      'ContributorInsightsSpecification',
      'WarmThroughput',
    ],
    LocalSecondaryIndexes: INDEX_PROPERTIES,
  },
  'AWS::DynamoDB::GlobalTable': {
    GlobalSecondaryIndexes: [...INDEX_PROPERTIES, 'WriteProvisionedThroughputSettings', 'WarmThroughput'],
    LocalSecondaryIndexes: INDEX_PROPERTIES,
    Replicas: [
      'Region',
      'GlobalSecondaryIndexes',
      'ContributorInsightsSpecification',
      'DeletionProtectionEnabled',
      'PointInTimeRecoverySpecification',
      'ReadProvisionedThroughputSettings',
      'ReplicaStreamSpecification',
      'ResourcePolicy',
      'SSESpecification',
      'TableClass',
      'Tags',
      'WarmThroughput',
    ],
  },
};

interface TableProperties {
  KeySchema: KeySchemaElement[];
  AttributeDefinitions: AttributeDefinition[];
  BillingMode?: 'PAY_PER_REQUEST' | 'PROVISIONED';
  ProvisionedThroughput?: ProvisionedThroughput;
  GlobalSecondaryIndexes?: {
    IndexName: string;
    KeySchema: KeySchemaElement[];
    Projection: Projection;
    ProvisionedThroughput?: ProvisionedThroughput;
  }[];
  LocalSecondaryIndexes?: LocalSecondaryIndex[];
  StreamSpecification?: { StreamViewType: StreamViewType };
  TimeToLiveSpecification?: { AttributeName?: string; Enabled: boolean };
}

/**
 * Creates the template's tables in DynamoDB Local, or brings tables persisted by an earlier run in line with
 * it. Every table is validated before the first one is touched.
 */
export async function createTables(client: DynamoDBClient, tables: TemplateTable[]): Promise<void> {
  for (const table of tables) validate(table);
  for (const table of tables) await ensureTable(client, table);
}

function validate(table: TemplateTable): void {
  const resource = `${table.stackName}/${table.logicalId}`;
  const reject = (property: string, why?: string) => {
    throw new UnsupportedTemplatePropertyError(resource, table.type, property, why);
  };
  for (const [property, value] of Object.entries(table.properties)) {
    if (!(property in supportedTableProperties[table.type])) reject(property, 'it has no local emulation');
    const allowed = nestedProperties[table.type][property];
    if (!allowed) continue;
    for (const [i, item] of (value as Record<string, unknown>[]).entries()) {
      const unknown = Object.keys(item).find((key) => !allowed.includes(key));
      if (unknown) reject(`${property}[${i}].${unknown}`, 'it has no local emulation');
    }
  }
}

async function ensureTable(client: DynamoDBClient, table: TemplateTable): Promise<void> {
  const input = toCreateTableInput(table);
  const existing = await describe(client, table.physicalName);
  if (existing) {
    await reconcile(client, table, existing, input);
  } else {
    await client.send(new CreateTableCommand(input));
    await waitUntilTableExists({ client, minDelay: 1, maxWaitTime: 30 }, { TableName: table.physicalName });
  }
  const ttl = (table.properties as unknown as TableProperties).TimeToLiveSpecification;
  await syncTimeToLive(client, table.physicalName, ttl?.Enabled ? ttl.AttributeName : undefined);
}

function toCreateTableInput(table: TemplateTable): CreateTableCommandInput {
  const p = table.properties as unknown as TableProperties;
  // CloudFormation's default for AWS::DynamoDB::Table; global tables are on-demand locally (see above).
  const provisioned =
    table.type === 'AWS::DynamoDB::Table' && (p.BillingMode ?? 'PROVISIONED') === 'PROVISIONED';
  const throughput = (t: ProvisionedThroughput | undefined) =>
    provisioned
      ? {
          ProvisionedThroughput: {
            ReadCapacityUnits: Number(t?.ReadCapacityUnits ?? 1),
            WriteCapacityUnits: Number(t?.WriteCapacityUnits ?? 1),
          },
        }
      : {};
  return {
    TableName: table.physicalName,
    KeySchema: p.KeySchema,
    AttributeDefinitions: p.AttributeDefinitions,
    BillingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    ...throughput(p.ProvisionedThroughput),
    GlobalSecondaryIndexes: p.GlobalSecondaryIndexes?.map(
      (index): GlobalSecondaryIndex => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: index.Projection,
        ...throughput(index.ProvisionedThroughput),
      }),
    ),
    LocalSecondaryIndexes: p.LocalSecondaryIndexes?.map(({ IndexName, KeySchema, Projection }) => ({
      IndexName,
      KeySchema,
      Projection,
    })),
    StreamSpecification: p.StreamSpecification && {
      StreamEnabled: true,
      StreamViewType: p.StreamSpecification.StreamViewType,
    },
  };
}

async function reconcile(
  client: DynamoDBClient,
  table: TemplateTable,
  existing: TableDescription,
  wanted: CreateTableCommandInput,
): Promise<void> {
  const name = table.physicalName;
  const mismatch = (what: string, have: string, want: string) =>
    new Error(
      `Local table ${name} (${table.stackName}/${table.logicalId}) was persisted with ${what} ${have}, but the ` +
        `template now asks for ${want}. DynamoDB cannot change that in place: start with fresh local data ` +
        'using `npm start -- --fresh`.',
    );
  const have = describeKeys(
    existing.KeySchema,
    existing.LocalSecondaryIndexes,
    existing.AttributeDefinitions,
  );
  const want = describeKeys(wanted.KeySchema, wanted.LocalSecondaryIndexes, wanted.AttributeDefinitions);
  if (have !== want) throw mismatch('keys', have, want);

  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    const current = existing.GlobalSecondaryIndexes?.find((gsi) => gsi.IndexName === index.IndexName);
    if (current) {
      const haveIndex = describeKeys(current.KeySchema, [], existing.AttributeDefinitions);
      const wantIndex = describeKeys(index.KeySchema, [], wanted.AttributeDefinitions);
      if (haveIndex !== wantIndex) throw mismatch(`index ${index.IndexName} on`, haveIndex, wantIndex);
      continue;
    }
    // The new index follows the billing the table was persisted with, whatever the template says now.
    const { ProvisionedThroughput, ...onDemandIndex } = index;
    const create =
      existing.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST'
        ? onDemandIndex
        : {
            ...onDemandIndex,
            ProvisionedThroughput: ProvisionedThroughput ?? { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
          };
    // DynamoDB creates one index per UpdateTable call.
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: wanted.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: create }],
      }),
    );
  }

  const stream = wanted.StreamSpecification;
  const current = existing.StreamSpecification;
  if (stream && (!current?.StreamEnabled || current.StreamViewType !== stream.StreamViewType)) {
    // A stream's view type is fixed: changing it means a new stream.
    if (current?.StreamEnabled) {
      await client.send(
        new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: false } }),
      );
    }
    await client.send(new UpdateTableCommand({ TableName: name, StreamSpecification: stream }));
  }
}

/** A comparable rendering such as `pk HASH S, sk RANGE S; lsi byDate: pk HASH S, at RANGE N`. */
function describeKeys(
  keys: KeySchemaElement[] | undefined,
  localIndexes: { IndexName?: string; KeySchema?: KeySchemaElement[] }[] | undefined,
  types: AttributeDefinition[] | undefined,
): string {
  const render = (schema: KeySchemaElement[] | undefined) =>
    (schema ?? [])
      .map(({ AttributeName, KeyType }) => {
        const type = types?.find((t) => t.AttributeName === AttributeName)?.AttributeType;
        return `${AttributeName} ${KeyType} ${type}`;
      })
      .join(', ');
  const indexes = (localIndexes ?? [])
    .map((index) => `lsi ${index.IndexName}: ${render(index.KeySchema)}`)
    .sort();
  return [render(keys), ...indexes].join('; ');
}

async function syncTimeToLive(
  client: DynamoDBClient,
  name: string,
  wanted: string | undefined,
): Promise<void> {
  const { TimeToLiveDescription: current } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: name }),
  );
  const active = current?.TimeToLiveStatus === 'ENABLED' || current?.TimeToLiveStatus === 'ENABLING';
  const have = active ? current?.AttributeName : undefined;
  if (have === wanted) return;
  const set = (AttributeName: string, Enabled: boolean) =>
    client.send(
      new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName, Enabled } }),
    );
  if (have) await set(have, false);
  if (wanted) await set(wanted, true);
}

async function describe(client: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}
