import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { MessageStore, type StoredMessage } from '../../shared/adapters/message-store.ts';
import { notFound } from '../../shared/http/errors.ts';

export const messages = new MessageStore(documents, requiredEnv('CASES_TABLE'));

/** A message as its recipient sees it: title and body side by side in both languages. */
export function messageView(m: StoredMessage) {
  return {
    id: m.id,
    caseId: m.caseId,
    template: m.template,
    title: { 'zh-CN': m.message['zh-CN'].title, en: m.message.en.title },
    body: { 'zh-CN': m.message['zh-CN'].body, en: m.message.en.body },
    channels: m.channels,
    createdAt: m.createdAt,
    read: m.read,
    ...(m.readAt ? { readAt: m.readAt } : {}),
  };
}

/** Someone else's message answers exactly like one that does not exist. */
export const noSuchMessage = () => notFound('MESSAGE_NOT_FOUND', '未找到该消息', 'No such message');
