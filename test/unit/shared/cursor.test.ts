import { createHmac } from 'node:crypto';
import { GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The key KMS would derive; the test knows it, as an attacker never does, to forge cursors past the signature.
const DERIVED = Buffer.alloc(32, 7);
const kms = mockClient(KMSClient);
kms.on(GenerateMacCommand).resolves({ Mac: DERIVED });

let cursors: typeof import('../../../shared/http/cursor.ts');
beforeAll(async () => {
  vi.stubEnv('PAGING_KEY_ID', 'arn:aws-cn:kms:cn-northwest-1:000000000000:key/paging');
  cursors = await import('../../../shared/http/cursor.ts');
});

const forge = (body: unknown, scope: string) => {
  const payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)).toString('base64url');
  const signature = createHmac('sha256', DERIVED).update(`${scope}|${payload}`).digest('base64url');
  return `${payload}.${signature}`;
};
const refusal = async (cursor: string, scope = 'cases:citizen-zhang') => {
  try {
    await cursors.decodeCursor(cursor, scope);
  } catch (error) {
    return error as { status: number; code: string };
  }
  return undefined;
};

describe('a list cursor', () => {
  it('gives back the key it was made from, for the same caller and query', async () => {
    const key = { pk: 'CASE#1', sk: 'CASE', gsi1pk: 'APPLICANT#h', gsi1sk: '2026-12-07' };
    const cursor = await cursors.encodeCursor(key, 'cases:citizen-zhang');
    expect(await cursors.decodeCursor(cursor, 'cases:citizen-zhang')).toEqual(key);
  });

  it('is derived from KMS once per container, not once per page', async () => {
    const before = kms.commandCalls(GenerateMacCommand).length;
    for (let i = 0; i < 5; i++) await cursors.encodeCursor({ pk: `P${i}` }, 'scope');
    expect(kms.commandCalls(GenerateMacCommand).length - before).toBeLessThanOrEqual(1);
  });

  it("is refused, as a 400, for another caller's or another query's list", async () => {
    const cursor = (await cursors.encodeCursor({ pk: 'CASE#1' }, 'cases:citizen-zhang'))!;
    expect(await refusal(cursor, 'cases:citizen-li')).toMatchObject({
      status: 400,
      code: 'INVALID_CURSOR',
    });
  });

  it('is refused when its signature is not ours: a key guessed from a function name signs nothing', async () => {
    const payload = Buffer.from(JSON.stringify({ k: { pk: 'X' }, t: Date.now() })).toString('base64url');
    const guessed = createHmac('sha256', 'tongban-dev-api-Read').update(`cases:citizen-zhang|${payload}`);
    expect(await refusal(`${payload}.${guessed.digest('base64url')}`)).toMatchObject({ status: 400 });
  });

  it.each([
    ['not JSON', 'not json at all'],
    ['JSON that is no key', { k: 'CASE#1', t: Date.now() }],
    ['a key of objects', { k: { pk: { S: 'x' } }, t: Date.now() }],
    ['a key with an odd attribute name', { k: { 'pk; DROP': 'x' }, t: Date.now() }],
    ['an empty key', { k: {}, t: Date.now() }],
    ['a key too long for any table', { k: { pk: 'x'.repeat(2000) }, t: Date.now() }],
    ['no time', { k: { pk: 'x' } }],
    ['a day and more old', { k: { pk: 'x' }, t: Date.now() - 25 * 3600_000 }],
  ])('is refused, even signed, when its payload is %s', async (_, body) => {
    expect(await refusal(forge(body, 'cases:citizen-zhang'))).toMatchObject({
      status: 400,
      code: 'INVALID_CURSOR',
    });
  });

  it.each(['', '.', 'a.b.c', 'a'.repeat(3000), 'ünïcode.sig', 'abc'])(
    'is refused when malformed: %j',
    async (cursor) => {
      if (cursor === '') return expect(await cursors.decodeCursor(cursor, 's')).toBeUndefined();
      expect(await refusal(cursor)).toMatchObject({ status: 400 });
    },
  );
});
