import { z } from 'zod';
import type { ContractEntry } from './entry.ts';
import { BaseCode, Day, EventId, ImplementationCode } from './envelope.ts';

/** The matter catalog (事项清单): versions published by the service-management office. */
export const CATALOG = 'tongban.catalog';

export const CATALOG_EVENTS: ContractEntry[] = [
  {
    source: CATALOG,
    detailType: 'Matter Version Published',
    description:
      'A new version of a matter was published (调整申请 approved). Cases submitted from effectiveFrom on are ' +
      'judged by it; cases already submitted keep their version.',
    published: true,
    audience: 'event',
    schema: z.looseObject({
      kind: z.enum(['ITEM', 'BASE']).describe('an implementation item (实施清单) or a base item (基本目录)'),
      code: z.union([ImplementationCode, BaseCode]).describe('its implementation code, or base code'),
      version: z.number().int().min(1),
      effectiveFrom: Day.describe('the day the version comes into force'),
      changed: z.array(z.string().min(1)).describe('the elements that changed'),
      eventId: EventId,
    }),
  },
  {
    source: CATALOG,
    detailType: 'Catalog Imported',
    description:
      'A whole catalog was loaded as version 1 of everything (a new deployment): one event, not one per item.',
    published: true,
    audience: 'internal',
    schema: z.looseObject({
      baseItems: z.number().int().min(0),
      implementationItems: z.number().int().min(0),
      eventId: EventId,
    }),
  },
];
