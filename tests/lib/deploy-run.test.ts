import { describe, expect, it } from 'vitest';
import type { Cdn } from '../../src/lib/deploy/cdn.ts';
import { parseManifest, serializeManifest, sha256 } from '../../src/lib/deploy/manifest.ts';
import { formatEvent, formatSummary } from '../../src/lib/deploy/report.ts';
import { DeployError, MANIFEST_CACHE_CONTROL, deploy, type DeployEvent, type DeployOptions } from '../../src/lib/deploy/run.ts';
import { ConditionFailed, HASH_METADATA } from '../../src/lib/deploy/store.ts';
import { parseTarget } from '../../src/lib/deploy/target.ts';
import { memoryStore, type MemoryStore } from '../deploy/memory-store.ts';
import { useTempSites } from '../helpers/temp-site.ts';

const HOUR = 3_600_000;
const target = parseTarget('s3://bucket/site');
const MANIFEST = 'site/.broadsheet/manifest.json';
const COMMIT = 'a'.repeat(40);

const article = (title: string) => `<html><head><meta property="og:type" content="article"><title>${title}</title></head><body>${title}</body></html>`;

const BUILD = {
  'index.html': '<a href="/old/">old</a>',
  '404.html': 'not found',
  'old/index.html': article('old article'),
  '_astro/style.B1x.css': 'p{}',
  '_astro/hero.Q9z.avif': 'AVIF',
  'logo.svg': '<svg/>',
  'rss.xml': '<rss/>',
  'sitemap.xml': '<sitemapindex/>',
};

const writeSite = useTempSites('broadsheet-run-');

async function run(store: MemoryStore, dir: string, options: Partial<DeployOptions> = {}) {
  const events: DeployEvent[] = [];
  const result = await deploy({ dir, target, store, concurrency: 2, onEvent: (event) => events.push(event), ...options });
  return { result, events };
}

function manifestOf(store: MemoryStore) {
  const object = store.objects.get(MANIFEST);
  return object && parseManifest(new TextDecoder().decode(object.body));
}

function keysOf(store: MemoryStore): string[] {
  return [...store.objects.keys()].sort();
}

function puts(store: MemoryStore): string[] {
  return store.operations.filter((operation) => operation.op === 'put').map((operation) => operation.key);
}

/** A CDN that records what it is told. */
function fakeCdn(fail?: Error): Cdn & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    description: 'CloudFront distribution ETEST1234',
    calls,
    async invalidate(paths) {
      calls.push([...paths]);
      if (fail) throw fail;
      return { id: `I${calls.length}` };
    },
  };
}

