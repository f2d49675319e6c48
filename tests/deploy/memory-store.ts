/** An in-memory ObjectStore that records every operation, for unit tests of the deploy's order of work. */
import type { ObjectStore, PutHeaders, StoredObject } from '../../src/lib/deploy/store.ts';

export interface Operation {
  op: 'get' | 'head' | 'put' | 'list' | 'delete';
  key: string;
}

export interface MemoryStore extends ObjectStore {
  objects: Map<string, StoredObject>;
  operations: Operation[];
  /** Called before each operation; throw to make it fail. */
  before?: (operation: Operation) => void;
  /** Changes what a get returns, e.g. to simulate corruption in storage. */
  alterRead?: (key: string, object: StoredObject) => StoredObject;
}

export function memoryStore(): MemoryStore {
  const store: MemoryStore = {
    objects: new Map(),
    operations: [],
    async get(key) {
      record('get', key);
      const object = store.objects.get(key);
      if (!object) return undefined;
      const copy = { ...object, body: new Uint8Array(object.body), metadata: { ...object.metadata } };
      return store.alterRead ? store.alterRead(key, copy) : copy;
    },
    async head(key) {
      record('head', key);
      const object = store.objects.get(key);
      return object ? { size: object.body.length, metadata: { ...object.metadata } } : undefined;
    },
    async put(key, body, headers: PutHeaders) {
      record('put', key);
      store.objects.set(key, {
        body: new Uint8Array(body),
        contentType: headers.contentType,
        cacheControl: headers.cacheControl,
        metadata: Object.fromEntries(Object.entries(headers.metadata).map(([name, value]) => [name.toLowerCase(), value])),
      });
    },
    async list(prefix) {
      record('list', prefix);
      return [...store.objects]
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, object]) => ({ key, size: object.body.length }))
        .sort((a, b) => (a.key < b.key ? -1 : 1));
    },
    async delete(keys) {
      for (const key of keys) record('delete', key);
      for (const key of keys) store.objects.delete(key);
    },
  };
  function record(op: Operation['op'], key: string) {
    const operation = { op, key };
    store.before?.(operation);
    store.operations.push(operation);
  }
  return store;
}
