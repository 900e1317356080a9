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
    engines: z.record(z.string(), Engine),
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