describe('deploy', () => {
  it('stores assets and files, verified, then articles, lists and feeds, the sitemap index, the manifest last', async () => {
    const store = memoryStore();
    const { result, events } = await run(store, writeSite(BUILD));
    expect(puts(store)).toEqual([
      expect.stringMatching(/^site\/_astro\//),
      expect.stringMatching(/^site\/_astro\//),
      'site/logo.svg',
      'site/old/index.html',
      expect.stringMatching(/^site\/(404\.html|rss\.xml)$/),
      expect.stringMatching(/^site\/(404\.html|rss\.xml)$/),
      'site/index.html',
      'site/sitemap.xml',
      MANIFEST,
    ]);
    // Every upload was read back before the first page was written.
    const firstPage = store.operations.findIndex((operation) => operation.op === 'put' && operation.key.endsWith('.html'));
    for (const key of ['site/_astro/style.B1x.css', 'site/_astro/hero.Q9z.avif', 'site/logo.svg']) {
      expect(store.operations.findIndex((operation) => operation.op === 'get' && operation.key === key)).toBeLessThan(firstPage);
    }
    expect(events.map((event) => event.type).filter((type) => type !== 'uploaded')).toEqual([
      'scanned',
      'remote',
      'plan',
      'phase',
      'phase',
      'verified',
      'phase',
      'phase',
      'phase',
      'manifest',
    ]);
    expect(result).toMatchObject({ uploaded: 8, unchanged: 0, removed: 0, dryRun: false });
    expect(store.objects.get('site/index.html')).toMatchObject({
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=0, s-maxage=300, must-revalidate',
    });
    expect(store.objects.get('site/_astro/style.B1x.css')?.metadata[HASH_METADATA]).toMatch(/^[0-9a-f]{64}$/);
    expect(store.objects.get(MANIFEST)?.cacheControl).toBe(MANIFEST_CACHE_CONTROL);
    // The manifest records each object's ETag as verified.
    const manifest = manifestOf(store)!;
    expect(Object.keys(manifest.files)).toHaveLength(8);
    for (const [path, entry] of Object.entries(manifest.files)) expect(entry.etag, path).toBe(store.objects.get(`site/${path}`)?.etag);
  });

  it('uploads nothing the second time, and reads no object to know it', async () => {
    const store = memoryStore();
    const dir = writeSite(BUILD);
    await run(store, dir);
    store.operations.length = 0;
    const { result } = await run(store, dir);
    expect(result).toMatchObject({ uploaded: 0, unchanged: 8, removed: 0, bytes: 0 });
    expect(puts(store)).toEqual([MANIFEST]);
    expect(store.operations.filter((operation) => operation.op === 'head').map((operation) => operation.key)).toEqual([]);
    expect(formatSummary(result)).toMatch(/^✓ Deployed: 0 uploaded, 8 unchanged, 0 removed, 0 B in \d+\.\d\d s$/);
  });

  it('changes nothing in a dry run', async () => {
    const store = memoryStore();
    const { result, events } = await run(store, writeSite(BUILD), { dryRun: true });
    expect(store.operations.every((operation) => operation.op === 'get' || operation.op === 'list' || operation.op === 'head')).toBe(true);
    expect(store.objects.size).toBe(0);
    expect(result.plan.uploads).toHaveLength(8);
    expect(formatSummary(result)).toMatch(/^Dry run: 8 to upload, 0 unchanged, 0 to remove, 185 B in .* nothing was changed$/);
    expect(events.map((event) => formatEvent(event))).toContain('Plan: 8 to upload (8 new, 185 B), 0 unchanged, 0 to remove');
  });

  it('stops before any page when a stored file reads back wrong, leaving the old site and manifest', async () => {
    const store = memoryStore();
    await run(store, writeSite(BUILD));
    const before = new Map(store.objects);
    const manifestBefore = store.objects.get(MANIFEST);
    store.alterRead = (key, object) => (key.endsWith('new.Zz1.css') ? { ...object, body: object.body.slice(1) } : object);
    const next = writeSite({ ...BUILD, 'index.html': 'changed home', '_astro/new.Zz1.css': 'a{}' });
    const failure = run(store, next);
    await expect(failure).rejects.toThrow(DeployError);
    await expect(failure).rejects.toThrow(/_astro\/new\.Zz1\.css was stored corrupted: reading it back gave 2 bytes[\s\S]*Nothing readers see has changed/);
    await expect(failure).rejects.toMatchObject({ siteChanged: false });
    expect(store.objects.get('site/index.html')).toEqual(before.get('site/index.html'));
    expect(store.objects.get(MANIFEST)).toBe(manifestBefore);
  });

  it('says truthfully what is live when it stops among the lists', async () => {
    const store = memoryStore();
    await run(store, writeSite(BUILD));
    const next = writeSite({
      ...BUILD,
      'new/index.html': article('new article'),
      'index.html': '<a href="/new/">new</a>',
      'rss.xml': '<rss>new</rss>',
      'sitemap.xml': '<sitemapindex>new</sitemapindex>',
    });
    store.before = (operation) => {
      if (operation.op === 'put' && operation.key === 'site/rss.xml') throw Object.assign(new Error('denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    };
    const failure = run(store, next);
    await expect(failure).rejects.toThrow(
      /AccessDenied, HTTP 403: denied\nLive from the new build: article pages: 1 of 1 \(new\/index\.html\)\.\nStill the previous build's: list pages and feeds: 2; sitemap index, robots\.txt and search entries: 1\.\nUnder way when it stopped, so live or not: rss\.xml\.\nThe manifest was not written, so it still describes the site as it was before this deploy; the next deploy checks what is stored and uploads only the rest/,
    );
    await expect(failure).rejects.toMatchObject({ siteChanged: true });
    expect(new TextDecoder().decode(store.objects.get('site/index.html')?.body)).toBe(BUILD['index.html']);
  });

  it('says what may be live when it stops at the manifest', async () => {
    const store = memoryStore();
    store.before = (operation) => {
      if (operation.op === 'put' && operation.key === MANIFEST) throw new Error('disk full');
    };
    const failure = run(store, writeSite(BUILD));
    await expect(failure).rejects.toThrow(/^disk full\nEvery file of the new build is live; the manifest may or may not be the new one\. Deploy again to settle it\.$/);
    await expect(failure).rejects.toMatchObject({ siteChanged: true });
  });

  it('refuses immutable HTML before touching the store', async () => {
    const store = memoryStore();
    const dir = writeSite({ ...BUILD, '_astro/fragment.Ab1.html': '<p>' });
    await expect(run(store, dir)).rejects.toThrow(/nothing was uploaded:\n  _astro\/fragment\.Ab1\.html: HTML must never be immutable/);
    expect(store.operations).toEqual([]);
  });

  it('refuses an incomplete build before touching the store', async () => {
    const store = memoryStore();
    const { '404.html': _missing, ...partial } = BUILD;
    await expect(run(store, writeSite(partial))).rejects.toThrow(/not a complete build: 404\.html is missing/);
    expect(store.operations).toEqual([]);
  });

  it('refuses to deploy over an unreadable manifest', async () => {
    const store = memoryStore();
    await store.put(MANIFEST, new TextEncoder().encode('{"version": 7}'), { contentType: 'application/json', cacheControl: 'no-store', metadata: {} });
    await expect(run(store, writeSite(BUILD))).rejects.toThrow(/remote manifest s3:\/\/bucket\/site\/\.broadsheet\/manifest\.json is unreadable/);
    expect(puts(store)).toHaveLength(1);
  });
});

describe('files that leave the site', () => {
  const start = Date.parse('2026-11-28T12:00:00Z');

  it('takes a dropped page down with the deploy that drops it, and keeps hashed assets through the grace period', async () => {
    const store = memoryStore();
    await run(store, writeSite(BUILD), { now: () => new Date(start) });
    const { 'old/index.html': _gone, '_astro/hero.Q9z.avif': _gone2, ...rest } = BUILD;
    const next = writeSite({ ...rest, 'index.html': '<p>no link</p>' });
    const before = store.operations.length;
    const first = await run(store, next, { now: () => new Date(start + HOUR) });
    expect(first.result.removed).toBe(1);
    expect(first.events.find((event) => event.type === 'removed')).toEqual({ type: 'removed', paths: ['old/index.html'] });
    expect(keysOf(store)).not.toContain('site/old/index.html');
    expect(first.result.plan.leaving).toEqual(['_astro/hero.Q9z.avif']);
    expect(manifestOf(store)?.stale).toEqual({ '_astro/hero.Q9z.avif': expect.objectContaining({ since: new Date(start + HOUR).toISOString() }) });
    // The page went after the home page that linked to it and after a manifest that kept its
    // date; the manifest written after the deletion no longer lists it.
    const operations = store.operations.slice(before).map((operation) => `${operation.op} ${operation.key}`);
    const deletion = operations.indexOf('delete site/old/index.html');
    expect(operations.indexOf('put site/index.html')).toBeLessThan(deletion);
    expect(operations.indexOf(`put ${MANIFEST}`)).toBeLessThan(deletion);
    expect(operations.lastIndexOf(`put ${MANIFEST}`)).toBeGreaterThan(deletion);
    const within = await run(store, next, { now: () => new Date(start + 48 * HOUR) });
    expect(within.result.removed).toBe(0);
    expect(keysOf(store)).toContain('site/_astro/hero.Q9z.avif');
    const after = await run(store, next, { now: () => new Date(start + 49 * HOUR) });
    expect(after.result.removed).toBe(1);
    expect(keysOf(store)).not.toContain('site/_astro/hero.Q9z.avif');
    expect(manifestOf(store)?.stale).toEqual({});
  });

  it('keeps a file whose deletion failed in the stale list with the date it left, and deletes it on the next deploy', async () => {
    const store = memoryStore();
    await run(store, writeSite(BUILD), { now: () => new Date(start) });
    const { '_astro/hero.Q9z.avif': _gone, ...rest } = BUILD;
    const next = writeSite(rest);
    await run(store, next, { now: () => new Date(start + HOUR) });
    store.refuseDelete = (key) => (key.endsWith('hero.Q9z.avif') ? 'NotImplemented: Content-MD5 required' : undefined);
    const failed = await run(store, next, { now: () => new Date(start + 50 * HOUR) });
    expect(failed.result.removed).toBe(0);
    expect(failed.events.find((event) => event.type === 'warning')).toMatchObject({
      message: expect.stringMatching(/1 expired files could not be deleted \(_astro\/hero\.Q9z\.avif \(NotImplemented: Content-MD5 required\)\)/),
    });
    // Not re-adopted with a fresh date: it still left an hour after the first deploy.
    expect(manifestOf(store)?.stale['_astro/hero.Q9z.avif']?.since).toBe(new Date(start + HOUR).toISOString());
    store.refuseDelete = undefined;
    const retried = await run(store, next, { now: () => new Date(start + 51 * HOUR) });
    expect(retried.result.removed).toBe(1);
    expect(manifestOf(store)?.stale).toEqual({});
  });

  it('fails, saying so, when a page that left the site could not be deleted; the next deploy deletes it', async () => {
    const store = memoryStore();
    await run(store, writeSite(BUILD), { now: () => new Date(start) });
    const { 'old/index.html': _gone, ...rest } = BUILD;
    const next = writeSite(rest);
    store.refuseDelete = () => 'AccessDenied: no s3:DeleteObject';
    const failure = run(store, next, { now: () => new Date(start + HOUR) });
    await expect(failure).rejects.toThrow(
      /the new build is live and recorded, but 1 of the files that left the site could not be deleted and are still live: old\/index\.html \(AccessDenied: no s3:DeleteObject\)/,
    );
    expect(manifestOf(store)?.stale['old/index.html']?.since).toBe(new Date(start + HOUR).toISOString());
    store.refuseDelete = undefined;
    const retried = await run(store, next, { now: () => new Date(start + 2 * HOUR) });
    expect(retried.result.removed).toBe(1);
    expect(keysOf(store)).not.toContain('site/old/index.html');
  });
});

describe('an interrupted deploy', () => {
  it('is resumed: files it stored are kept, and only the rest is uploaded', async () => {
    const store = memoryStore();
    const dir = writeSite(BUILD);
    let puts = 0;
    store.before = (operation) => {
      if (operation.op === 'put' && ++puts > 4) throw Object.assign(new Error('connection reset'), { code: 'ECONNRESET' });
    };
    await expect(run(store, dir)).rejects.toThrow(/connection reset/);
    const stored = keysOf(store);
    expect(stored).toHaveLength(4);
    store.before = undefined;
    store.operations.length = 0;
    const { result } = await run(store, dir);
    expect(result.plan.resumed).toEqual(stored.map((key) => key.slice('site/'.length)).sort());
    expect(result.uploaded).toBe(Object.keys(BUILD).length - 4);
    expect(store.operations.filter((operation) => operation.op === 'put' && stored.includes(operation.key))).toEqual([]);
  });

  it('leaves behind documents the next build no longer has, removed at once, and assets kept as stale', async () => {
    const store = memoryStore();
    const dir = writeSite(BUILD);
    await run(store, dir);
    const hashed = (body: string) => ({ [HASH_METADATA]: sha256(new TextEncoder().encode(body)) });
    await store.put('site/_astro/orphan.X1.css', new TextEncoder().encode('x{}'), { contentType: 'text/css', cacheControl: 'x', metadata: hashed('x{}') });
    await store.put('site/pulled/index.html', new TextEncoder().encode('<p>pulled</p>'), {
      contentType: 'text/html',
      cacheControl: 'x',
      metadata: hashed('<p>pulled</p>'),
    });
    await store.put('site/uploaded-by-hand.pdf', new Uint8Array([1]), { contentType: 'application/pdf', cacheControl: 'x', metadata: {} });
    const { result } = await run(store, dir);
    expect(result.plan.adopted).toEqual(['_astro/orphan.X1.css']);
    expect(result.plan.foreign).toEqual(['uploaded-by-hand.pdf']);
    expect(result.removed).toBe(1);
    expect(keysOf(store)).not.toContain('site/pulled/index.html');
    expect(manifestOf(store)?.stale['_astro/orphan.X1.css']).toBeDefined();
    expect(keysOf(store)).toContain('site/uploaded-by-hand.pdf');
  });
});

describe('two deploys at once', () => {
  it('writes the first manifest only if there is none, and later ones only over the manifest it read', async () => {
    const store = memoryStore();
    const dir = writeSite(BUILD);
    await run(store, dir);
    const etag = store.objects.get(MANIFEST)?.etag;
    await run(store, dir);
    const conditions = store.operations.filter((operation) => operation.op === 'put' && operation.key === MANIFEST).map((operation) => operation.condition);
    expect(conditions).toEqual([{ ifNoneMatch: '*' }, { ifMatch: etag }]);
  });

  it('says truthfully what is live when it stops after the last page', async () => {
    const store = memoryStore();
    await run(store, writeSite(BUILD));
    store.before = (operation) => {
      if (operation.op === 'put' && operation.key === 'site/sitemap.xml') throw new Error('disk full');
    };
    const failure = run(store, writeSite({ ...BUILD, 'logo.svg': '<svg>new</svg>', 'old/index.html': article('old article, corrected'), 'index.html': 'new home', 'sitemap.xml': '<new/>' }));
    await expect(failure).rejects.toThrow(
      /^disk full\nLive from the new build: files pages load by a fixed name \(replaced in place\): 1 of 1 \(logo\.svg\); article pages: 1 of 1 \(old\/index\.html\); list pages and feeds: 1 of 1 \(index\.html\)\.\nStill the previous build's: sitemap index, robots\.txt and search entries: 1\.\nUnder way when it stopped, so live or not: sitemap\.xml\.\nThe manifest was not written, so it still describes the site as it was before this deploy; the next deploy checks what is stored and uploads only the rest\.$/,
    );
  });

  it('refuses to overwrite a manifest another deploy wrote meanwhile', async () => {
    const store = memoryStore();
    const dir = writeSite(BUILD);
    await run(store, dir);
    const other = { ...manifestOf(store)!, deployedAt: '2026-11-28T12:30:00.000Z', commit: 'b'.repeat(40), runNumber: 58 };
    store.before = async (operation) => {
      if (operation.op === 'put' && operation.key === MANIFEST) {
        store.before = undefined;
        await store.put(MANIFEST, new TextEncoder().encode(serializeManifest(other)), { contentType: 'application/json', cacheControl: 'no-store', metadata: {} });
      }
    };
    const failure = run(store, dir, { commit: COMMIT });
    await expect(failure).rejects.toThrow(
      /^another deploy \(commit bbbbbbbbbbbb, run #58\) wrote the manifest at 2026-11-28T12:30:00\.000Z while this deploy was running, so this one did not overwrite it\nNothing readers see has changed/,
    );
    expect(manifestOf(store)).toEqual(other);
  });

  it('stops before switching any page when another deploy finished while this one uploaded assets', async () => {
    const store = memoryStore();
    await run(store, writeSite(BUILD));
    const other = { ...manifestOf(store)!, deployedAt: '2026-11-28T12:30:00.000Z' };
    store.before = async (operation) => {
      if (operation.op === 'put' && operation.key.includes('/_astro/new')) {
        store.before = undefined;
        await store.put(MANIFEST, new TextEncoder().encode(serializeManifest(other)), { contentType: 'application/json', cacheControl: 'no-store', metadata: {} });
      }
    };
    store.operations.length = 0;
    const failure = run(store, writeSite({ ...BUILD, 'index.html': 'changed', '_astro/new.Q1.css': 'b{}' }));
    await expect(failure).rejects.toThrow(/another deploy wrote the manifest at 2026-11-28T12:30:00\.000Z while this deploy was uploading[\s\S]*Nothing readers see has changed/);
    expect(puts(store).filter((key) => key.endsWith('.html'))).toEqual([]);
  });

  it('takes a manifest write that failed its condition on a retry as its own when the stored bytes are its own', async () => {
    const store = memoryStore();
    const dir = writeSite(BUILD);
    await run(store, dir);
    const put = store.put.bind(store);
    store.put = async (key, body, headers, condition) => {
      const written = await put(key, body, headers, condition);
      // The response was lost, and the retry met the ETag of its own write.
      if (key === MANIFEST) throw new ConditionFailed(key, 'PreconditionFailed, HTTP 412');
      return written;
    };
    const { result } = await run(store, writeSite({ ...BUILD, 'index.html': 'changed' }));
    expect(result.uploaded).toBe(1);
  });

  it('records the commit and run, and refuses to put back the site of an earlier run', async () => {
    const store = memoryStore();
    await run(store, writeSite(BUILD), { commit: COMMIT, runNumber: 58 });
    expect(manifestOf(store)).toMatchObject({ commit: COMMIT, runNumber: 58 });
    store.operations.length = 0;
    const { result } = await run(store, writeSite({ ...BUILD, 'index.html': 'an older build' }), { commit: 'c'.repeat(40), runNumber: 57 });
    expect(result.superseded).toEqual({ runNumber: 58, commit: COMMIT, deployedAt: expect.any(String) });
    expect(puts(store)).toEqual([]);
    expect(formatSummary(result)).toMatch(/^Not deployed: the live site comes from run #58 \(commit aaaaaaaaaaaa, deployed .*\), later than this run #57; publishing this build would take the site back\. Nothing was changed/);
    const rerun = await run(store, writeSite({ ...BUILD, 'index.html': 'a re-run of the same run' }), { commit: COMMIT, runNumber: 58 });
    expect(rerun.result.superseded).toBeUndefined();
    expect(rerun.result.uploaded).toBe(1);
  });
});

describe('the CDN', () => {
  it('is told, after the manifest, exactly the documents that changed or left, in both address forms', async () => {
    const store = memoryStore();
    const cdn = fakeCdn();
    await run(store, writeSite(BUILD), { cdn });
    expect(cdn.calls).toEqual([]);
    const { 'old/index.html': _gone, ...rest } = BUILD;
    const { events } = await run(store, writeSite({ ...rest, 'index.html': '<p>no link</p>', '_astro/new.Q1.css': 'b{}', 'new/index.html': article('new') }), { cdn });
    expect(cdn.calls).toEqual([['/', '/index.html', '/old/', '/old/index.html']]);
    expect(events.map((event) => formatEvent(event))).toContain(
      '✓ CloudFront distribution ETEST1234: invalidation I1 for 4 paths: /, /index.html, /old/, /old/index.html',
    );
    const types = events.map((event) => event.type);
    expect(types.indexOf('invalidated')).toBeGreaterThan(types.indexOf('removed'));
  });

  it('is not called when nothing changed', async () => {
    const store = memoryStore();
    const cdn = fakeCdn();
    const dir = writeSite(BUILD);
    await run(store, dir, { cdn });
    await run(store, dir, { cdn });
    expect(cdn.calls).toEqual([]);
  });

  it('failing, fails the deploy with what to invalidate by hand; the site itself is deployed', async () => {
    const store = memoryStore();
    await run(store, writeSite(BUILD));
    const cdn = fakeCdn(Object.assign(new Error('not allowed'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    const failure = run(store, writeSite({ ...BUILD, 'rss.xml': '<rss>new</rss>' }), { cdn });
    await expect(failure).rejects.toThrow(
      /the new build is live at the origin, but CloudFront distribution ETEST1234 was not told \(AccessDenied, HTTP 403: not allowed\).*To clear them now, invalidate \/rss\.xml\./,
    );
    expect(new TextDecoder().decode(store.objects.get('site/rss.xml')?.body)).toBe('<rss>new</rss>');
  });
});
