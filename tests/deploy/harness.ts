/**
 * What the deploy tests share: an s3rver process, a plain SDK client to
 * inspect what was stored, a proxy that can stall, fail or corrupt requests
 * on their way, the deploy CLI run as a child process, and copies of the
 * sample build to alter.
 */
import { afterAll, beforeAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { REPO } from '../helpers/content-fixture.ts';
import { isArticlePage } from '../../src/lib/deploy/manifest.ts';

export const NODE = path.join(REPO, 'node_modules/.bin/node');
export const DEPLOY_SCRIPT = path.join(REPO, 'scripts/deploy.ts');

/** s3rver knows one account, S3RVER/S3RVER; the SDK's default chain reads these. */
export const CREDENTIALS_ENV = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' } as const;
Object.assign(process.env, CREDENTIALS_ENV);

export interface S3rverProcess {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export async function startS3rver(): Promise<S3rverProcess> {
  const directory = mkdtempSync(path.join(tmpdir(), 'broadsheet-s3rver-'));
  const child = spawn(NODE, ['--openssl-legacy-provider', path.join(REPO, 'tests/deploy/s3rver-server.ts'), directory], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code} before listening:\n${stderr}`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin?.end();
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export function testClient(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

let bucketCounter = 0;
/** A new empty bucket with a unique name. */
export async function newBucket(client: S3Client): Promise<string> {
  const name = `site-${process.pid}-${++bucketCounter}`;
  await client.send(new CreateBucketCommand({ Bucket: name }));
  return name;
}

export interface StoredFile {
  sha256: string;
  size: number;
  contentType?: string;
  cacheControl?: string;
  metadata: Record<string, string>;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every object in the bucket, read with GetObject, by key. */
export async function snapshot(client: S3Client, bucket: string): Promise<Map<string, StoredFile>> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  const files = new Map<string, StoredFile>();
  for (const key of keys.sort()) {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const body = await object.Body!.transformToByteArray();
    files.set(key, {
      sha256: sha256(body),
      size: body.length,
      contentType: object.ContentType,
      cacheControl: object.CacheControl,
      metadata: object.Metadata ?? {},
    });
  }
  return files;
}

export async function headObject(client: S3Client, bucket: string, key: string) {
  return client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
}

export async function getText(client: S3Client, bucket: string, key: string): Promise<string> {
  const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return object.Body!.transformToString();
}

/** A writable copy of a built site. */
export function copySite(outDir: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-deploy-site-'));
  cpSync(outDir, dir, { recursive: true });
  return dir;
}

/**
 * The first article page of the build: a top-level folder holding only an
 * index.html that the deploy takes for an article (og:type article). Site pages
 * (/about/...) have an <article> too, but go live with the lists.
 */
export function anArticle(dir: string): string {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory() || entry.name.startsWith('_')) continue;
    const files = readdirSync(path.join(dir, entry.name));
    if (files.length !== 1 || files[0] !== 'index.html') continue;
    if (isArticlePage(readFileSync(path.join(dir, entry.name, 'index.html'), 'utf8'))) return `${entry.name}/index.html`;
  }
  throw new Error('no article page in the sample build');
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  child: ChildProcess;
  /** Resolves when a line of stdout matches, with the lines so far. */
  waitForLines(predicate: (lines: string[]) => boolean): Promise<string[]>;
  done: Promise<CliResult>;
}

/** Starts the deploy CLI as a child process (asynchronously, so an in-process proxy keeps serving). */
export function startCli(args: string[], env: Record<string, string | undefined> = {}): CliRun {
  const child = spawn(NODE, [DEPLOY_SCRIPT, ...args], {
    cwd: REPO,
    env: { ...process.env, ...CREDENTIALS_ENV, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const lines: string[] = [];
  const waiters: { predicate: (lines: string[]) => boolean; resolve: (lines: string[]) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(lines)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve([...lines]);
      }
    }
  });
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<CliResult>((resolve) => {
    child.once('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return {
    child,
    done,
    waitForLines(predicate) {
      if (predicate(lines)) return Promise.resolve([...lines]);
      return new Promise((resolve, reject) => {
        waiters.push({ predicate, resolve });
        void done.then((result) => reject(new Error(`the CLI exited (${result.status ?? result.signal}) first:\n${stdout}\n${stderr}`)));
      });
    },
  };
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return startCli(args, env).done;
}

export interface ProxiedRequest {
  method: string;
  /** Decoded key path: `/<bucket>/<key>` with the query string removed. */
  path: string;
  query: string;
  /** Names lowercased. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** What the proxy does with a request: pass it on (possibly altered), answer it itself, or never answer. */
export type ProxyAction =
  | { kind: 'pass'; body?: Buffer; alterResponse?: (body: Buffer) => Buffer }
  | { kind: 'respond'; status: number; code: string; headers?: Record<string, string> }
  | { kind: 'stall' };

export interface Proxy {
  endpoint: string;
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of s3rver; `decide` sees every request, fully read,
 * before it goes on, and may take its time (to hold a request until a test
 * has done something else first).
 */
export async function startProxy(upstreamPort: number, decide: (request: ProxiedRequest) => ProxyAction | Promise<ProxyAction>): Promise<Proxy> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://proxy');
      const request: ProxiedRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: url.search,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(request);
      const action = await decide(request);
      if (action.kind === 'stall') return;
      if (action.kind === 'respond') {
        res.writeHead(action.status, { 'content-type': 'application/xml', ...action.headers });
        res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${action.code}</Code><Message>injected by the test proxy</Message></Error>`);
        return;
      }
      const body = action.body ?? request.body;
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: upstreamPort,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, 'content-length': String(body.length) },
        },
        (upstreamResponse) => {
          const responseChunks: Buffer[] = [];
          upstreamResponse.on('data', (chunk: Buffer) => responseChunks.push(chunk));
          upstreamResponse.on('end', () => {
            let responseBody: Buffer = Buffer.concat(responseChunks);
            if (action.alterResponse) responseBody = action.alterResponse(responseBody);
            const headers = { ...upstreamResponse.headers };
            // A HEAD answer has no body but the length of the object's.
            if (headers['content-length'] !== undefined && req.method !== 'HEAD') headers['content-length'] = String(responseBody.length);
            res.writeHead(upstreamResponse.statusCode ?? 502, headers);
            res.end(responseBody);
          });
        },
      );
      upstream.on('error', (error) => {
        res.writeHead(502);
        res.end(String(error));
      });
      upstream.end(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Flips the bits of one byte in the middle, keeping the length. */
export function corrupt(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  if (copy.length > 0) {
    const middle = Math.floor(copy.length / 2);
    copy[middle] = (copy[middle] ?? 0) ^ 0xff;
  }
  return copy;
}

/**
 * One s3rver for a test file, a client to inspect it, and throwaway copies of
 * the built site, all started before the file's tests and removed after them.
 */
export function useS3rver(outDir: string) {
  let server: S3rverProcess | undefined;
  let inspector: S3Client | undefined;
  const copies: string[] = [];
  beforeAll(async () => {
    server = await startS3rver();
    inspector = testClient(server.endpoint);
  });
  afterAll(async () => {
    await server?.stop();
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get s3(): S3rverProcess {
      return server!;
    },
    get client(): S3Client {
      return inspector!;
    },
    /** A copy of the built site to alter; removed after the file's tests. */
    sampleCopy(): string {
      const dir = copySite(outDir);
      copies.push(dir);
      return dir;
    },
  };
}
