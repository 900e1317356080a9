import { today } from '../../shared/adapters/clock.ts';
import { toleranceDays } from '../../shared/domain/cases/tolerance.ts';
import type { ImplementationItem } from '../../shared/domain/catalog/model.ts';
import { plannedShares } from '../../shared/domain/catalog/step-shares.ts';
import { notFound } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { AtQuery, ImplementationCodePath } from '../../shared/http/schemas/catalog.ts';
import { catalog } from './store.ts';

/**
 * GET /api/matters/{implementationCode}: the guide in the version in force today, or on `?at=`, with the time
 * limits its cases get (the 容缺 period, each review step's share of the promise), computed by the case rules.
 */
export const handler = httpHandler(async (request) => {
  const { implementationCode } = ImplementationCodePath.parse(request.pathParameters ?? {});
  const { at } = AtQuery.parse(request.queryStringParameters ?? {});
  const found = await catalog.inForce<ImplementationItem>('ITEM', implementationCode, at ?? today());
  if (!found)
    throw notFound(
      'MATTER_NOT_FOUND',
      '未找到该事项（或该日期尚无生效版本）',
      'No such matter (or none in force on that date)',
    );
  const { item } = found;
  return {
    ...item,
    version: found.version,
    effectiveFrom: found.effectiveFrom,
    ...(item.tolerance.offered ? { toleranceDays: toleranceDays(item) } : {}),
    stepShares: plannedShares(item),
  };
});
