import { maskName } from '../../shared/domain/masking.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { caller } from '../../shared/http/identity.ts';

/** GET /api/me and /api/staff/me: who the verified token says the caller is, with personal data masked. */
export const handler = httpHandler(async (request) => {
  const { idHash: _idHash, name, ...rest } = caller(request);
  return { ...rest, name: name ? maskName(name) : undefined };
});
