import { z } from 'zod';
import {
  BaseItem,
  CrossRegionScope,
  Fee,
  HandlingForm,
  IMPLEMENTATION_CODE,
  ImplementationItem,
  Location,
  MatterType,
  Region,
  ServiceTarget,
} from '../../domain/catalog/model.ts';
import { Cursor, IsoDate } from './common.ts';

export const ImplementationCodePath = z.object({
  implementationCode: z.string().regex(IMPLEMENTATION_CODE, 'not an implementation code'),
});
export const BaseCodePath = z.object({ baseCode: z.string().regex(/^\d{12}$/, 'not a base code') });
export const AtQuery = z.object({ at: IsoDate.optional().describe('the version in force on this date') });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ListMattersQuery = z.object({
  q: z.string().max(100).optional().describe('words, colloquial phrases, pinyin or pinyin initials'),
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  target: ServiceTarget.optional(),
  type: MatterType.optional(),
  dept: z.string().max(64).optional(),
  online: flag.optional().describe('only matters that can be handled fully online'),
  scope: CrossRegionScope.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: Cursor,
});

export const MatterSummary = z
  .object({
    implementationCode: z.string(),
    baseCode: z.string(),
    name: z.string(),
    nameEn: z.string().optional().describe('the English name, where the catalog has one'),
    region: z.string(),
    department: z.string(),
    departmentName: z.string(),
    type: z.string(),
    highFrequency: z.boolean(),
    handlingForm: HandlingForm,
    crossRegionScope: CrossRegionScope,
    score: z.number(),
    matchedOn: z
      .object({
        field: z.enum(['name', 'alias', 'keyword', 'department', 'material']),
        via: z.enum(['text', 'synonym', 'pinyin', 'initials']),
      })
      .optional()
      .describe('why it matched; absent when listing without a query'),
  })
  .meta({ id: 'MatterSummary' });

export const SuggestQuery = z.object({
  q: z.string().trim().min(1).max(50).describe('what has been typed so far: characters, pinyin or initials'),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

export const Suggestions = z
  .object({
    items: z.array(
      z
        .object({
          name: z.string(),
          nameEn: z.string().optional(),
          baseCode: z.string(),
          matchedOn: z.string(),
          // A matter a colloquial need takes (开饭店), and its place among them in the order they are done.
          need: z.object({ phrase: z.string(), step: z.number().int(), of: z.number().int() }).optional(),
        })
        .passthrough(),
    ),
  })
  .meta({ id: 'Suggestions' });

export const MatterPage = z
  .object({ items: z.array(MatterSummary), total: z.number(), nextCursor: z.string().optional() })
  .meta({ id: 'MatterPage' });

/** A guide is the implementation item in force, with the version it comes from. */
export const Guide = ImplementationItem.extend({
  version: z.number().int(),
  effectiveFrom: IsoDate,
}).meta({ id: 'Guide' });

/**
 * The guide as GET /api/matters/{code} shows it: with the time limits a case of it actually gets, computed by
 * the same rules the case uses, so the page never promises one thing while the case is given another.
 */
export const GuideView = Guide.extend({
  toleranceDays: z
    .number()
    .int()
    .optional()
    .describe(
      '容缺 (when offered): working days after acceptance to supply a deferred material — the default, 5, but never beyond the promised limit',
    ),
  stepShares: z
    .array(z.object({ step: z.string(), days: z.number().int() }))
    .describe(
      "each review step's working days within the promised limit, if every step before it takes its whole share: the steps' own periods when they fit the promise, a proportional share of it when they do not",
    ),
}).meta({ id: 'GuideView' });

export const BaseItemVersion = BaseItem.extend({ version: z.number().int(), effectiveFrom: IsoDate }).meta({
  id: 'BaseItem',
});

export const RegionList = z.object({ items: z.array(Region) }).meta({ id: 'RegionList' });

/** What a department may change about its implementation item: only the local parts. */
export const LocalChanges = z
  .object({
    promisedLimitDays: z.number().int().min(0),
    handlingForm: HandlingForm,
    visits: z.number().int().min(0).max(2),
    fees: z.array(Fee),
    locations: z.array(Location).min(1),
    consultationPhone: z.string().min(1),
    complaintPhone: z.string().min(1),
    onlineUrl: z.string(),
    crossRegionScope: CrossRegionScope,
  })
  .partial()
  .strict();

export const AdjustmentRequestBody = z
  .object({
    implementationCode: z.string().regex(IMPLEMENTATION_CODE),
    changes: LocalChanges.refine((c) => Object.keys(c).length > 0, 'propose at least one change'),
    effectiveFrom: IsoDate,
    reason: z.string().trim().min(4).max(2000),
  })
  .meta({ id: 'AdjustmentRequestBody' });

export const Adjustment = z
  .object({
    id: z.string(),
    implementationCode: z.string(),
    region: z.string(),
    department: z.string(),
    changes: LocalChanges,
    effectiveFrom: IsoDate,
    reason: z.string(),
    status: z.enum(['pending', 'approved', 'rejected']),
    proposedBy: z.string(),
    proposedAt: z.string(),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    decisionReason: z.string().optional(),
    publishedVersion: z.number().int().optional(),
    advice: z
      .array(
        z.object({ item: z.string(), element: z.string(), rule: z.string(), zh: z.string(), en: z.string() }),
      )
      .optional()
      .describe(
        'what the office should know and no rule refuses: e.g. review steps that take longer than the promised limit and will share it',
      ),
  })
  .meta({ id: 'Adjustment' });

export const AdjustmentPage = z
  .object({ items: z.array(Adjustment), nextCursor: z.string().optional() })
  .meta({ id: 'AdjustmentPage' });

export const ListAdjustmentsQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: Cursor,
});

export const AdjustmentIdPath = z.object({ id: z.string().uuid() });

export const DecisionBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().min(2).max(2000),
  })
  .meta({ id: 'AdjustmentDecision' });

export const CatalogExport = z
  .object({
    $schema: z.string(),
    exportedAt: z.string(),
    version: z.string(),
    regions: z.array(Region),
    baseItems: z.array(BaseItemVersion),
    implementationItems: z.array(Guide),
  })
  .meta({ id: 'CatalogExport' });
