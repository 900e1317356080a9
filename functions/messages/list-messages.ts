import { decodeCursor, encodeCursor } from '../../shared/http/cursor.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { ListMessagesQuery } from '../../shared/http/schemas/messages.ts';
import { messages, messageView } from './store.ts';

/**
 * GET /api/messages: my inbox, newest first — the notifications of every case filed for my ID hash (by me,
 * or by a window for me). The inbox is keyed by the hash in my token, so no one else's message can be in it.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  const { limit, cursor } = ListMessagesQuery.parse(request.queryStringParameters ?? {});
  const scope = `messages:${actor.subject}`;
  const start = await decodeCursor(cursor, scope);
  // Without real-name verification there is no ID hash, and so no case to be told about.
  if (!actor.idHash) return { items: [] };
  const page = await messages.list(actor.idHash, limit, start);
  return { items: page.messages.map(messageView), nextCursor: await encodeCursor(page.last, scope) };
});
