// s3rver ships no types; this covers what tests/deploy/s3rver-server.ts uses.
declare module 's3rver' {
  import type { IncomingMessage } from 'node:http';
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  namespace S3rver {
    /** The Koa context s3rver's middleware sees, as far as the test server uses it. */
    interface Context {
      method: string;
      path: string;
      req: IncomingMessage;
      status: number;
      type: string;
      body: unknown;
      get(header: string): string;
    }
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    /** Koa's middleware list; composed when the server starts. */
    middleware: ((ctx: S3rver.Context, next: () => Promise<void>) => Promise<void>)[];
    store: { getMetadata(bucket: string, key: string): Promise<{ etag: string }> };
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }

  export default S3rver;
}
