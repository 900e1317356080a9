import { today } from '../../shared/adapters/clock.ts';
import type { BaseItem } from '../../shared/domain/catalog/model.ts';
import { notFound } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { AtQuery, BaseCodePath } from '../../shared/http/schemas/catalog.ts';
import { catalog } from './store.ts';

/** GET /api/catalog/base/{baseCode}: the province-wide definition of a matter. */
export const handler = httpHandler(async (request) => {
  const { baseCode } = BaseCodePath.parse(request.pathParameters ?? {});
  const { at } = AtQuery.parse(request.queryStringParameters ?? {});
  const found = await catalog.inForce<BaseItem>('BASE', baseCode, at ?? today());
  if (!found) throw notFound('BASE_ITEM_NOT_FOUND', '基本目录中没有该事项', 'No such base item');
  return { ...found.item, version: found.version, effectiveFrom: found.effectiveFrom };
});
