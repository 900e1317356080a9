import type { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnsupportedTemplatePropertyError } from '../errors.ts';

export interface TemplateBucket {
  name: string;
  logicalId: string;
  /** Already intrinsic-resolved. */
  properties: Record<string, unknown>;
}

export interface S3Options {
  /** Where objects are kept; undefined uses a temporary directory removed at stop. */
  dataDir?: string;
  /** 0 or undefined picks a free port. */
  port?: number;
  buckets: TemplateBucket[];
  /** The only credentials whose signatures are accepted. */
  accessKeyId: string;
  secretAccessKey: string;
  /** Local mode's fault switch: whether to answer this request 503 SlowDown, as S3 does when overloaded. */
  slowDown?: (method: string) => boolean;
}

export interface S3 {
  endpoint: string;
  port: number;
  /** s3rver itself: it emits an event for every object created (see notifications.ts). */
  server: EventEmitter;
  stop(): Promise<void>;
}

/** Every bucket property local mode accepts, with what becomes of it; anything else stops local mode. */
export const supportedBucketProperties: Readonly<Record<string, string>> = {
  BucketName: 'the physical name is used',
  CorsConfiguration: 'enforced on browser requests',
  BucketEncryption: 'objects are stored unencrypted',
  VersioningConfiguration:
    'only the latest version is kept, so an object written through a presigned URL cannot be written again ' +
    'through one: in AWS the new version stays unserved (the upload check deletes it), here it is refused',
  PublicAccessBlockConfiguration: 'every bucket is private: only signed requests are served',
  OwnershipControls: 'ACLs are not emulated',
  LifecycleConfiguration: 'objects never expire',
  LoggingConfiguration: 'no access logs are written',
  Tags: 'nothing reads tags locally',
  ObjectLockEnabled: 'only false: object lock is not emulated',
  NotificationConfiguration:
    'only EventBridgeConfiguration: objects created are announced on the default bus',
};

interface CorsRule {
  Id?: string;
  AllowedOrigins: string[];
  AllowedMethods: string[];
  AllowedHeaders?: string[];
  ExposedHeaders?: string[];
  MaxAge?: number;
}

// s3rver is CommonJS without types; these are the parts of it used here.
interface Koa {
  middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void>)[];
}
interface KoaContext {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
}
interface S3rver extends Koa {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  httpServer: Server;
}
interface S3rverModule {
  new (options: Record<string, unknown>): S3rver;
}
interface AwsAccount {
  createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  revokeAccessKey(accessKeyId: string): void;
}
interface S3ErrorModule {
  new (code: string, message: string): Error;
}

const require = createRequire(import.meta.url);
const S3rver = require('@20minutes/s3rver') as S3rverModule;
const { DUMMY_ACCOUNT } = require('@20minutes/s3rver/lib/models/account.js') as { DUMMY_ACCOUNT: AwsAccount };
const S3Error = require('@20minutes/s3rver/lib/models/error.js') as S3ErrorModule;

// s3rver checks signatures against a process-wide key registry that ships with the well-known key S3RVER.
DUMMY_ACCOUNT.revokeAccessKey('S3RVER');

// s3rver drops the trailing slash of bucket-level paths (`GET /bucket/?list-type=2`, HeadBucket) from the
// canonical URI, but the AWS SDK signs it: such requests would fail with SignatureDoesNotMatch. The path as
// sent travels in an internal header (never a signed one) and restores the slash where the client had it.
const RAW_PATH = 'x-tongban-raw-path';
// It also builds the canonical query with encodeURIComponent, which leaves !'()* bare where AWS encodes them
// (a presigned GET with `response-content-disposition=…filename*=UTF-8''…` would never match).
const v4 = require('@20minutes/s3rver/lib/signature/v4.js') as {
  getStringToSign(
    canonical: { uri: string; querystring: string; headers: Record<string, string> },
    request: unknown,
  ): string;
};
const getStringToSign = v4.getStringToSign;
v4.getStringToSign = (canonical, request) => {
  const raw = canonical.headers[RAW_PATH];
  const uri = raw?.endsWith('/') && !canonical.uri.endsWith('/') ? `${canonical.uri}/` : canonical.uri;
  const querystring = canonical.querystring.replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return getStringToSign({ ...canonical, uri, querystring }, request);
};
const keysInUse = new Map<string, { secretAccessKey: string; servers: number }>();

