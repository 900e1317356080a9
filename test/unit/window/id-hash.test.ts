import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenerateMacCommand, KMSClient, NotFoundException } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// The adapter reads its key when it hashes; set before any import all the same, like a function's environment.
await vi.hoisted(async () => {
  Object.assign(process.env, {
    ID_HASH_KEY_ID: 'arn:aws-cn:kms:cn-northwest-1:000000000000:key/id-hash',
    AWS_REGION: 'cn-northwest-1',
    AWS_ACCESS_KEY_ID: 'AKIDTEST',
    AWS_SECRET_ACCESS_KEY: 'secret',
  });
});

import { LocalAwsEndpoint } from '../../../infra/local/aws/endpoint.ts';
import { LocalKms } from '../../../infra/local/aws/kms.ts';
import { idHashOf } from '../../../shared/adapters/id-hash.ts';

const ZHANG = '610104199003071230';
const KEY = Buffer.alloc(32, 7);
const hmac = (message: string, key = KEY) => createHmac('sha256', key).update(message).digest();

describe('idHashOf (KMS GenerateMac)', () => {
  const kms = mockClient(KMSClient);
  afterEach(() => kms.reset());
  // The next block talks to local mode's KMS with the real client.
  afterAll(() => kms.restore());

  it('asks KMS for HMAC_SHA_256 of the number under the ID hash key, and answers it as base64url', async () => {
    kms.on(GenerateMacCommand).callsFake((input) => ({
      Mac: hmac(new TextDecoder().decode(input.Message)),
      KeyId: input.KeyId,
      MacAlgorithm: input.MacAlgorithm,
    }));
    const hash = await idHashOf(ZHANG);
    expect(hash).toBe(hmac(ZHANG).toString('base64url'));
    expect(hash).toMatch(/^[\w-]{43}$/);
    const [call] = kms.commandCalls(GenerateMacCommand);
    expect(call!.args[0].input).toMatchObject({
      KeyId: process.env.ID_HASH_KEY_ID,
      MacAlgorithm: 'HMAC_SHA_256',
    });
  });

  it('hashes a number as typed with spaces or a lower-case x like the number itself', async () => {
    kms.on(GenerateMacCommand).callsFake((input) => ({ Mac: hmac(new TextDecoder().decode(input.Message)) }));
    expect(await idHashOf(' 61030219881125002x ')).toBe(await idHashOf('61030219881125002X'));
  });

  it('fails rather than answer without a hash when KMS refuses', async () => {
    kms.on(GenerateMacCommand).rejects(new NotFoundException({ message: 'no such key', $metadata: {} }));
    await expect(idHashOf(ZHANG)).rejects.toThrow('no such key');
  });
});

describe("local mode's KMS (TrentService.GenerateMac)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-kms-'));
  const keys = [
    { id: 'id-hash', arn: process.env.ID_HASH_KEY_ID!, keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' },
    {
      id: 'data',
      arn: 'arn:aws-cn:kms:cn-northwest-1:000000000000:key/data',
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
    },
  ];
  const local = new LocalKms(dir, keys);
  const endpoint = new LocalAwsEndpoint({ 'TrentService.GenerateMac': (i) => local.generateMac(i) }, []);
  let client: KMSClient;
  beforeAll(async () => {
    client = new KMSClient({ endpoint: await endpoint.start() });
  });
  afterAll(async () => {
    await endpoint.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const generateMac = (KeyId: string, message = ZHANG, MacAlgorithm: 'HMAC_SHA_256' = 'HMAC_SHA_256') =>
    client.send(new GenerateMacCommand({ KeyId, MacAlgorithm, Message: new TextEncoder().encode(message) }));

  it("answers the real SDK with the HMAC of the key's material, the same bytes the local issuer hashes with", async () => {
    const { Mac, KeyId } = await generateMac('id-hash');
    expect(Buffer.from(Mac!)).toEqual(local.mac('id-hash', Buffer.from(ZHANG)));
    expect(KeyId).toBe(keys[0]!.arn);
    expect(Buffer.from(Mac!).length).toBe(32);
  });

  it('finds a key by its ARN as by its id, and gives one number one MAC and two numbers two', async () => {
    const byArn = await generateMac(keys[0]!.arn);
    const byId = await generateMac('id-hash');
    const other = await generateMac('id-hash', '61030219881125002X');
    expect(Buffer.from(byArn.Mac!)).toEqual(Buffer.from(byId.Mac!));
    expect(Buffer.from(other.Mac!)).not.toEqual(Buffer.from(byId.Mac!));
  });

  it('keeps the key material in the data folder, so the MAC survives a restart', () => {
    const again = new LocalKms(dir, keys);
    expect(again.mac('id-hash', Buffer.from(ZHANG))).toEqual(local.mac('id-hash', Buffer.from(ZHANG)));
    expect(readdirSync(dir)).toEqual(['id-hash.key']);
  });

  it('answers NotFoundException for an unknown key and InvalidKeyUsageException for an encryption key', async () => {
    await expect(generateMac('no-such-key')).rejects.toMatchObject({ name: 'NotFoundException' });
    await expect(generateMac('data')).rejects.toMatchObject({ name: 'InvalidKeyUsageException' });
  });
});
