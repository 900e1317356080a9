import { CatalogStore } from '../../shared/adapters/catalog-store.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';

/** The catalog's store, one per container. */
export const catalog = new CatalogStore(documents, requiredEnv('MATTERS_TABLE'));
