import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CatalogStore } from '../../shared/adapters/catalog-store.ts';
import { seedCatalog } from '../seed/catalog/index.ts';
import type { TemplateModel } from './assembly/model.ts';

/**
 * Loads the seed catalog into a fresh local platform; a platform that already has a catalog keeps it.
 * Returns how many implementation items were loaded.
 */
export async function seedDemoData(model: TemplateModel, client: DynamoDBClient): Promise<number> {
  const matters = model.ofType('AWS::DynamoDB::Table').find((t) => t.logicalId.startsWith('MattersTable'));
  if (!matters) return 0;
  const store = new CatalogStore(
    DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
    model.ref(matters),
  );
  if ((await store.list('REGIONS')).length > 0) return 0;
  const seed = seedCatalog();
  await store.importCatalog({ ...seed, effectiveFrom: '2024-01-01', actor: 'seed' });
  return seed.implementationItems.length;
}
