import { httpHandler } from '../../shared/http/handler.ts';
import { openApiDocument } from '../../shared/http/openapi.ts';

// Generated once per container from the same zod schemas the handlers validate with.
const document = openApiDocument({ version: process.env.STAGE ?? 'dev' });

/** GET /api/openapi.json. */
export const handler = httpHandler(async () => ({
  statusCode: 200,
  body: document,
  headers: { 'cache-control': 'public, max-age=300' },
}));
