/**
 * The deploy command against a real S3-compatible server (s3rver), with the
 * sample build: what arrives, what is skipped, what happens on corruption,
 * throttling and permanent errors, how files that leave age out, how an
 * interrupted first deploy resumes, and what two deploys at once do.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { parseManifest, scanSite } from '../../src/lib/deploy/manifest.ts';
import { DeployError, deploy, type DeployOptions } from '../../src/lib/deploy/run.ts';
import { ConditionFailed, createS3Store } from '../../src/lib/deploy/store.ts';
import { parseTarget } from '../../src/lib/deploy/target.ts';
import { AdaptiveLimit, type RetryInfo, type RetryOptions } from '../../src/lib/deploy/retry.ts';
import { cacheControlFor, contentTypeFor } from '../../src/lib/distribution/http-headers.ts';
import {
  anArticle,
  corrupt,
  getText,
  headObject,
  newBucket,
  runCli,
  sha256,
  snapshot,
  startProxy,
  type StoredFile,
  useS3rver,
} from './harness.ts';

const site = inject('sampleSite');
const HOUR = 3_600_000;

const server = useS3rver(site.outDir);

/** The sample build with one article's bytes changed and one new hashed asset. */
function editedBuild(): { dir: string; article: string; asset: string } {
  const dir = server.sampleCopy();
  const article = anArticle(dir);
  const file = path.join(dir, article);
  writeFileSync(file, readFileSync(file, 'utf8').replace('</main>', '<p>Correction appended.</p></main>'));
  const asset = '_astro/correction.Xy12Ab34.css';
  writeFileSync(path.join(dir, asset), '.correction{font-style:italic}');
  return { dir, article, asset };
}

function storeFor(bucket: string, endpoint = server.s3.endpoint, retry: RetryOptions = {}) {
  return createS3Store({ bucket, endpoint, region: 'us-east-1', retry: { sleep: async () => {}, ...retry } });
}

function deployTo(bucket: string, dir: string, options: Partial<DeployOptions> = {}) {
  return deploy({ dir, target: parseTarget(`s3://${bucket}/site`), store: storeFor(bucket), concurrency: 16, ...options });
}

const SUMMARY = /^✓ Deployed: (\d+) uploaded, (\d+) unchanged, (\d+) removed, [\d.]+ (?:B|kB|MB) in [\d.]+ s$/m;

function summary(stdout: string) {
  const match = SUMMARY.exec(stdout);
  if (!match) throw new Error(`no summary line in:\n${stdout}`);
  return { uploaded: Number(match[1]), unchanged: Number(match[2]), removed: Number(match[3]) };
}

/** Asserts that every file of a build is stored under the prefix, byte for byte, with its headers. */
function expectSiteStored(stored: Map<string, StoredFile>, dir: string, prefix = 'site') {
  const local = scanSite(dir).files;
  for (const [sitePath, entry] of Object.entries(local)) {
    const object = stored.get(`${prefix}/${sitePath}`);
    expect(object, sitePath).toBeDefined();
    expect(object?.sha256, sitePath).toBe(entry.sha256);
    expect(object?.contentType, sitePath).toBe(contentTypeFor(sitePath));
    expect(object?.cacheControl, sitePath).toBe(cacheControlFor(sitePath));
  }
  return local;
}

