import { z } from 'zod';

/** Every error the API answers with (400, 403, 404, 409 …). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('stable, machine-readable'),
      message: z.object({ 'zh-CN': z.string(), en: z.string() }),
      details: z.unknown().optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** What API Gateway itself answers for a missing or bad token, or an unknown route. */
export const GatewayError = z.object({ message: z.string() }).meta({ id: 'GatewayError' });

export const Cursor = z
  .string()
  .max(512)
  .optional()
  .describe('opaque; pass the nextCursor of the previous page');

/** A calendar date, as in `?at=2026-03-01`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** A case's id in a path, shared by the cases and materials routes. */
export const CaseIdPath = z.object({ id: z.string().uuid('not a case id') });

/** Why some dates are provisional (shared/domain/clock/provisional.ts): the years, and the reason in both languages. */
export const ProvisionalView = z
  .object({ years: z.array(z.number().int()), 'zh-CN': z.string(), en: z.string() })
  .meta({ id: 'ProvisionalDates' });
