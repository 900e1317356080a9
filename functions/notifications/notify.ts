import { z } from 'zod';
import { CaseStore } from '../../shared/adapters/case-store.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventHandler, eventOf } from '../../shared/adapters/event-handler.ts';
import { logger } from '../../shared/adapters/logger.ts';
import { MessageStore } from '../../shared/adapters/message-store.ts';
import { CaseStatus } from '../../shared/domain/cases/model.ts';
import { notificationOf } from '../../shared/domain/notifications/notification.ts';

const table = requiredEnv('CASES_TABLE');
const cases = new CaseStore(documents, table);
const inbox = new MessageStore(documents, table);

const Detail = z.object({
  idempotencyKey: z.string().min(1),
  caseId: z.string().min(1),
  occurredAt: z.string().min(1),
  action: z.string().min(1),
  from: CaseStatus,
  to: CaseStatus,
  reason: z.string().optional(),
});

/**
 * A case event the applicant should know of: renders its template in zh-CN and English and writes the message
 * to the applicant's inbox, once (a redelivered or replayed event writes nothing). The message carries its
 * `Notification Requested` event, which the outbox puts on the hub for SMS and e-mail. A template missing a
 * value throws, so the event is retried and then kept in the dead-letter queue rather than sent with a hole.
 */
export const handler = eventHandler({ input: eventOf(Detail) }, async (event) => {
  const { detail } = event;
  const c = await cases.get(detail.caseId);
  if (!c) {
    logger.warn('no such case; nothing to notify', { caseId: detail.caseId });
    return { notified: false };
  }
  const notification = notificationOf({ ...detail, detailType: event['detail-type'] }, c);
  if (!notification) return { notified: false };
  const written = await inbox.deliver(notification);
  logger.info(written ? 'notification written' : 'notification already written', {
    caseId: c.id,
    template: notification.template,
  });
  return { notified: written, template: notification.template };
});
