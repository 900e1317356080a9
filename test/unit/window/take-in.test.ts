import { createHmac } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The handler's modules read their environment when they load, so it is set before any import. Logs at every
// level, unlike other unit tests: what the function logs is under test here.
await vi.hoisted(async () => {
  const { ENV } = await import('../materials/fakes.ts');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
  Object.assign(process.env, ENV, {
    ID_HASH_KEY_ID: 'arn:aws-cn:kms:cn-northwest-1:000000000000:key/id-hash',
    APPROVAL_STATE_MACHINE_ARN: 'arn:aws-cn:states:cn-northwest-1:000000000000:stateMachine:approval',
  });
});

import { handler } from '../../../functions/window/take-in.ts';
import { StaffCaseView } from '../../../shared/http/schemas/cases.ts';
import { foodBusinessLicence } from '../cases/fixtures.ts';
import { context, fakeDynamoDb, matterVersion } from '../materials/fakes.ts';

const ZHANG = '610104199003071230';
const QINCHUAN = '91610131MA6TXQ8K5U';
const KEY = Buffer.alloc(32, 9);
/** What real-name verification puts in 张伟's token: the same HMAC under the same key. */
const hashOf = (number: string) => createHmac('sha256', KEY).update(number).digest('base64url');

const XIAN = foodBusinessLicence();
const BAOJI_LOCAL_ONLY = foodBusinessLicence({
  implementationCode: '000109015000610300',
  region: '610300',
  crossRegionScope: 'none',
});
const BAOJI_PROVINCE_WIDE = foodBusinessLicence({
  implementationCode: '000109015000610300',
  region: '610300',
  crossRegionScope: 'province',
});

let db: ReturnType<typeof fakeDynamoDb>;
const kms = mockClient(KMSClient);
const sfn = mockClient(SFNClient);

beforeEach(() => {
  db = fakeDynamoDb();
  // All or nothing, as DynamoDB does: every condition is checked before any item is written.
  db.mock.on(TransactWriteCommand).callsFake((input) => {
    const puts = input.TransactItems.map(
      (t: { Put: { TableName: string; Item: Record<string, string> } }) => t.Put,
    );
    if (
      puts.some((p: { TableName: string; Item: Record<string, string> }) =>
        db.get(p.TableName, p.Item.pk!, p.Item.sk!),
      )
    ) {
      throw new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {} });
    }
    for (const p of puts) db.put(p.TableName, p.Item);
    return {};
  });
  db.put('matters', matterVersion(1, '2026-01-01', XIAN));
  kms.reset();
  kms.on(GenerateMacCommand).callsFake((input) => ({
    Mac: createHmac('sha256', KEY).update(input.Message).digest(),
    KeyId: input.KeyId,
    MacAlgorithm: input.MacAlgorithm,
  }));
  sfn.reset();
  sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:execution', startDate: new Date() });
});

afterEach(() => vi.restoreAllMocks());
afterAll(() => vi.unstubAllEnvs());

const WINDOW_XIAN = {
  sub: 'window-wang',
  'cognito:groups': '[window]',
  'custom:region': '610100',
  name: '王芳',
};

function takeIn(body: unknown, options: { claims?: Record<string, string>; key?: string | null } = {}) {
  const key = options.key === undefined ? 'key-0001-window' : options.key;
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: 'POST /api/window/cases',
    rawPath: '/api/window/cases',
    rawQueryString: '',
    // As API Gateway hands it on: the token it verified is still in the header.
    headers: {
      authorization: 'Bearer header.payload.signature',
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
    requestContext: {
      authorizer: { jwt: { claims: options.claims ?? WINDOW_XIAN, scopes: [] } },
    } as unknown as APIGatewayProxyEventV2['requestContext'],
    isBase64Encoded: false,
  };
  return handler(event, context).then((r) => {
    const result = r as { statusCode: number; body: string; headers: Record<string, string> };
    return { status: result.statusCode, body: JSON.parse(result.body || 'null'), headers: result.headers };
  });
}

const forZhang = (overrides: object = {}) => ({
  implementationCode: XIAN.implementationCode,
  onBehalfOf: { kind: 'person', name: '张伟', idNumber: ZHANG, phone: '13812345678' },
  ...overrides,
});

const caseItems = () => db.items('cases').filter((i) => i.sk === 'CASE');

/** Everything the function logged while `run` ran. */
async function logsOf(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const capture = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return lines.join('');
}

