import { z } from 'zod';
import { EXPORT_KEY } from '../../shared/adapters/catalog-files.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { CatalogExport } from '../../shared/http/schemas/catalog.ts';
import { publishedFile } from './published.ts';

const exported = publishedFile(EXPORT_KEY, (raw) => raw as object);
const schema = z.toJSONSchema(CatalogExport, { io: 'output', unrepresentable: 'any' });

/** GET /api/catalog/export and its JSON Schema: the catalog in force, for anyone to reuse. */
export const handler = httpHandler(async (request) => {
  if (request.routeKey === 'GET /api/catalog/export/schema.json') return schema;
  return exported.get();
});
