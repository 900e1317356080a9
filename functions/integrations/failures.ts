import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { IntegrationFailures } from '../../shared/adapters/integration-failures.ts';
import { decodeCursor, encodeCursor } from '../../shared/http/cursor.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { ListCasesQuery } from '../../shared/http/schemas/cases.ts';

const failures = new IntegrationFailures(documents, requiredEnv('CASES_TABLE'));

/** GET /api/integrations/failures: answers of department systems that changed nothing, and why (admins). */
export const handler = httpHandler(async (request) => {
  requireRole(request, 'admin');
  const { limit, cursor } = ListCasesQuery.parse(request.queryStringParameters ?? {});
  const page = await failures.list(limit, await decodeCursor(cursor, 'integration-failures'));
  return { items: page.failures, nextCursor: await encodeCursor(page.last, 'integration-failures') };
});
