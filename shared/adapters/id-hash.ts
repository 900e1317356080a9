import { GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';
import { canonicalIdNumber } from '../domain/id-numbers.ts';
import { requiredEnv } from './env.ts';

const kms = new KMSClient({});

/**
 * The ID hash of an ID number or 统一社会信用代码: HMAC-SHA-256 under the platform's KMS HMAC key (GenerateMac),
 * base64url. Real-name verification puts the same hash in a citizen's token (`custom:idHash`), so a case a
 * window took in by the number is found again when the citizen signs in. Keyed, and computed inside KMS,
 * because ID numbers are few enough (region, birth date, sequence) to hash them all: a plain or salted hash
 * would hide nothing from whoever holds the salt.
 */
export async function idHashOf(number: string): Promise<string> {
  const { Mac } = await kms.send(
    new GenerateMacCommand({
      KeyId: requiredEnv('ID_HASH_KEY_ID'),
      MacAlgorithm: 'HMAC_SHA_256',
      Message: new TextEncoder().encode(canonicalIdNumber(number)),
    }),
  );
  if (!Mac) throw new Error('KMS GenerateMac returned no MAC');
  return Buffer.from(Mac).toString('base64url');
}
