import { Readable } from 'node:stream';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { Case } from '../../../shared/domain/cases/model.ts';
import { foodBusinessLicence } from '../cases/fixtures.ts';

/** Environment the handlers read when their modules load; call from vi.hoisted, before any import. */
export const ENV = {
  CASES_TABLE: 'cases',
  MATTERS_TABLE: 'matters',
  MATERIALS_BUCKET: 'tongban-materials',
  AWS_REGION: 'cn-northwest-1',
  AWS_ACCESS_KEY_ID: 'AKIDTEST',
  AWS_SECRET_ACCESS_KEY: 'secret',
};

type Item = Record<string, unknown>;

/**
 * DynamoDB as the handlers use it, in memory, behind aws-sdk-client-mock: Get, Put with the two conditions
 * written here (attribute_not_exists(pk), #status = :pending), and Query by pk with begins_with(sk) and an
 * equality filter. Enough to test conditional writes for real rather than by scripted answers.
 */
export function fakeDynamoDb() {
  const tables = new Map<string, Map<string, Item>>();
  const table = (name: string) => tables.get(name) ?? tables.set(name, new Map()).get(name)!;
  const id = (key: Item) => `${key.pk}|${key.sk}`;
  const mock = mockClient(DynamoDBDocumentClient);
  mock
    .on(GetCommand)
    .callsFake((input) => ({ Item: structuredClone(table(input.TableName).get(id(input.Key))) }));
  mock.on(PutCommand).callsFake((input) => {
    const items = table(input.TableName);
    const existing = items.get(id(input.Item));
    const condition: string | undefined = input.ConditionExpression;
    const holds =
      condition === undefined ||
      (condition === 'attribute_not_exists(pk)' && !existing) ||
      (condition === '#status = :pending' &&
        existing?.status === input.ExpressionAttributeValues[':pending']);
    if (!holds) {
      throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    }
    items.set(id(input.Item), structuredClone(input.Item));
    return {};
  });
  mock.on(QueryCommand).callsFake((input) => {
    const values = input.ExpressionAttributeValues as Item;
    const prefixName = /begins_with\(sk, (:\w+)\)/.exec(input.KeyConditionExpression)?.[1];
    const filter = /^(\w+) = (:\w+)$/.exec(input.FilterExpression ?? '');
    const items = [...table(input.TableName).values()]
      .filter((i) => i.pk === values[':pk'])
      .filter((i) => !prefixName || String(i.sk).startsWith(String(values[prefixName])))
      .filter((i) => !filter || i[filter[1]!] === values[filter[2]!])
      .sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
    return { Items: structuredClone(items) };
  });
  return {
    mock,
    put: (name: string, item: Item) => void table(name).set(id(item), structuredClone(item)),
    get: (name: string, pk: string, sk: string) => table(name).get(`${pk}|${sk}`),
    items: (name: string) => [...table(name).values()],
  };
}

/** A bucket in memory behind aws-sdk-client-mock: GetObject (with Range, with VersionId) and DeleteObject. */
export function fakeS3() {
  const objects = new Map<string, Buffer>();
  const id = (input: { Bucket?: string; Key?: string; VersionId?: string }) =>
    `${input.Bucket}/${input.Key}${input.VersionId ? `?${input.VersionId}` : ''}`;
  const mock = mockClient(S3Client);
  mock.on(GetObjectCommand).callsFake((input) => {
    const bytes = objects.get(id(input));
    if (!bytes) throw new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });
    const range = /^bytes=(\d+)-(\d+)$/.exec(input.Range ?? '');
    const body = range ? bytes.subarray(Number(range[1]), Number(range[2]) + 1) : bytes;
    return { Body: Readable.from([body]), ContentLength: body.length };
  });
  mock.on(DeleteObjectCommand).callsFake((input) => {
    objects.delete(id(input));
    return {};
  });
  return {
    mock,
    put: (bucket: string, key: string, bytes: Buffer, versionId?: string) =>
      void objects.set(id({ Bucket: bucket, Key: key, VersionId: versionId }), bytes),
    has: (bucket: string, key: string, versionId?: string) =>
      objects.has(id({ Bucket: bucket, Key: key, VersionId: versionId })),
  };
}

export const CASE_ID = '0b9c6a8e-2f0e-4a57-9a8e-3c1f2d4b5a6c';
export const MATTER = foodBusinessLicence();

/** 张伟's case for 食品经营许可, pinned to version 1 of the matter. */
export function aCase(overrides: Partial<Case> = {}): Case {
  return {
    id: CASE_ID,
    matter: { implementationCode: MATTER.implementationCode, name: MATTER.name, version: 1, steps: [] },
    handling: { department: 'market-regulation', region: '610100' },
    applicant: { subject: 'citizen-zhang', kind: 'person', name: '张伟', idHash: 'h1' },
    assisted: false,
    status: 'submitted',
    createdAt: '2026-03-02T09:00:00+08:00',
    updatedAt: '2026-03-02T09:00:00+08:00',
    notices: [],
    obligations: [],
    ...overrides,
  };
}

export const caseItem = (c: Case) => ({ pk: `CASE#${c.id}`, sk: 'CASE', case: c });

export const matterVersion = (version: number, effectiveFrom: string, item = MATTER) => ({
  pk: `ITEM#${item.implementationCode}`,
  sk: `V#${effectiveFrom}#${String(version).padStart(6, '0')}`,
  item,
  version,
  effectiveFrom,
});

export const context = {
  awsRequestId: 'req-1',
  functionName: 'materials',
  getRemainingTimeInMillis: () => 1000,
} as Context;

/** An API Gateway (HTTP API) request as the JWT authorizer passes it on, by a signed-in citizen. */
export function apiRequest(
  routeKey: string,
  options: { subject?: string; pathParameters?: Record<string, string>; body?: unknown },
): APIGatewayProxyEventV2 {
  const [, rawPath] = routeKey.split(' ');
  return {
    version: '2.0',
    routeKey,
    rawPath: rawPath!,
    rawQueryString: '',
    // As API Gateway hands it on: the token it verified is still in the header.
    headers: {
      authorization: 'Bearer header.payload.signature',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    pathParameters: options.pathParameters,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    requestContext: {
      authorizer: { jwt: { claims: { sub: options.subject ?? 'citizen-zhang' }, scopes: [] } },
    } as unknown as APIGatewayProxyEventV2['requestContext'],
    isBase64Encoded: false,
  };
}

export async function respond(
  handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>,
  event: APIGatewayProxyEventV2,
) {
  const result = (await handler(event, context)) as { statusCode: number; body: string };
  return { status: result.statusCode, body: JSON.parse(result.body || 'null') };
}
