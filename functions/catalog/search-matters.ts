import { CachedCatalogFile, INDEX_KEY } from '../../shared/adapters/catalog-files.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { s3 } from '../../shared/adapters/s3.ts';
import {
  InvalidCursorError,
  loadSearchIndex,
  searchCatalog,
  suggest,
} from '../../shared/domain/catalog/search/search.ts';
import { badRequest, HttpError } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { ListMattersQuery, SuggestQuery } from '../../shared/http/schemas/catalog.ts';

// The index is built when a version is published and loaded once per container (rechecked each minute).
const index = new CachedCatalogFile(s3, requiredEnv('CATALOG_BUCKET'), INDEX_KEY, loadSearchIndex);

/** GET /api/matters and /api/matters/suggest: search the catalog in force; no database query at all. */
export const handler = httpHandler(async (request) => {
  const loaded = await index.get().catch((error: Error) => {
    if (error.name === 'NoSuchKey') {
      throw new HttpError(
        503,
        'CATALOG_NOT_READY',
        '事项目录正在发布，请稍后再试',
        'The catalog is being published; try again shortly',
      );
    }
    throw error;
  });
  if (request.routeKey === 'GET /api/matters/suggest') {
    const { q, limit } = SuggestQuery.parse(request.queryStringParameters ?? {});
    return { items: suggest(loaded, q, limit) };
  }
  const { dept, ...query } = ListMattersQuery.parse(request.queryStringParameters ?? {});
  try {
    return searchCatalog(loaded, { ...query, department: dept });
  } catch (error) {
    if (error instanceof InvalidCursorError)
      throw badRequest('INVALID_CURSOR', '分页游标无效', 'The cursor is not valid for this query');
    throw error;
  }
});
