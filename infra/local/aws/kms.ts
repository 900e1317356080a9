import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateModel } from '../assembly/model.ts';
import { awsError } from './endpoint.ts';

/** A KMS key of the app, as GenerateMac needs to know it. */
export interface LocalKey {
  id: string;
  arn: string;
  keySpec: string;
  keyUsage: string;
}

/** KMS's HMAC key specs: the length of their key material and the one MAC algorithm each allows. */
const HMAC_SPECS: Record<string, { bytes: number; algorithm: string; digest: string }> = {
  HMAC_224: { bytes: 28, algorithm: 'HMAC_SHA_224', digest: 'sha224' },
  HMAC_256: { bytes: 32, algorithm: 'HMAC_SHA_256', digest: 'sha256' },
  HMAC_384: { bytes: 48, algorithm: 'HMAC_SHA_384', digest: 'sha384' },
  HMAC_512: { bytes: 64, algorithm: 'HMAC_SHA_512', digest: 'sha512' },
};

/** The app's KMS keys, with the spec and usage their templates give them (KMS's defaults otherwise). */
export function kmsKeysOf(model: TemplateModel): LocalKey[] {
  return model.ofType('AWS::KMS::Key').map((key) => {
    const props = model.properties(key);
    return {
      id: model.ref(key),
      arn: String(model.getAtt(key, 'Arn')),
      keySpec: String(props.KeySpec ?? 'SYMMETRIC_DEFAULT'),
      keyUsage: String(props.KeyUsage ?? 'ENCRYPT_DECRYPT'),
    };
  });
}

/**
 * KMS's HMAC keys for local mode: GenerateMac with key material made on first use and kept in the data folder,
 * so hashes stay the same across restarts. In AWS the material never leaves KMS; here it is a file that is
 * never deployed. Encryption keys stay inert: local engines do not encrypt.
 */
export class LocalKms {
  private readonly material = new Map<string, Buffer>();

  constructor(
    private readonly dir: string,
    private readonly keys: LocalKey[],
  ) {}

  /** `TrentService.GenerateMac`, with the JSON protocol's base64 blobs. */
  generateMac(input: { KeyId?: unknown; Message?: unknown; MacAlgorithm?: unknown }) {
    const key = this.key(input.KeyId);
    const message = Buffer.from(String(input.Message ?? ''), 'base64');
    if (message.length < 1 || message.length > 4096) {
      throw awsError('ValidationException', 'Message must be between 1 and 4096 bytes long');
    }
    const algorithm = String(input.MacAlgorithm ?? '');
    return {
      KeyId: key.arn,
      MacAlgorithm: algorithm,
      Mac: this.mac(key.id, message, algorithm).toString('base64'),
    };
  }

  /** The MAC of `message` under a key, by its id or ARN: what GenerateMac answers, as bytes. */
  mac(keyId: string, message: Uint8Array, algorithm = 'HMAC_SHA_256'): Buffer {
    const key = this.key(keyId);
    const spec = HMAC_SPECS[key.keySpec];
    if (!spec || key.keyUsage !== 'GENERATE_VERIFY_MAC') {
      throw awsError('InvalidKeyUsageException', `${key.arn} is not a key for GENERATE_VERIFY_MAC`);
    }
    if (algorithm !== spec.algorithm) {
      throw awsError('InvalidKeyUsageException', `${key.keySpec} keys only support ${spec.algorithm}`);
    }
    return createHmac(spec.digest, this.materialOf(key.id, spec.bytes)).update(message).digest();
  }

  private key(keyId: unknown): LocalKey {
    const key = this.keys.find((k) => k.id === keyId || k.arn === keyId);
    if (!key) throw awsError('NotFoundException', `Key '${String(keyId)}' does not exist`);
    return key;
  }

  private materialOf(id: string, bytes: number): Buffer {
    const cached = this.material.get(id);
    if (cached) return cached;
    const file = join(this.dir, `${id}.key`);
    if (!existsSync(file)) {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(file, randomBytes(bytes), { mode: 0o600, flag: 'wx' });
    }
    const material = readFileSync(file);
    this.material.set(id, material);
    return material;
  }
}
