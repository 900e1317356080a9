import type { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An in-process s3rver built the way infra/local/s3/engine.ts builds it, but handing back the server itself:
 * its event emitter is what watchObjectCreated listens to, and startS3 does not expose it (yet).
 */
interface S3rver extends EventEmitter {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  httpServer: Server;
}

const require = createRequire(import.meta.url);
const S3rverClass = require('@20minutes/s3rver') as new (options: Record<string, unknown>) => S3rver;
const { DUMMY_ACCOUNT } = require('@20minutes/s3rver/lib/models/account.js') as {
  DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
};

/**
 * s3rver canonicalizes SigV4 query values with encodeURIComponent, which leaves !'()* bare where AWS (and
 * the SDK that signs) percent-encodes them: a presigned URL with one of them in a value, as a download's
 * RFC 8187 `filename*=UTF-8''…` disposition has, fails with SignatureDoesNotMatch. engine.ts needs the same
 * fix in its getStringToSign wrapper; it is applied here so the tests run against S3's behaviour.
 */
const v4 = require('@20minutes/s3rver/lib/signature/v4.js') as {
  getStringToSign(canonical: { querystring: string }, request: unknown): string;
};
const getStringToSign = v4.getStringToSign;
v4.getStringToSign = (canonical, request) =>
  getStringToSign(
    {
      ...canonical,
      querystring: canonical.querystring.replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    },
    request,
  );

export const CREDENTIALS = { accessKeyId: 'TONGBANTEST', secretAccessKey: 'tongban-test-secret' };

export async function startS3rver(buckets: string[]) {
  DUMMY_ACCOUNT.createKeyPair(CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey);
  const directory = await mkdtemp(join(tmpdir(), 'tongban-materials-'));
  const server = new S3rverClass({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    vhostBuckets: false,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const { port } = await server.run();
  return {
    server,
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      server.httpServer.closeAllConnections();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
