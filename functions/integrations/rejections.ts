import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventOf } from '../../shared/adapters/event-handler.ts';
import { IntegrationFailures } from '../../shared/adapters/integration-failures.ts';
import { logger } from '../../shared/adapters/logger.ts';
import type { Message } from '../../shared/domain/cases/model.ts';

const failures = new IntegrationFailures(documents, requiredEnv('CASES_TABLE'), {
  client: new SQSClient({}),
  queueUrl: requiredEnv('REJECTED_ANSWERS_QUEUE_URL'),
});

/** An event from outside, whatever its detail: it is checked by the handler, never refused at the door. */
export const ForeignEvent = eventOf(z.unknown());
export type ForeignEvent = z.infer<typeof ForeignEvent>;

/**
 * What an event from outside (a department's answer, a regulator's record) changed nothing for, and why: kept
 * for the administrators (GET /api/integrations/failures) and put on the rejected-answers queue.
 */
export async function reject(event: ForeignEvent, reason: Message): Promise<void> {
  const failure = await failures.record({
    source: event.source,
    detailType: event['detail-type'],
    reason,
    detail: event.detail,
  });
  logger.warn('integration event rejected', { code: reason.code, failureId: failure.id });
}

/** The reason an event does not fit its schema, naming the fields at fault. */
export function misfit(code: string, what: { zh: string; en: string }, error: z.ZodError): Message {
  const where = error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
  return {
    code,
    zh: `${what.zh}不符合事件规范：${where}`,
    en: `${what.en} does not fit its schema: ${where}`,
  };
}