/** An S3-compatible server (s3rver) that verifies SigV4 signatures, with the template's buckets. */
export async function startS3(options: S3Options): Promise<S3> {
  for (const bucket of options.buckets) validate(bucket);
  useKey(options.accessKeyId, options.secretAccessKey);
  const directory = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'tongban-s3-')));
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory,
    silent: true,
    // Buckets are addressed by path: virtual hosts would need DNS for <bucket>.127.0.0.1.
    vhostBuckets: false,
    configureBuckets: options.buckets.map((bucket) => ({
      name: bucket.name,
      configs: bucket.properties.CorsConfiguration
        ? [corsXml(bucket.properties.CorsConfiguration as { CorsRules: CorsRule[] })]
        : [],
    })),
  });
  // s3rver serves unsigned requests as an anonymous user; the template's buckets are all private.
  const versioned = new Set(
    options.buckets
      .filter(
        (b) =>
          (b.properties.VersioningConfiguration as { Status?: string } | undefined)?.Status === 'Enabled',
      )
      .map((b) => b.name),
  );
  const store = (
    server as unknown as { store: { getMetadata(bucket: string, key: string): Promise<unknown> } }
  ).store;
  const exists = (bucket: string, key: string) =>
    store.getMetadata(bucket, key).then(
      () => true,
      () => false,
    );
  server.middleware.unshift(async (ctx, next) => {
    ctx.headers[RAW_PATH] = ctx.path;
    const signed =
      'authorization' in ctx.headers || 'X-Amz-Algorithm' in ctx.query || 'Signature' in ctx.query;
    // CORS preflights are never signed, in AWS neither.
    if (!signed && ctx.method !== 'OPTIONS') throw new S3Error('AccessDenied', 'Access Denied');
    if (ctx.method !== 'OPTIONS' && options.slowDown?.(ctx.method)) {
      throw new S3Error('SlowDown', 'Please reduce your request rate.');
    }
    // A versioned bucket never serves bytes written over a checked file: AWS keeps them as a new version that
    // the upload check deletes; with one version only, local mode refuses them, so no test passes here that
    // would fail there.
    if (ctx.method === 'PUT' && 'X-Amz-Signature' in ctx.query) {
      const [, bucket = '', ...key] = ctx.path.split('/');
      if (
        versioned.has(bucket) &&
        key.length > 0 &&
        (await exists(bucket, decodeURIComponent(key.join('/'))))
      ) {
        throw new S3Error('AccessDenied', 'An object written through a presigned URL is not written again');
      }
    }
    await next();
  });
  const release = async () => {
    releaseKey(options.accessKeyId);
    if (!options.dataDir) await rm(directory, { recursive: true, force: true });
  };
  let port: number;
  try {
    ({ port } = await server.run());
  } catch (error) {
    await release();
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    // s3rver is a Koa application, and Koa applications are event emitters.
    server: server as unknown as EventEmitter,
    async stop() {
      // Browsers and SDK agents keep connections alive; close() alone would wait for them to time out.
      server.httpServer.closeAllConnections();
      await server.close();
      await release();
    },
  };
}

function validate(bucket: TemplateBucket): void {
  const reject = (property: string, why: string) => {
    throw new UnsupportedTemplatePropertyError(bucket.logicalId, 'AWS::S3::Bucket', property, why);
  };
  for (const [property, value] of Object.entries(bucket.properties)) {
    if (!(property in supportedBucketProperties)) reject(property, 'it has no local emulation');
    if (property === 'ObjectLockEnabled' && value !== false && value !== 'false') {
      reject(property, 'object lock is not emulated');
    }
    if (property === 'NotificationConfiguration') {
      for (const kind of Object.keys(value as object)) {
        if (kind !== 'EventBridgeConfiguration')
          reject(`${property}.${kind}`, 'only EventBridge notifications are emulated');
      }
    }
  }
}

function useKey(accessKeyId: string, secretAccessKey: string): void {
  const current = keysInUse.get(accessKeyId);
  if (current && current.secretAccessKey !== secretAccessKey) {
    throw new Error(`Access key ${accessKeyId} is already served by another local S3 with another secret`);
  }
  keysInUse.set(accessKeyId, { secretAccessKey, servers: (current?.servers ?? 0) + 1 });
  DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
}

function releaseKey(accessKeyId: string): void {
  const current = keysInUse.get(accessKeyId)!;
  if (--current.servers > 0) return;
  keysInUse.delete(accessKeyId);
  DUMMY_ACCOUNT.revokeAccessKey(accessKeyId);
}

/** CloudFormation's CorsConfiguration as the CORSConfiguration document S3's API (and s3rver) takes. */
function corsXml({ CorsRules }: { CorsRules: CorsRule[] }): string {
  const elements = (tag: string, values: (string | number)[] | undefined) =>
    (values ?? []).map((value) => `<${tag}>${escapeXml(String(value))}</${tag}>`).join('');
  const rules = CorsRules.map(
    (rule) =>
      '<CORSRule>' +
      elements('ID', rule.Id === undefined ? [] : [rule.Id]) +
      elements('AllowedOrigin', rule.AllowedOrigins) +
      elements('AllowedMethod', rule.AllowedMethods) +
      elements('AllowedHeader', rule.AllowedHeaders) +
      elements('ExposeHeader', rule.ExposedHeaders) +
      elements('MaxAgeSeconds', rule.MaxAge === undefined ? [] : [rule.MaxAge]) +
      '</CORSRule>',
  );
  return `<CORSConfiguration>${rules.join('')}</CORSConfiguration>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
