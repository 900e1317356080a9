import { INDEX_KEY } from '../../shared/adapters/catalog-files.ts';
import { loadSearchIndex, searchCatalog, suggest } from '../../shared/domain/catalog/search/search.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { ListMattersQuery, SuggestQuery } from '../../shared/http/schemas/catalog.ts';
import { publishedFile } from './published.ts';

// The index is built when a version is published and loaded once per container (rechecked each minute).
const index = publishedFile(INDEX_KEY, loadSearchIndex);

/** GET /api/matters and /api/matters/suggest: search the catalog in force; no database query at all. */
export const handler = httpHandler(async (request) => {
  const loaded = await index.get();
  if (request.routeKey === 'GET /api/matters/suggest') {
    const { q, limit } = SuggestQuery.parse(request.queryStringParameters ?? {});
    return { items: suggest(loaded, q, limit) };
  }
  const { dept, ...query } = ListMattersQuery.parse(request.queryStringParameters ?? {});
  return searchCatalog(loaded, { ...query, department: dept });
});
