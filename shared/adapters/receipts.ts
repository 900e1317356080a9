import { timingSafeEqual } from 'node:crypto';
import { GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';
import { requiredEnv } from './env.ts';

const kms = new KMSClient({});

export interface Receipt {
  keyId: string;
  algorithm: 'HMAC_SHA_256';
  signature: string;
}

/**
 * Receipts of hand-offs, signed with the platform's KMS HMAC receipt key: the key never leaves KMS, so a
 * receipt cannot be made afterwards by anyone who reads the tables.
 */
export async function signReceipt(text: string): Promise<Receipt> {
  const keyId = requiredEnv('RECEIPT_KEY_ID');
  const { Mac } = await kms.send(
    new GenerateMacCommand({
      KeyId: keyId,
      MacAlgorithm: 'HMAC_SHA_256',
      Message: new TextEncoder().encode(text),
    }),
  );
  if (!Mac) throw new Error('KMS GenerateMac returned no MAC');
  return { keyId, algorithm: 'HMAC_SHA_256', signature: Buffer.from(Mac).toString('base64url') };
}

/** Whether `receipt` signs `text`: the MAC is made again and compared in constant time. */
export async function verifyReceipt(text: string, receipt: Receipt): Promise<boolean> {
  const again = await signReceipt(text);
  const [a, b] = [Buffer.from(again.signature, 'base64url'), Buffer.from(receipt.signature, 'base64url')];
  return a.length === b.length && timingSafeEqual(a, b);
}
