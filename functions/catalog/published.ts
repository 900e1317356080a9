import { isMissingObject } from '../../shared/adapters/aws-errors.ts';
import { CachedCatalogFile } from '../../shared/adapters/catalog-files.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { s3 } from '../../shared/adapters/s3.ts';
import { HttpError } from '../../shared/http/errors.ts';

/**
 * A published catalog file (search index, export), cached per container. Until the first build has written
 * it, readers get a 503 that says the catalog is being published, not an internal error.
 */
export function publishedFile<T>(key: string, hydrate: (raw: unknown) => T) {
  const file = new CachedCatalogFile(s3, requiredEnv('CATALOG_BUCKET'), key, hydrate);
  return {
    get: () =>
      file.get().catch((error: unknown) => {
        if (!isMissingObject(error)) throw error;
        throw new HttpError(
          503,
          'CATALOG_NOT_READY',
          '事项目录正在发布，请稍后再试',
          'The catalog is being published; try again shortly',
        );
      }),
  };
}
