import { z } from 'zod';
import { CHANNELS } from '../../domain/notifications/templates.ts';
import { Cursor } from './common.ts';

export const ListMessagesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: Cursor,
});

export const MessageIdPath = z.object({
  id: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[A-Za-z0-9_-]+$/, 'not a message id'),
});

const InBoth = z.object({ 'zh-CN': z.string(), en: z.string() });

/** One message of the applicant's inbox: what changed on which of their cases, in both languages. */
export const MessageView = z
  .object({
    id: z.string().describe('opaque'),
    caseId: z.string(),
    template: z.string().describe('the template it was rendered from (correction-requested, accepted …)'),
    title: InBoth,
    body: InBoth,
    channels: z.array(z.enum(CHANNELS)).describe('where else it was sent: SMS and e-mail integrations'),
    createdAt: z.string().describe('when the change it tells of happened'),
    read: z.boolean(),
    readAt: z.string().optional(),
  })
  .meta({ id: 'InboxMessage' });

export const MessagePage = z
  .object({ items: z.array(MessageView), nextCursor: z.string().optional() })
  .meta({ id: 'InboxMessagePage' });
