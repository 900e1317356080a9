import { z } from 'zod';
import { CachedCatalogFile, EXPORT_KEY } from '../../shared/adapters/catalog-files.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { s3 } from '../../shared/adapters/s3.ts';
import { HttpError } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { CatalogExport } from '../../shared/http/schemas/catalog.ts';

const exported = new CachedCatalogFile(s3, requiredEnv('CATALOG_BUCKET'), EXPORT_KEY, (raw) => raw as object);
const schema = z.toJSONSchema(CatalogExport, { io: 'output', unrepresentable: 'any' });

/** GET /api/catalog/export and its JSON Schema: the catalog in force, for anyone to reuse. */
export const handler = httpHandler(async (request) => {
  if (request.routeKey === 'GET /api/catalog/export/schema.json') return schema;
  return exported.get().catch((error: Error) => {
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
});
