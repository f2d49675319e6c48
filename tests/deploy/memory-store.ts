/**
 * An in-memory ObjectStore that records every operation, for unit tests of
 * the deploy's order of work. ETags are the quoted MD5 of the bytes, as S3
 * gives them for single-part uploads, and conditional writes behave as S3's
 * (If-Match: 412 on another ETag, 404 when there is no object; If-None-Match:
 * 412 when there is one).
 */
import { createHash } from 'node:crypto';
import { ConditionFailed, type ObjectStore, type PutHeaders, type StoredObject, type WriteCondition } from '../../src/lib/deploy/store.ts';

export interface Operation {
  op: 'get' | 'head' | 'put' | 'list' | 'delete';
  key: string;
  condition?: WriteCondition;
}

export interface MemoryStore extends ObjectStore {
  objects: Map<string, StoredObject>;
  operations: Operation[];
  /** Called before each operation; throw to make it fail. */
  before?: (operation: Operation) => void | Promise<void>;
  /** Keys DeleteObjects reports as not deleted, with the store's reason. */
  refuseDelete?: (key: string) => string | undefined;
  /** Changes what a get returns, e.g. to simulate corruption in storage. */
  alterRead?: (key: string, object: StoredObject) => StoredObject;
}

export function etagOf(body: Uint8Array): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

export function memoryStore(): MemoryStore {
  const store: MemoryStore = {
    objects: new Map(),
    operations: [],
    async get(key) {
      await record({ op: 'get', key });
      const object = store.objects.get(key);
      if (!object) return undefined;
      const copy = { ...object, body: new Uint8Array(object.body), metadata: { ...object.metadata } };
      return store.alterRead ? store.alterRead(key, copy) : copy;
    },
    async head(key) {
      await record({ op: 'head', key });
      const object = store.objects.get(key);
      if (!object) return undefined;
      const { body, contentType, cacheControl, metadata, etag } = object;
      return { size: body.length, contentType, cacheControl, metadata: { ...metadata }, etag };
    },
    async put(key, body, headers: PutHeaders, condition) {
      await record({ op: 'put', key, ...(condition ? { condition } : {}) });
      const current = store.objects.get(key);
      if (condition && 'ifMatch' in condition) {
        if (!current) throw new ConditionFailed(key, 'NoSuchKey, HTTP 404');
        if (current.etag !== condition.ifMatch) throw new ConditionFailed(key, 'PreconditionFailed, HTTP 412');
      }
      if (condition && 'ifNoneMatch' in condition && current) throw new ConditionFailed(key, 'PreconditionFailed, HTTP 412');
      const etag = etagOf(body);
      store.objects.set(key, {
        body: new Uint8Array(body),
        contentType: headers.contentType,
        cacheControl: headers.cacheControl,
        metadata: Object.fromEntries(Object.entries(headers.metadata).map(([name, value]) => [name.toLowerCase(), value])),
        etag,
      });
      return { etag };
    },
    async list(prefix) {
      await record({ op: 'list', key: prefix });
      return [...store.objects]
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, object]) => ({ key, size: object.body.length, etag: object.etag }))
        .sort((a, b) => (a.key < b.key ? -1 : 1));
    },
    async delete(keys) {
      const failed = [];
      for (const key of keys) {
        try {
          await record({ op: 'delete', key });
        } catch (error) {
          failed.push({ key, error: (error as Error).message });
          continue;
        }
        const refusal = store.refuseDelete?.(key);
        if (refusal) failed.push({ key, error: refusal });
        else store.objects.delete(key);
      }
      return { failed };
    },
  };
  async function record(operation: Operation) {
    await store.before?.(operation);
    store.operations.push(operation);
  }
  return store;
}
