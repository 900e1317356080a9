import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { notFound } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';

const table = requiredEnv('MATTERS_TABLE');
const Path = z.object({
  implementationCode: z.string().regex(/^[0-9A-Z]{12,40}$/, 'not an implementation code'),
});

/** GET /api/matters/{implementationCode}: the guide of one implementation item, in the version in force. */
export const handler = httpHandler(async (request) => {
  const { implementationCode } = Path.parse(request.pathParameters ?? {});
  const { Item } = await documents.send(
    new GetCommand({ TableName: table, Key: { pk: `ITEM#${implementationCode}`, sk: 'CURRENT' } }),
  );
  if (!Item) throw notFound('MATTER_NOT_FOUND', '未找到该事项', 'No such matter');
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, ...guide } = Item;
  return guide;
});
