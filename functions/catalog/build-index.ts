import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { z } from 'zod';
import { EXPORT_KEY, INDEX_KEY, putCatalogFile } from '../../shared/adapters/catalog-files.ts';
import { now, nowIso, today } from '../../shared/adapters/clock.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { s3 } from '../../shared/adapters/s3.ts';
import type { BaseItem, Department, ImplementationItem, Region } from '../../shared/domain/catalog/model.ts';
import { buildSearchIndex } from '../../shared/domain/catalog/search/index-builder.ts';
import { nextEffectiveDate, versionsInForce } from '../../shared/domain/catalog/versions.ts';
import { catalog } from './store.ts';

const bucket = requiredEnv('CATALOG_BUCKET');
const schedulerRole = requiredEnv('SCHEDULER_ROLE_ARN');
const scheduler = new SchedulerClient({});

/**
 * Rebuilds the search index and the export from the catalog in force today. Runs when a version is published
 * or a catalog imported (EventBridge), and on the day a future version takes effect (a one-time schedule).
 */
export const handler = eventHandler({ input: z.unknown() }, async (_event, context) => {
  const day = today();
  const [itemVersions, baseVersions, regions, departments, synonyms] = await Promise.all([
    catalog.allVersions<ImplementationItem>('ITEMS'),
    catalog.allVersions<BaseItem>('BASE'),
    catalog.list<Region>('REGIONS'),
    catalog.list<Department>('DEPARTMENTS'),
    catalog.list<{ terms: string[]; meaning: string }>('SYNONYMS'),
  ]);
  const items = versionsInForce(itemVersions, (v) => v.item.implementationCode, day);
  const bases = versionsInForce(baseVersions, (v) => v.item.baseCode, day);
  const version = nowIso();

  const index = buildSearchIndex(
    items.map((v) => v.item),
    synonyms,
    departments,
    { builtAt: now() },
  );
  await putCatalogFile(s3, bucket, INDEX_KEY, index);
  await putCatalogFile(s3, bucket, EXPORT_KEY, {
    $schema: '/api/catalog/export/schema.json',
    exportedAt: version,
    version,
    regions,
    baseItems: bases.map((v) => ({ ...v.item, version: v.version, effectiveFrom: v.effectiveFrom })),
    implementationItems: items.map((v) => ({
      ...v.item,
      version: v.version,
      effectiveFrom: v.effectiveFrom,
    })),
  });

  const next = nextEffectiveDate([...itemVersions, ...baseVersions], day);
  if (next) await scheduleRebuild(next, context.invokedFunctionArn);
  logger.info('catalog index rebuilt', { items: items.length, baseItems: bases.length, next });
  return { items: items.length, baseItems: bases.length, nextRebuild: next };
});

async function scheduleRebuild(date: string, functionArn: string): Promise<void> {
  try {
    await scheduler.send(
      new CreateScheduleCommand({
        Name: `catalog-rebuild-${date}`,
        ScheduleExpression: `at(${date}T00:00:05)`,
        ScheduleExpressionTimezone: 'Asia/Shanghai',
        FlexibleTimeWindow: { Mode: 'OFF' },
        ActionAfterCompletion: 'DELETE',
        Target: {
          Arn: functionArn,
          RoleArn: schedulerRole,
          Input: JSON.stringify({ reason: 'effective', date }),
        },
      }),
    );
  } catch (error) {
    // Another rebuild already scheduled that day: one is enough.
    if (!(error instanceof ConflictException)) throw error;
  }
}