describe('POST /api/window/cases: window staff take in a case for an applicant', () => {
  it('given a valid ID number, then 201: an assisted case for its hash, with the window and its region recorded', async () => {
    const { status, body, headers } = await takeIn(forZhang());
    expect(status).toBe(201);
    expect(StaffCaseView.parse(body)).toMatchObject({
      status: 'submitted',
      assisted: true,
      applicant: { kind: 'person', name: '张*', phone: '138****5678' },
      intake: { channel: 'window', staff: 'window-wang', region: '610100' },
      handling: { department: 'market-regulation', region: '610100' },
    });
    expect(headers.location).toBe(`/api/staff/cases/${body.id}`);
    const [item] = caseItems();
    expect(item).toMatchObject({
      gsi1pk: `APPLICANT#${hashOf(ZHANG)}`,
      gsi2pk: 'WINDOW#window-wang',
      case: { applicant: { idHash: hashOf(ZHANG), name: '张伟' } },
    });
    expect((item!.case as { applicant: object }).applicant).not.toHaveProperty('subject');
  });

  it('keeps the ID number out of every item it writes, its response and its logs', async () => {
    let response = '';
    const logs = await logsOf(async () => {
      response = JSON.stringify(await takeIn(forZhang()));
    });
    expect(caseItems()).toHaveLength(1);
    expect(JSON.stringify(db.items('cases'))).not.toContain(ZHANG);
    expect(response).not.toContain(ZHANG);
    expect(logs).not.toContain(ZHANG);
  });

  it('starts the approval workflow, named after the case', async () => {
    const { body } = await takeIn(forZhang());
    const [start] = sfn.commandCalls(StartExecutionCommand);
    expect(start!.args[0].input).toMatchObject({ name: body.id, input: JSON.stringify({ caseId: body.id }) });
  });

  it('given an enterprise by its 统一社会信用代码, then the case is for the hash of the code', async () => {
    const { status } = await takeIn(
      forZhang({ onBehalfOf: { kind: 'enterprise', name: '陕西秦川数智科技有限公司', uscc: QINCHUAN } }),
    );
    expect(status).toBe(201);
    expect(caseItems()[0]).toMatchObject({ gsi1pk: `APPLICANT#${hashOf(QINCHUAN)}` });
  });

  it('given an ID number with a wrong check character, then 400 ID_NUMBER_INVALID, before anything is hashed or written', async () => {
    const { status, body } = await takeIn(
      forZhang({ onBehalfOf: { kind: 'person', name: '张伟', idNumber: '610104199003071231' } }),
    );
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'ID_NUMBER_INVALID' });
    expect(body.error.details[0]).toMatchObject({ field: 'onBehalfOf.idNumber' });
    expect(kms.commandCalls(GenerateMacCommand)).toHaveLength(0);
    expect(db.items('cases')).toEqual([]);
  });

  it('given a 统一社会信用代码 with a wrong check character, then 400 USCC_INVALID', async () => {
    const { status, body } = await takeIn(
      forZhang({ onBehalfOf: { kind: 'enterprise', name: '某公司', uscc: '91610131MA6TXQ8K5V' } }),
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('USCC_INVALID');
  });

  it('given no applicant, then 400: window staff always name whom they apply for', async () => {
    const { status, body } = await takeIn({ implementationCode: XIAN.implementationCode });
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain('onBehalfOf');
  });

  it('given a reviewer, then 403 and nothing is written', async () => {
    const reviewer = { ...WINDOW_XIAN, sub: 'reviewer-zhao', 'cognito:groups': '[reviewer]' };
    const { status, body } = await takeIn(forZhang(), { claims: reviewer });
    expect(status).toBe(403);
    expect(body.error.code).toBe('FORBIDDEN');
    expect(db.items('cases')).toEqual([]);
  });

  it("given a matter of another city that is handled only at home, then 403 naming the matter's scope", async () => {
    db.put('matters', matterVersion(1, '2026-01-01', BAOJI_LOCAL_ONLY));
    const { status, body } = await takeIn(
      forZhang({ implementationCode: BAOJI_LOCAL_ONLY.implementationCode }),
    );
    expect(status).toBe(403);
    expect(body.error).toMatchObject({
      code: 'OUTSIDE_CROSS_REGION_SCOPE',
      message: { en: expect.stringContaining('610300') },
    });
    expect(caseItems()).toEqual([]);
  });

  it('given a 全省通办 matter of another city, then the case is handled there and received here', async () => {
    db.put('matters', matterVersion(1, '2026-01-01', BAOJI_PROVINCE_WIDE));
    const { status, body } = await takeIn(
      forZhang({ implementationCode: BAOJI_PROVINCE_WIDE.implementationCode }),
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      handling: { region: '610300' },
      intake: { region: '610100' },
    });
  });

  it('given the same Idempotency-Key and body twice, then one case: 201, then 200 with the same case', async () => {
    const first = await takeIn(forZhang());
    const second = await takeIn(forZhang());
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.id).toBe(first.body.id);
    expect(caseItems()).toHaveLength(1);
  });

  it('given the same Idempotency-Key for another applicant, then 409 IDEMPOTENCY_KEY_REUSED', async () => {
    await takeIn(forZhang());
    const other = await takeIn(
      forZhang({ onBehalfOf: { kind: 'person', name: '李娜', idNumber: '61030219881125002X' } }),
    );
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('given no Idempotency-Key, then 400 IDEMPOTENCY_KEY_REQUIRED', async () => {
    const { status, body } = await takeIn(forZhang(), { key: null });
    expect(status).toBe(400);
    expect(body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('given KMS failing, then a 500 whose log carries no ID number', async () => {
    kms.on(GenerateMacCommand).rejects(new Error('KMS is unavailable'));
    let status = 0;
    const logs = await logsOf(async () => {
      status = (await takeIn(forZhang())).status;
    });
    expect(status).toBe(500);
    expect(logs).toContain('KMS is unavailable');
    expect(logs).not.toContain(ZHANG);
  });
});
