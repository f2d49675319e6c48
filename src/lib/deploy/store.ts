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
import { describeError, withRetry, type RetryOptions } from './retry.ts';

export interface StoredObject {
  body: Uint8Array;
  contentType?: string;
  cacheControl?: string;
  /** User metadata, names lowercased. */
  metadata: Record<string, string>;
  /** As the store sends it, quotes included; what a conditional write names. */
  etag?: string;
}

/** What HEAD tells about an object, without its bytes. */
export interface ObjectInfo {
  size: number;
  contentType?: string;
  cacheControl?: string;
  metadata: Record<string, string>;
  etag?: string;
}

export interface ListedObject {
  key: string;
  size: number;
  etag?: string;
}

export interface PutHeaders {
  contentType: string;
  cacheControl: string;
  metadata: Record<string, string>;
}

/**
 * Write only if the object is still the one with this ETag, or only if there
 * is none: how two deploys racing on the manifest find out.
 */
export type WriteCondition = { ifMatch: string } | { ifNoneMatch: '*' };

export interface DeleteFailure {
  key: string;
  error: string;
}

export interface ObjectStore {
  /** The object, or undefined when there is none. */
  get(key: string): Promise<StoredObject | undefined>;
  head(key: string): Promise<ObjectInfo | undefined>;
  /** Throws ConditionFailed when `condition` does not hold. Resolves with the new object's ETag when the store gives one. */
  put(key: string, body: Uint8Array, headers: PutHeaders, condition?: WriteCondition): Promise<{ etag?: string }>;
  /** Every object whose key starts with `prefix`, across all pages of the listing. */
  list(prefix: string): Promise<ListedObject[]>;
  /**
   * Deletes what it can and names every key it could not delete, with the
   * store's reason; a request that fails as a whole fails all of its keys.
   * Deleting a key that does not exist succeeds.
   */
  delete(keys: readonly string[]): Promise<{ failed: DeleteFailure[] }>;
}

/** A conditional write found the object changed (HTTP 412), in the middle of a change (409), or gone (404). */
export class ConditionFailed extends Error {
  constructor(key: string, detail: string) {
    super(`${key} changed since it was read (${detail})`);
    this.name = 'ConditionFailed';
  }
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

function errorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function errorName(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
}

function isNotFound(error: unknown): boolean {
  const name = errorName(error);
  return name === 'NoSuchKey' || name === 'NotFound' || errorStatus(error) === 404;
}

function isNoSuchBucket(error: unknown): boolean {
  return errorName(error) === 'NoSuchBucket';
}

function md5Base64(body: string | Uint8Array): string {
  return createHash('md5').update(body).digest('base64');
}

/**
 * Since 3.729 the SDK sends a CRC32 checksum instead of Content-MD5 on
 * DeleteObjects, and some S3-compatible stores refuse the request without
 * Content-MD5 (aws/aws-sdk-js-v3 #6819, #6920); S3 accepts both. Added in the
 * build step, after the body is serialized and before it is signed.
 */
function withContentMd5(command: DeleteObjectsCommand): DeleteObjectsCommand {
  command.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      if (request.headers && (typeof request.body === 'string' || request.body instanceof Uint8Array)) {
        request.headers['content-md5'] = md5Base64(request.body);
      }
      return next(args);
    },
    { step: 'build', name: 'broadsheetContentMd5' },
  );
  return command;
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
            etag: response.ETag,
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
          return {
            size: response.ContentLength ?? 0,
            contentType: response.ContentType,
            cacheControl: response.CacheControl,
            metadata: response.Metadata ?? {},
            etag: response.ETag,
          };
        } catch (error) {
          if (isNotFound(error)) return undefined;
          throw error;
        }
      });
    },

    async put(key, body, headers, condition) {
      const md5 = md5Base64(body);
      const response = await retry(`PUT ${key}`, () =>
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
              ...(condition && 'ifMatch' in condition ? { IfMatch: condition.ifMatch } : {}),
              ...(condition && 'ifNoneMatch' in condition ? { IfNoneMatch: condition.ifNoneMatch } : {}),
            }),
          )
          .catch((error: unknown) => {
            const status = errorStatus(error);
            if (condition && !isNoSuchBucket(error) && (status === 412 || status === 409 || status === 404)) {
              throw new ConditionFailed(key, describeError(error));
            }
            return bucketMissing(error);
          }),
      );
      return { etag: response.ETag };
    },

    async list(prefix) {
      const objects: ListedObject[] = [];
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
          if (object.Key !== undefined) objects.push({ key: object.Key, size: object.Size ?? 0, etag: object.ETag });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
        if (page.IsTruncated && !token) throw new Error('the store returned a truncated listing without a continuation token');
      } while (token);
      return objects;
    },

    async delete(keys) {
      const failed: DeleteFailure[] = [];
      for (let start = 0; start < keys.length; start += 1000) {
        const batch = keys.slice(start, start + 1000);
        try {
          const response = await retry(`DELETE ${batch.length} objects`, () =>
            client.send(
              withContentMd5(
                new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
              ),
            ),
          );
          for (const error of response.Errors ?? []) {
            if (error.Key !== undefined) failed.push({ key: error.Key, error: [error.Code, error.Message].filter(Boolean).join(': ') || 'unknown error' });
          }
        } catch (error) {
          // The next batches would meet the same refusal, after as many retries.
          const reason = describeError(error);
          for (const key of keys.slice(start)) failed.push({ key, error: reason });
          break;
        }
      }
      return { failed };
    },
  };
}
