import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { z } from 'zod';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { StalledStore } from '../../shared/adapters/stalled-store.ts';
import { stall } from '../../shared/domain/cases/stall.ts';
import { cases, now } from './context.ts';

const stalled = new StalledStore(documents, requiredEnv('CASES_TABLE'));
const metrics = new Metrics({ namespace: 'tongban', serviceName: 'workflow' });

const Input = z.object({
  caseId: z.string().min(1),
  state: z.string().min(1),
  failure: z
    .object({ Error: z.string().default('Error'), Cause: z.string().optional() })
    .default({ Error: 'Error' }),
});

/**
 * Workflow step, reached when another step failed for good (its retries used up, or input it cannot take,
 * which is not retried): the case is marked stalled and listed for the supervisors of its region
 * (GET /api/staff/stalled), a `Case Stalled` event is published and `CaseStalled` counted (alarmed). The
 * execution then ends; a supervisor resumes the case once the cause is fixed (POST /api/staff/cases/{id}/resume).
 */
export const handler = eventHandler({ input: Input, metrics }, async ({ caseId, state, failure }) => {
  const c = await cases.get(caseId);
  // The Lambda error's cause is JSON with the message and stack: only the message is kept, and briefly.
  const cause = messageOf(failure.Cause)?.slice(0, 300);
  logger.error('workflow step failed for good', { caseId, state, error: failure.Error, cause });
  const marked = c && stall(c, { state, error: failure.Error, cause, at: now() });
  if (!c || !marked) return { stalled: false };
  await cases.transition(c, marked.case, marked.record, { also: [stalled.listing(marked.case)] });
  metrics.addMetric('CaseStalled', MetricUnit.Count, 1);
  return { stalled: true };
});

function messageOf(cause: string | undefined): string | undefined {
  if (!cause) return undefined;
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: string };
    return parsed.errorMessage ?? cause;
  } catch {
    return cause;
  }
}
