/**
 * The object store a site is deployed to, and its implementation on any
 * S3-compatible service (AWS S3, Cloudflare R2, MinIO) with the AWS SDK v3.
 */
import { createHash } from 'node:crypto';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { withRetry, type RetryOptions } from './retry.ts';

export interface StoredObject {
  body: Uint8Array;
  contentType?: string;
  cacheControl?: string;
  /** User metadata, names lowercased. */
  metadata: Record<string, string>;
}

export interface PutHeaders {
  contentType: string;
  cacheControl: string;
  metadata: Record<string, string>;
}

export interface ObjectStore {
  /** The object, or undefined when there is none. */
  get(key: string): Promise<StoredObject | undefined>;
  head(key: string): Promise<{ size: number; metadata: Record<string, string> } | undefined>;
  put(key: string, body: Uint8Array, headers: PutHeaders): Promise<void>;
  /** Every object whose key starts with `prefix`, across all pages of the listing. */
  list(prefix: string): Promise<{ key: string; size: number }[]>;
  delete(keys: readonly string[]): Promise<void>;
}

/** User metadata naming the sha256 of an object's bytes: how the deploy recognizes its own objects. */
export const HASH_METADATA = 'broadsheet-sha256';

export interface S3StoreOptions {
  bucket: string;
  /** For S3-compatible services (R2, MinIO); AWS S3 when absent. */
  endpoint?: string;
  region: string;
  /** Keys per ListObjectsV2 page (the service's maximum, 1,000, by default). */
  listPageSize?: number;
  retry?: RetryOptions;
}

function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, $metadata } = error as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}

function isNoSuchBucket(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'NoSuchBucket';
}

/**
 * Credentials come from the SDK's default chain only (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, profiles, roles); nothing here
 * takes or prints them.
 */
export function createS3Store(options: S3StoreOptions): ObjectStore {
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : { followRegionRedirects: true }),
    // With the SDK's default (WHEN_SUPPORTED) a streamed body is sent with
    // aws-chunked framing and a trailing checksum, which some S3-compatible
    // servers store verbatim, framing included, without an error. Bodies here
    // are buffers with a Content-MD5, checked by every S3-compatible service.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Retries are ours (withRetry), so they are reported and never multiplied.
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
  });
  const { bucket } = options;
  const retry = <T>(operation: string, fn: () => Promise<T>) => withRetry(operation, fn, options.retry);
  const bucketMissing = (error: unknown): never => {
    if (isNoSuchBucket(error)) throw new Error(`bucket "${bucket}" does not exist (or these credentials cannot see it)`);
    throw error;
  };

  return {
    async get(key) {
      return retry(`GET ${key}`, async () => {
        try {
          const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
          const body = response.Body ? await response.Body.transformToByteArray() : new Uint8Array();
          return {
            body,
            contentType: response.ContentType,
            cacheControl: response.CacheControl,
            metadata: response.Metadata ?? {},
          };
        } catch (error) {
          if (isNotFound(error) && !isNoSuchBucket(error)) return undefined;
          return bucketMissing(error);
        }
      });
    },

    async head(key) {
      return retry(`HEAD ${key}`, async () => {
        try {
          const response = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
          return { size: response.ContentLength ?? 0, metadata: response.Metadata ?? {} };
        } catch (error) {
          if (isNotFound(error)) return undefined;
          throw error;
        }
      });
    },

    async put(key, body, headers) {
      const md5 = createHash('md5').update(body).digest('base64');
      await retry(`PUT ${key}`, () =>
        client
          .send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: key,
              Body: body,
              ContentLength: body.length,
              ContentMD5: md5,
              ContentType: headers.contentType,
              CacheControl: headers.cacheControl,
              Metadata: headers.metadata,
            }),
          )
          .catch(bucketMissing),
      );
    },

    async list(prefix) {
      const objects: { key: string; size: number }[] = [];
      let token: string | undefined;
      do {
        const page = await retry(`LIST ${prefix || '/'}`, () =>
          client
            .send(
              new ListObjectsV2Command({
                Bucket: bucket,
                Prefix: prefix || undefined,
                ContinuationToken: token,
                MaxKeys: options.listPageSize,
              }),
            )
            .catch(bucketMissing),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key !== undefined) objects.push({ key: object.Key, size: object.Size ?? 0 });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
        if (page.IsTruncated && !token) throw new Error('the store returned a truncated listing without a continuation token');
      } while (token);
      return objects;
    },

    async delete(keys) {
      for (let start = 0; start < keys.length; start += 1000) {
        const batch = keys.slice(start, start + 1000);
        const response = await retry(`DELETE ${batch.length} objects`, () =>
          client.send(
            new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
          ),
        );
        const failed = response.Errors ?? [];
        if (failed.length > 0) {
          const first = failed[0];
          throw new Error(`could not delete ${failed.length} objects, e.g. ${first?.Key}: ${first?.Code} ${first?.Message ?? ''}`.trim());
        }
      }
    },
  };
}
