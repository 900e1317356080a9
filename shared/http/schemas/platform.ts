import { z } from 'zod';

const Engine = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
});

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    stage: z.string().optional(),
    now: z.string().describe("the platform's time (local mode can move it)"),
    engines: z.record(z.string(), Engine),
    calendar: z
      .object({
        nextYear: z.number().int(),
        nextYearLoaded: z
          .boolean()
          .describe("whether the next year's holiday schedule is published or loaded"),
        startsInDays: z.number().int(),
        warning: z
          .object({ 'zh-CN': z.string(), en: z.string() })
          .optional()
          .describe('the next year starts within 60 days and its schedule is not loaded'),
      })
      .optional(),
  })
  .meta({ id: 'Health' });

export const Me = z
  .object({
    subject: z.string(),
    roles: z.array(z.string()),
    name: z.string().optional().describe('masked'),
    region: z.string().optional(),
    department: z.string().optional(),
  })
  .meta({ id: 'Me' });
