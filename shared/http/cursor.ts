import { createHmac, timingSafeEqual } from 'node:crypto';
import { GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';
import { nowMs } from '../adapters/clock.ts';
import { requiredEnv } from '../adapters/env.ts';
import { badRequest } from './errors.ts';

/**
 * List cursors: opaque to clients, signed, bound to the caller and query they came from (the `scope` a handler
 * gives), and short-lived. The signing key is derived once per container inside KMS (GenerateMac of a fixed
 * label under the paging key), so it is in no code, configuration or log, and the HMACs themselves are
 * computed here, without a KMS call per page. Anything that is not a cursor this platform issued for this
 * caller and query in the last day is a 400, never an error further down.
 */
const kms = new KMSClient({});
const LABEL = new TextEncoder().encode('tongban/list-cursor/v1');
const MAX_AGE_MS = 24 * 3600_000;
const MAX_LENGTH = 2048;

let signingKey: Promise<Buffer> | undefined;
function key(): Promise<Buffer> {
  signingKey ??= kms
    .send(
      new GenerateMacCommand({
        KeyId: requiredEnv('PAGING_KEY_ID'),
        MacAlgorithm: 'HMAC_SHA_256',
        Message: LABEL,
      }),
    )
    .then(({ Mac }) => {
      if (!Mac) throw new Error('KMS GenerateMac returned no MAC');
      return Buffer.from(Mac);
    })
    .catch((error) => {
      signingKey = undefined;
      throw error;
    });
  return signingKey;
}

async function sign(payload: string, scope: string): Promise<Buffer> {
  return createHmac('sha256', await key())
    .update(`${scope}|${payload}`)
    .digest();
}

const invalid = () =>
  badRequest(
    'INVALID_CURSOR',
    '分页游标无效或已过期，请从第一页重新查询',
    'The cursor is not valid for this list (or has expired): start again from the first page',
  );

export async function encodeCursor(
  last: Record<string, unknown> | undefined,
  scope: string,
): Promise<string | undefined> {
  if (!last) return undefined;
  const payload = Buffer.from(JSON.stringify({ k: last, t: nowMs() })).toString('base64url');
  return `${payload}.${(await sign(payload, scope)).toString('base64url')}`;
}

export async function decodeCursor(
  cursor: string | undefined,
  scope: string,
): Promise<Record<string, unknown> | undefined> {
  if (!cursor) return undefined;
  const [payload = '', signature = '', ...rest] = cursor.split('.');
  if (
    cursor.length > MAX_LENGTH ||
    rest.length > 0 ||
    !/^[\w-]+$/.test(payload) ||
    !/^[\w-]+$/.test(signature)
  ) {
    throw invalid();
  }
  const expected = await sign(payload, scope);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let parsed: { k?: unknown; t?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed?.t !== 'number' || nowMs() - parsed.t > MAX_AGE_MS || !isKey(parsed.k)) throw invalid();
  return parsed.k;
}

/** A DynamoDB key as the platform's queries return them: a few named strings and numbers, nothing else. */
function isKey(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.length <= 6 &&
    entries.every(
      ([name, v]) =>
        /^[A-Za-z0-9_]{1,32}$/.test(name) &&
        ((typeof v === 'string' && v.length <= 1024) || (typeof v === 'number' && Number.isFinite(v))),
    )
  );
}
