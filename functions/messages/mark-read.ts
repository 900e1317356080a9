import { nowIso } from '../../shared/adapters/clock.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { MessageIdPath } from '../../shared/http/schemas/messages.ts';
import { messages, messageView, noSuchMessage } from './store.ts';

/**
 * POST /api/messages/{id}/read: marks one of my messages read (again is fine; the first time is kept). The id
 * is looked up in my own inbox only, so another person's message is a 404, like one that does not exist.
 */
export const handler = httpHandler(async (request) => {
  const actor = requireRole(request, 'citizen', 'enterprise');
  const { id } = MessageIdPath.parse(request.pathParameters ?? {});
  if (!actor.idHash) throw noSuchMessage();
  const read = await messages.markRead(actor.idHash, id, nowIso());
  if (!read) throw noSuchMessage();
  return messageView(read);
});
