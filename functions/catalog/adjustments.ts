import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { isTransactionCancelled } from '../../shared/adapters/aws-errors.ts';
import { nowIso, today } from '../../shared/adapters/clock.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import {
  type BaseItem,
  type ImplementationItem,
  ImplementationItem as ItemSchema,
} from '../../shared/domain/catalog/model.ts';
import { checkImplementationItem, checkStepsFitPromise } from '../../shared/domain/catalog/rules.ts';
import { decodeCursor, encodeCursor } from '../../shared/http/cursor.ts';
import { badRequest, conflict, forbidden, notFound } from '../../shared/http/errors.ts';
import { type HttpRequest, httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import {
  AdjustmentIdPath,
  AdjustmentRequestBody,
  DecisionBody,
  ListAdjustmentsQuery,
} from '../../shared/http/schemas/catalog.ts';
import { catalog } from './store.ts';

const table = requiredEnv('MATTERS_TABLE');
type Adjustment = Record<string, unknown> & {
  id: string;
  status: string;
  implementationCode: string;
  department: string;
  region: string;
  proposedAt: string;
};

/**
 * 调整申请: a department proposes a change to its own region's implementation item; the service-management
 * office (admin) approves, publishing a new version with its effective date, or rejects with a reason.
 */
export const handler = httpHandler(async (request) => {
  switch (request.routeKey) {
    case 'POST /api/catalog/adjustments':
      return propose(request);
    case 'GET /api/catalog/adjustments':
      return list(request);
    default:
      return decide(request);
  }
});

async function propose(request: HttpRequest) {
  const staff = requireRole(request, 'reviewer', 'supervisor');
  const body = AdjustmentRequestBody.parse(request.json);
  const current = await catalog.latest<ImplementationItem>('ITEM', body.implementationCode);
  if (!current) throw notFound('MATTER_NOT_FOUND', '未找到该事项', 'No such matter');
  if (current.item.department !== staff.department || current.item.region !== staff.region) throw forbidden();
  if (body.effectiveFrom < today()) {
    throw badRequest(
      'EFFECTIVE_DATE_PAST',
      '生效日期不得早于今天',
      'The effective date cannot be in the past',
    );
  }
  const proposed = await validated({ ...current.item, ...body.changes });
  // Not a refusal: the office deciding the request sees that the steps will share a shorter promise.
  const advice = checkStepsFitPromise(proposed);
  const now = nowIso();
  const id = randomUUID();
  const adjustment = {
    id,
    ...body,
    region: current.item.region,
    department: current.item.department,
    status: 'pending',
    proposedBy: staff.subject,
    proposedAt: now,
    ...(advice.length > 0 ? { advice } : {}),
  };
  await documents.send(
    new PutCommand({
      TableName: table,
      Item: { pk: `ADJ#${id}`, sk: 'ADJ', ...indexKeys(adjustment), ...adjustment },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return { statusCode: 201, body: adjustment };
}

async function list(request: HttpRequest) {
  const staff = requireRole(request, 'reviewer', 'supervisor', 'admin');
  const query = ListAdjustmentsQuery.parse(request.queryStringParameters ?? {});
  const admin = staff.roles.includes('admin');
  const [index, key] = admin
    ? ['gsi1', `ADJ#${query.status}`]
    : ['gsi2', `ADJ#${query.status}#${staff.department}#${staff.region}`];
  const { Items, LastEvaluatedKey } = await documents.send(
    new QueryCommand({
      TableName: table,
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': key },
      ScanIndexForward: false,
      Limit: query.limit,
      ExclusiveStartKey: await decodeCursor(query.cursor, key),
    }),
  );
  return { items: (Items ?? []).map(strip), nextCursor: await encodeCursor(LastEvaluatedKey, key) };
}

async function decide(request: HttpRequest) {
  const admin = requireRole(request, 'admin');
  const { id } = AdjustmentIdPath.parse(request.pathParameters ?? {});
  const body = DecisionBody.parse(request.json);
  const { Item } = await documents.send(
    new GetCommand({ TableName: table, Key: { pk: `ADJ#${id}`, sk: 'ADJ' } }),
  );
  if (!Item) throw notFound('ADJUSTMENT_NOT_FOUND', '未找到该调整申请', 'No such adjustment request');
  const adjustment = strip(Item) as Adjustment;
  if (adjustment.status !== 'pending') throw alreadyDecided();
  const decided = {
    ...adjustment,
    status: body.decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: admin.subject,
    decidedAt: nowIso(),
    decisionReason: body.reason,
  };
  const requestUpdate = {
    Put: {
      TableName: table,
      Item: { pk: `ADJ#${id}`, sk: 'ADJ', ...indexKeys(decided), ...decided },
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pending': 'pending' },
    },
  };
  try {
    if (body.decision === 'reject') {
      await documents.send(new TransactWriteCommand({ TransactItems: [requestUpdate] }));
      return decided;
    }
    const current = await catalog.latest<ImplementationItem>('ITEM', adjustment.implementationCode);
    if (!current) throw notFound('MATTER_NOT_FOUND', '未找到该事项', 'No such matter');
    const changes = adjustment.changes as Partial<ImplementationItem>;
    const next = await validated({ ...current.item, ...changes });
    const version = await catalog.publish('ITEM', adjustment.implementationCode, next, {
      expected: current.version,
      effectiveFrom: adjustment.effectiveFrom as string,
      actor: admin.subject,
      changed: Object.keys(changes),
      also: [requestUpdate],
    });
    return { ...decided, publishedVersion: version };
  } catch (error) {
    if (isTransactionCancelled(error)) throw alreadyDecided();
    throw error;
  }
}

/** The item a change would produce, checked against every catalog rule before anything is written. */
async function validated(candidate: ImplementationItem): Promise<ImplementationItem> {
  const item = ItemSchema.parse(candidate);
  const base = await catalog.inForce<BaseItem>('BASE', item.baseCode, today());
  const regions = await catalog.list<{ code: string; name: string; nameEn: string; kind: 'city' }>('REGIONS');
  const departments = await catalog.list<{
    code: string;
    name: string;
    nameEn: string;
    baseCodeDigits: string;
  }>('DEPARTMENTS');
  const violations = checkImplementationItem(item, base?.item, { regions, departments });
  if (violations.length > 0) {
    throw badRequest('CATALOG_RULE_VIOLATED', violations[0]!.zh, violations[0]!.en, violations);
  }
  return item;
}

function indexKeys(a: {
  id: string;
  status: string;
  department: unknown;
  region: unknown;
  proposedAt: string;
}) {
  return {
    gsi1pk: `ADJ#${a.status}`,
    gsi1sk: `${a.proposedAt}#${a.id}`,
    gsi2pk: `ADJ#${a.status}#${a.department}#${a.region}`,
    gsi2sk: `${a.proposedAt}#${a.id}`,
  };
}

function strip(item: Record<string, unknown>) {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = item;
  return rest;
}

const alreadyDecided = () =>
  conflict('ADJUSTMENT_DECIDED', '该申请已有决定', 'This request has already been decided');
