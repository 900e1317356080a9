import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { CatalogStore } from '../../shared/adapters/catalog-store.ts';
import { seedCatalog } from '../seed/catalog/index.ts';
import type { TemplateModel } from './assembly/model.ts';
import { demoLicences } from './demo-licences.ts';

/**
 * Loads the seed catalog into a fresh local platform, and the demo users' e-licences when the platform can
 * hash their numbers; a platform that already has a catalog keeps it. Returns how many implementation items
 * were loaded.
 */
export async function seedDemoData(
  model: TemplateModel,
  client: DynamoDBClient,
  idHash?: (idNumber: string) => string,
): Promise<number> {
  const tables = model.ofType('AWS::DynamoDB::Table');
  const matters = tables.find((t) => t.logicalId.startsWith('MattersTable'));
  const cases = tables.find((t) => t.logicalId.startsWith('CasesTable'));
  if (!matters) return 0;
  const documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const store = new CatalogStore(documents, model.ref(matters));
  if ((await store.list('REGIONS')).length > 0) return 0;
  if (cases && idHash) {
    for (const { holder, licence } of demoLicences()) {
      const Item = { pk: `HOLDER#${idHash(holder)}`, sk: `LICENCE#${licence.id}`, licence };
      await documents.send(new PutCommand({ TableName: model.ref(cases), Item }));
    }
  }
  const seed = seedCatalog();
  await store.importCatalog({ ...seed, effectiveFrom: '2024-01-01', actor: 'seed' });
  return seed.implementationItems.length;
}
