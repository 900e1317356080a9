import { gunzipSync, gzipSync } from 'node:zlib';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { nowMs } from './clock.ts';

export const INDEX_KEY = 'catalog/search-index.json.gz';
export const EXPORT_KEY = 'catalog/export.json.gz';

/** The catalog's published files (search index, export) in the catalog bucket, gzipped JSON. */
export async function putCatalogFile(
  s3: S3Client,
  bucket: string,
  key: string,
  value: unknown,
): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: gzipSync(JSON.stringify(value)),
      ContentType: 'application/json',
      ContentEncoding: 'gzip',
    }),
  );
}

/**
 * Keeps a catalog file in memory across invocations and reloads it only when it changed (checked at most
 * once a minute with a HEAD): the search function pays the download and parse once per container.
 */
export class CachedCatalogFile<T> {
  private value?: T;
  private etag?: string;
  private checkedAt = 0;

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly key: string,
    private readonly hydrate: (raw: unknown) => T,
    private readonly maxAgeMs = 60_000,
  ) {}

  async get(): Promise<T> {
    if (this.value && nowMs() - this.checkedAt < this.maxAgeMs) return this.value;
    if (this.value) {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key }));
      this.checkedAt = nowMs();
      if (head.ETag === this.etag) return this.value;
    }
    const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key }));
    const bytes = Buffer.from(await object.Body!.transformToByteArray());
    // Some S3 clients decode Content-Encoding themselves; gzip starts with 0x1f 0x8b.
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    this.value = this.hydrate(JSON.parse(text));
    this.etag = object.ETag;
    this.checkedAt = nowMs();
    return this.value;
  }
}
