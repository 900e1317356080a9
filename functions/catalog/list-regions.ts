import type { Region } from '../../shared/domain/catalog/model.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { catalog } from './store.ts';

/** GET /api/regions: the region list is data, kept in the matters table. */
export const handler = httpHandler(async () => {
  const items = await catalog.list<Region>('REGIONS');
  return { items: items.sort((a, b) => a.code.localeCompare(b.code)) };
});