describe('the deploy CLI on the sample build', () => {
  let bucket: string;
  const original = () => site.outDir;

  beforeAll(async () => {
    bucket = await newBucket(server.client);
  });

  it('publishes every file byte-identical, with its Content-Type and Cache-Control, and a manifest', async () => {
    const result = await runCli(['--dir', original(), '--target', `s3://${bucket}/site`, '--endpoint', server.s3.endpoint, '--concurrency', '16']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const local = scanSite(original()).files;
    const count = Object.keys(local).length;
    expect(summary(result.stdout)).toEqual({ uploaded: count, unchanged: 0, removed: 0 });

    const stored = await snapshot(server.client, bucket);
    expectSiteStored(stored, original());
    expect([...stored.keys()].sort()).toEqual([...Object.keys(local).map((p) => `site/${p}`), 'site/.broadsheet/manifest.json'].sort());
    for (const sitePath of Object.keys(local)) {
      const head = await headObject(server.client, bucket, `site/${sitePath}`);
      expect([head.ContentLength, head.ContentType, head.CacheControl], sitePath).toEqual([
        local[sitePath]?.size,
        contentTypeFor(sitePath),
        cacheControlFor(sitePath),
      ]);
    }
    expect(stored.get('site/index.html')?.cacheControl).not.toMatch(/immutable/);
    expect(stored.get('site/.broadsheet/manifest.json')?.cacheControl).toBe('no-store');
    const manifest = parseManifest(await getText(server.client, bucket, 'site/.broadsheet/manifest.json'));
    expect(Object.keys(manifest.files)).toEqual(Object.keys(local));
    for (const [sitePath, entry] of Object.entries(manifest.files)) {
      const { etag, ...recorded } = entry;
      expect(recorded, sitePath).toEqual(local[sitePath]);
      // The ETag of the object as it was verified, so the next deploy can trust the listing.
      expect(etag, sitePath).toBe(`"${createHash('md5').update(readFileSync(path.join(original(), sitePath))).digest('hex')}"`);
    }
  });

  it('uploads nothing the second time: one PUT, the manifest, and no HEAD', async () => {
    const proxy = await startProxy(server.s3.port, () => ({ kind: 'pass' }));
    try {
      const result = await runCli(['--dir', original(), '--target', `s3://${bucket}/site`, '--endpoint', proxy.endpoint]);
      expect(result.status, result.stderr).toBe(0);
      expect(summary(result.stdout)).toEqual({ uploaded: 0, unchanged: Object.keys(scanSite(original()).files).length, removed: 0 });
      expect(proxy.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([`/${bucket}/site/.broadsheet/manifest.json`]);
      expect(proxy.requests.filter((r) => r.method === 'HEAD' && !r.path.endsWith('/manifest.json'))).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('uploads only the edited article and the new asset, the asset first', async () => {
    const edited = editedBuild();
    const proxy = await startProxy(server.s3.port, () => ({ kind: 'pass' }));
    try {
      const result = await runCli(['--dir', edited.dir, '--target', `s3://${bucket}/site`, '--endpoint', proxy.endpoint]);
      expect(result.status, result.stderr).toBe(0);
      expect(summary(result.stdout)).toMatchObject({ uploaded: 2, removed: 0 });
      expect(proxy.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
        `/${bucket}/site/${edited.asset}`,
        `/${bucket}/site/${edited.article}`,
        `/${bucket}/site/.broadsheet/manifest.json`,
      ]);
      expect(result.stdout).toMatch(new RegExp(`uploaded ${edited.asset} \\(new, 30 B\\)`));
      expect(result.stdout).toMatch(new RegExp(`uploaded ${edited.article} \\(changed, `));
    } finally {
      await proxy.close();
    }
    expectSiteStored(await snapshot(server.client, bucket), edited.dir);
  });
});

describe('a corrupted object', () => {
  for (const where of ['on its way in', 'on read-back'] as const) {
    it(`is caught ${where} before any page switches; the manifest stays as it was`, async () => {
      const bucket = await newBucket(server.client);
      await deployTo(bucket, site.outDir);
      const before = await snapshot(server.client, bucket);
      const edited = editedBuild();
      const assetPath = `/${bucket}/site/${edited.asset}`;
      const proxy = await startProxy(server.s3.port, (request) => {
        if (request.path !== assetPath) return { kind: 'pass' };
        if (where === 'on its way in' && request.method === 'PUT') return { kind: 'pass', body: corrupt(request.body) };
        if (where === 'on read-back' && request.method === 'GET') return { kind: 'pass', alterResponse: corrupt };
        return { kind: 'pass' };
      });
      try {
        const failure = deployTo(bucket, edited.dir, { store: storeFor(bucket, proxy.endpoint) });
        await expect(failure).rejects.toThrow(
          new RegExp(`${edited.asset} was stored corrupted: reading it back gave 30 bytes with sha256 \\w+…, expected 30 bytes`),
        );
        await expect(failure).rejects.toThrow(/Nothing readers see has changed[^\n]*The live site is still the previous deploy, whole/);
        expect(proxy.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('.html'))).toEqual([]);
      } finally {
        await proxy.close();
      }
      const after = await snapshot(server.client, bucket);
      for (const [key, object] of before) expect(after.get(key)?.sha256, key).toBe(object.sha256);
      expect(after.get('site/.broadsheet/manifest.json')?.sha256).toBe(before.get('site/.broadsheet/manifest.json')?.sha256);
      expect(after.get(`site/${edited.article}`)?.sha256).toBe(before.get(`site/${edited.article}`)?.sha256);
    });
  }
});

describe('store errors', () => {
  it('backs off from throttling as long as Retry-After asks, with fewer requests in flight, and completes', async () => {
    const bucket = await newBucket(server.client);
    const edited = editedBuild();
    const assetPath = `/${bucket}/site/${edited.asset}`;
    let failed = 0;
    const proxy = await startProxy(server.s3.port, (request) => {
      if (request.method === 'PUT' && request.path === assetPath && failed < 2) {
        failed++;
        return { kind: 'respond', status: 503, code: 'SlowDown', headers: { 'retry-after': '3' } };
      }
      return { kind: 'pass' };
    });
    const retries: RetryInfo[] = [];
    const slept: number[] = [];
    try {
      const result = await deployTo(bucket, edited.dir, {
        store: storeFor(bucket, proxy.endpoint, {
          onRetry: (info) => retries.push(info),
          sleep: async (ms) => void slept.push(ms),
          random: () => 0.5,
          limiter: new AdaptiveLimit(16),
        }),
      });
      expect(result.uploaded).toBe(Object.keys(scanSite(edited.dir).files).length);
    } finally {
      await proxy.close();
    }
    expect(retries.map((retry) => [retry.operation, retry.attempt, retry.attempts, retry.error, retry.throttled, retry.limit])).toEqual([
      [`PUT site/${edited.asset}`, 1, 10, 'SlowDown, HTTP 503: injected by the test proxy', true, 8],
      [`PUT site/${edited.asset}`, 2, 10, 'SlowDown, HTTP 503: injected by the test proxy', true, 4],
    ]);
    expect(slept).toEqual([3000, 3000]);
    expectSiteStored(await snapshot(server.client, bucket), edited.dir);
  });

  it('fails at once on an authorization error, without retrying', async () => {
    const bucket = await newBucket(server.client);
    const proxy = await startProxy(server.s3.port, (request) =>
      request.method === 'PUT' ? { kind: 'respond', status: 403, code: 'AccessDenied' } : { kind: 'pass' },
    );
    const retries: RetryInfo[] = [];
    try {
      const failure = deployTo(bucket, site.outDir, { store: storeFor(bucket, proxy.endpoint, { onRetry: (info) => retries.push(info) }), concurrency: 1 });
      await expect(failure).rejects.toThrow(/AccessDenied, HTTP 403: injected by the test proxy\nNothing readers see has changed/);
      expect(proxy.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    } finally {
      await proxy.close();
    }
    expect(retries).toEqual([]);
  });

  it('names a missing bucket', async () => {
    await expect(deployTo('no-such-bucket', site.outDir)).rejects.toThrow(/bucket "no-such-bucket" does not exist/);
  });
});

describe('files that leave the site', () => {
  it('pages go with the deploy that drops them; hashed assets survive the grace period, come back un-staled, and are removed after it', async () => {
    const bucket = await newBucket(server.client);
    const t0 = Date.parse('2026-12-01T09:00:00Z');
    await deployTo(bucket, site.outDir, { now: () => new Date(t0) });

    // The next build drops one article and one hashed asset.
    const next = server.sampleCopy();
    const article = anArticle(next);
    const asset = readdirSync(path.join(next, 'images')).find((name) => name.endsWith('.avif'))!;
    rmSync(path.join(next, path.dirname(article)), { recursive: true });
    rmSync(path.join(next, 'images', asset));

    const t1 = t0 + HOUR;
    const first = await deployTo(bucket, next, { now: () => new Date(t1) });
    expect(first.plan.leaving).toEqual([`images/${asset}`]);
    expect(first.removed).toBe(1);
    let stored = await snapshot(server.client, bucket);
    expect(stored.has(`site/${article}`)).toBe(false);
    expect(stored.has(`site/images/${asset}`)).toBe(true);
    let manifest = parseManifest(await getText(server.client, bucket, 'site/.broadsheet/manifest.json'));
    expect(Object.keys(manifest.stale)).toEqual([`images/${asset}`]);
    expect(manifest.stale[`images/${asset}`]?.since).toBe(new Date(t1).toISOString());

    const within = await deployTo(bucket, next, { now: () => new Date(t1 + 48 * HOUR - 1) });
    expect(within.removed).toBe(0);
    stored = await snapshot(server.client, bucket);
    expect(stored.has(`site/images/${asset}`)).toBe(true);

    // Both come back: the asset is part of the site again, not uploaded (its bytes are stored); the page is uploaded anew.
    const back = await deployTo(bucket, site.outDir, { now: () => new Date(t1 + 2 * HOUR) });
    expect(back.plan.revived).toEqual([`images/${asset}`]);
    expect(back.plan.uploads.map((upload) => [upload.path, upload.reason])).toEqual([[article, 'new']]);
    manifest = parseManifest(await getText(server.client, bucket, 'site/.broadsheet/manifest.json'));
    expect(manifest.stale).toEqual({});

    // They leave again; past the grace period the asset is removed too.
    const t2 = t1 + 3 * HOUR;
    await deployTo(bucket, next, { now: () => new Date(t2) });
    const after = await deployTo(bucket, next, { now: () => new Date(t2 + 48 * HOUR) });
    expect(after.removed).toBe(1);
    const final = await snapshot(server.client, bucket);
    expect([...final.keys()].sort()).toEqual(
      [...Object.keys(scanSite(next).files).map((p) => `site/${p}`), 'site/.broadsheet/manifest.json'].sort(),
    );
    expect(parseManifest(await getText(server.client, bucket, 'site/.broadsheet/manifest.json')).stale).toEqual({});
  });

  it('sends Content-MD5 with DeleteObjects, which some S3-compatible stores require', async () => {
    const bucket = await newBucket(server.client);
    await deployTo(bucket, site.outDir);
    const next = server.sampleCopy();
    const article = anArticle(next);
    rmSync(path.join(next, path.dirname(article)), { recursive: true });
    // As such a store answers a DeleteObjects without Content-MD5.
    const proxy = await startProxy(server.s3.port, (request) =>
      request.method === 'POST' && request.query.includes('delete') && request.headers['content-md5'] === undefined
        ? { kind: 'respond', status: 400, code: 'InvalidRequest' }
        : { kind: 'pass' },
    );
    try {
      const result = await deployTo(bucket, next, { store: storeFor(bucket, proxy.endpoint) });
      expect(result.removed).toBe(1);
      const deletes = proxy.requests.filter((request) => request.method === 'POST' && request.query.includes('delete'));
      expect(deletes).toHaveLength(1);
      expect(deletes[0]!.headers['content-md5']).toBe(createHash('md5').update(deletes[0]!.body).digest('base64'));
    } finally {
      await proxy.close();
    }
    expect((await snapshot(server.client, bucket)).has(`site/${article}`)).toBe(false);
  });
});

describe('an interrupted first deploy', () => {
  it('is resumed: the next run uploads only what is missing', async () => {
    const bucket = await newBucket(server.client);
    let puts = 0;
    const proxy = await startProxy(server.s3.port, (request) =>
      request.method === 'PUT' && ++puts > 150 ? { kind: 'respond', status: 403, code: 'AccessDenied' } : { kind: 'pass' },
    );
    try {
      await expect(deployTo(bucket, site.outDir, { store: storeFor(bucket, proxy.endpoint), concurrency: 1 })).rejects.toThrow(/AccessDenied/);
    } finally {
      await proxy.close();
    }
    const stored = await snapshot(server.client, bucket);
    expect(stored.size).toBe(150);
    expect(stored.has('site/.broadsheet/manifest.json')).toBe(false);

    const counting = await startProxy(server.s3.port, () => ({ kind: 'pass' }));
    let result;
    try {
      result = await deployTo(bucket, site.outDir, { store: storeFor(bucket, counting.endpoint) });
    } finally {
      await counting.close();
    }
    const total = Object.keys(scanSite(site.outDir).files).length;
    expect(result.plan.resumed).toHaveLength(150);
    expect(result.uploaded).toBe(total - 150);
    const written = counting.requests.filter((request) => request.method === 'PUT').map((request) => request.path.slice(`/${bucket}/`.length));
    expect(written.filter((key) => stored.has(key))).toEqual([]);
    expect(written).toHaveLength(total - 150 + 1);
    expectSiteStored(await snapshot(server.client, bucket), site.outDir);
  });
});

describe('a file changed in the store behind the deploy’s back', () => {
  it('is found by its ETag and sha256, not its size, and put back', async () => {
    const bucket = await newBucket(server.client);
    await deployTo(bucket, site.outDir);
    const original = readFileSync(path.join(site.outDir, 'robots.txt'));
    const tampered = Buffer.from(original.toString('utf8').replace('Disallow: /search/', 'Disallow: /xearch/'));
    expect(tampered.length).toBe(original.length);
    await server.client.send(new PutObjectCommand({ Bucket: bucket, Key: 'site/robots.txt', Body: tampered, ContentType: 'text/plain; charset=utf-8' }));
    const result = await deployTo(bucket, site.outDir);
    expect(result.plan.uploads.map((upload) => [upload.path, upload.reason])).toEqual([['robots.txt', 'replaced']]);
    expect((await snapshot(server.client, bucket)).get('site/robots.txt')?.sha256).toBe(sha256(original));
  });
});

describe('two deploys racing on the manifest', () => {
  it('one refuses: the deploy that read the manifest first does not overwrite what the other wrote', async () => {
    const bucket = await newBucket(server.client);
    await deployTo(bucket, site.outDir);
    const slow = editedBuild();
    const fast = server.sampleCopy();
    writeFileSync(path.join(fast, 'robots.txt'), `${readFileSync(path.join(fast, 'robots.txt'), 'utf8')}# fast\n`);

    // The slow deploy's manifest write is held until the fast deploy has finished.
    let release = () => {};
    const fastDone = new Promise<void>((resolve) => (release = resolve));
    const proxy = await startProxy(server.s3.port, async (request) => {
      if (request.method === 'PUT' && request.path.endsWith('/.broadsheet/manifest.json')) await fastDone;
      return { kind: 'pass' };
    });
    try {
      const slowRun = deployTo(bucket, slow.dir, { store: storeFor(bucket, proxy.endpoint), commit: 'b'.repeat(40) });
      const slowOutcome = slowRun.then(
        () => new Error('the slow deploy succeeded'),
        (error: unknown) => error,
      );
      while (!proxy.requests.some((request) => request.method === 'PUT' && request.path.endsWith('/.broadsheet/manifest.json'))) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      try {
        await deployTo(bucket, fast, { commit: 'f'.repeat(40), runNumber: 60 });
      } finally {
        release();
      }
      const outcome = await slowOutcome;
      expect(outcome).toBeInstanceOf(DeployError);
      expect((outcome as Error).message).toMatch(
        /^another deploy \(commit ffffffffffff, run #60\) wrote the manifest at .* while this deploy was running, so this one did not overwrite it\n/,
      );
      const manifestWrite = proxy.requests.find((request) => request.method === 'PUT' && request.path.endsWith('/.broadsheet/manifest.json'));
      expect(manifestWrite?.headers['if-match']).toMatch(/^"[0-9a-f]{32}"$/);
    } finally {
      await proxy.close();
    }
    const manifest = parseManifest(await getText(server.client, bucket, 'site/.broadsheet/manifest.json'));
    expect(manifest.commit).toBe('f'.repeat(40));
    // The deploy that won found the other one's article by its ETag and put its own back;
    // the other's new asset is kept as stale, and nothing is left to settle.
    expectSiteStored(await snapshot(server.client, bucket), fast);
    expect(Object.keys(manifest.stale)).toEqual([slow.asset]);
    const settled = await deployTo(bucket, fast);
    expect(settled.plan.uploads).toEqual([]);
  });

  it('the second deploy to an empty bucket does not overwrite the first one’s manifest', async () => {
    const bucket = await newBucket(server.client);
    const store = storeFor(bucket);
    const key = 'site/.broadsheet/manifest.json';
    const headers = { contentType: 'application/json', cacheControl: 'no-store', metadata: {} };
    const { etag } = await store.put(key, new TextEncoder().encode('{}'), headers, { ifNoneMatch: '*' });
    await expect(store.put(key, new TextEncoder().encode('{"x":1}'), headers, { ifNoneMatch: '*' })).rejects.toThrow(ConditionFailed);
    await expect(store.put(key, new TextEncoder().encode('{"x":1}'), headers, { ifMatch: '"0123456789abcdef0123456789abcdef"' })).rejects.toThrow(
      /changed since it was read \(PreconditionFailed, HTTP 412/,
    );
    await expect(store.put('site/missing.json', new TextEncoder().encode('{}'), headers, { ifMatch: etag! })).rejects.toThrow(ConditionFailed);
    await store.put(key, new TextEncoder().encode('{"x":2}'), headers, { ifMatch: etag! });
    expect(await getText(server.client, bucket, key)).toBe('{"x":2}');
  });
});

describe('s3rver with the SDK', () => {
  // Keys whose order on disk is their lexicographic order: s3rver lists by
  // walking its directories, so across a page boundary it skips a key such
  // as `europe-x/index.html` that sorts before `europe/rss.xml` but lives in
  // a later folder (a bug of s3rver's, not of S3's API); the deploy would
  // then only upload that file again.
  it('pages ListObjectsV2 with continuation tokens', async () => {
    const bucket = await newBucket(server.client);
    const store = createS3Store({ bucket, endpoint: server.s3.endpoint, region: 'us-east-1', listPageSize: 7 });
    const keys = Array.from({ length: 25 }, (_, i) => `site/k${String(i).padStart(2, '0')}`);
    for (const key of keys) await store.put(key, new Uint8Array([1, 2]), { contentType: 'text/plain', cacheControl: 'no-store', metadata: {} });
    const proxy = await startProxy(server.s3.port, () => ({ kind: 'pass' }));
    try {
      const listed = await createS3Store({ bucket, endpoint: proxy.endpoint, region: 'us-east-1', listPageSize: 7 }).list('site/');
      const etag = `"${createHash('md5').update(new Uint8Array([1, 2])).digest('hex')}"`;
      expect(listed).toEqual(keys.map((key) => ({ key, size: 2, etag })));
      const pages = proxy.requests.filter((r) => r.method === 'GET' && r.query.includes('list-type=2'));
      expect(pages).toHaveLength(4);
      expect(pages.slice(1).every((r) => r.query.includes('continuation-token='))).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  // With the SDK's default checksum setting, a streamed body goes out with
  // aws-chunked framing, and s3rver stores the framing as content
  // ("c\r\n...0\r\nx-amz-checksum-crc32:...") without an error. The deploy
  // server.client sets WHEN_REQUIRED (and sends buffers); this pins the setting.
  it('stores a streamed upload byte-identical with WHEN_REQUIRED checksums', async () => {
    const bucket = await newBucket(server.client);
    const file = path.join(site.outDir, 'index.html');
    const bytes = readFileSync(file);
    await server.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'streamed.html', Body: createReadStream(file), ContentLength: bytes.length }),
    );
    const stored = await snapshot(server.client, bucket);
    expect(stored.get('streamed.html')?.sha256).toBe(sha256(bytes));
  });

  it('returns user metadata and headers as stored', async () => {
    const bucket = await newBucket(server.client);
    const store = createS3Store({ bucket, endpoint: server.s3.endpoint, region: 'us-east-1' });
    const body = new TextEncoder().encode('<p>é</p>');
    await store.put('a/b c.html', body, {
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=0, s-maxage=300, must-revalidate',
      metadata: { 'broadsheet-sha256': sha256(body) },
    });
    const object = await store.get('a/b c.html');
    expect(object && sha256(object.body)).toBe(sha256(body));
    expect(object?.metadata).toEqual({ 'broadsheet-sha256': sha256(body) });
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    expect(object?.etag).toBe(etag);
    expect(await store.head('a/b c.html')).toEqual({
      size: body.length,
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=0, s-maxage=300, must-revalidate',
      metadata: { 'broadsheet-sha256': sha256(body) },
      etag,
    });
    expect(await store.get('a/missing.html')).toBeUndefined();
  });
});
