import { createHmac } from 'node:crypto';
import { badRequest } from './errors.ts';

// Cursors are opaque to clients and bound to the query they came from, so one cannot be replayed elsewhere.
const secret = process.env.CURSOR_SECRET ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'tongban';
const sign = (payload: string, scope: string) =>
  createHmac('sha256', secret).update(`${scope}|${payload}`).digest('base64url').slice(0, 16);

export function encodeCursor(key: Record<string, unknown> | undefined, scope: string): string | undefined {
  if (!key) return undefined;
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${sign(payload, scope)}`;
}

export function decodeCursor(cursor: string | undefined, scope: string): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  const [payload = '', signature] = cursor.split('.');
  if (signature !== sign(payload, scope))
    throw badRequest('INVALID_CURSOR', '分页游标无效', 'The cursor is not valid for this query');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}
