import { z } from 'zod';

export const IntegrationFailureView = z
  .object({
    id: z.string(),
    at: z.string(),
    source: z.string(),
    detailType: z.string(),
    reason: z.object({ code: z.string(), zh: z.string(), en: z.string() }),
    detail: z.unknown().describe('the answer as it came'),
  })
  .meta({ id: 'IntegrationFailure' });

export const IntegrationFailurePage = z
  .object({ items: z.array(IntegrationFailureView), nextCursor: z.string().optional() })
  .meta({ id: 'IntegrationFailurePage' });
