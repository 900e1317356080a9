import { CatalogStore } from '../../shared/adapters/catalog-store.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { type Case, dayOf } from '../../shared/domain/cases/model.ts';
import type { ImplementationItem } from '../../shared/domain/catalog/model.ts';

const catalog = new CatalogStore(documents, requiredEnv('MATTERS_TABLE'));

/**
 * The matter as pinned to the case: a case is judged by the version in force when it was submitted, so its
 * materials are that version's, even after a newer one took effect. A case without a version number takes
 * the version in force on the day it was created.
 */
export async function pinnedMatter(c: Case): Promise<ImplementationItem | undefined> {
  const { implementationCode: code, version } = c.matter;
  const found =
    version === undefined
      ? await catalog.inForce<ImplementationItem>('ITEM', code, dayOf(c.createdAt))
      : await catalog.version<ImplementationItem>('ITEM', code, version);
  return found?.item;
}
