import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/lib/deploy/manifest.ts';
import { formatEvent, formatSummary } from '../../src/lib/deploy/report.ts';
import { DeployError, MANIFEST_CACHE_CONTROL, deploy, type DeployEvent, type DeployOptions } from '../../src/lib/deploy/run.ts';
import { HASH_METADATA } from '../../src/lib/deploy/store.ts';
import { parseTarget } from '../../src/lib/deploy/target.ts';
import { memoryStore, type MemoryStore } from '../deploy/memory-store.ts';
import { useTempSites } from '../helpers/temp-site.ts';

const HOUR = 3_600_000;
const target = parseTarget('s3://bucket/site');

const BUILD = {
  'index.html': '<a href="/new/">new</a>',
  '404.html': 'not found',
  'old/index.html': 'old article',
  '_astro/style.B1x.css': 'p{}',
  '_astro/hero.Q9z.avif': 'AVIF',
  'logo.svg': '<svg/>',
  'rss.xml': '<rss/>',
};

const writeSite = useTempSites('broadsheet-run-');


async function run(store: MemoryStore, dir: string, options: Partial<DeployOptions> = {}) {
  const events: DeployEvent[] = [];
  const result = await deploy({ dir, target, store, concurrency: 2, onEvent: (event) => events.push(event), ...options });
  return { result, events };
}

function manifestOf(store: MemoryStore) {
  const object = store.objects.get('site/.broadsheet/manifest.json');
  return object && parseManifest(new TextDecoder().decode(object.body));
}

function keysOf(store: MemoryStore): string[] {
  return [...store.objects.keys()].sort();
}

describe('deploy', () => {
  it('stores assets and files, verified, before any page, and the manifest last', async () => {
    const store = memoryStore();
    const { result, events } = await run(store, writeSite(BUILD));
    const writes = store.operations.filter((operation) => operation.op === 'put').map((operation) => operation.key);
    expect(writes).toEqual([
      expect.stringMatching(/^site\/_astro\//),
      expect.stringMatching(/^site\/_astro\//),
      'site/logo.svg',
      expect.stringMatching(/^site\/(404|old\/index)\.html$/),
      expect.stringMatching(/^site\/(404|old\/index)\.html$/),
      'site/index.html',
      'site/rss.xml',
      'site/.broadsheet/manifest.json',
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
      'manifest',
    ]);
    expect(result).toMatchObject({ uploaded: 7, unchanged: 0, removed: 0, bytes: 62, dryRun: false });
    expect(store.objects.get('site/index.html')).toMatchObject({
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=0, s-maxage=300, must-revalidate',
    });
    expect(store.objects.get('site/_astro/style.B1x.css')?.metadata[HASH_METADATA]).toMatch(/^[0-9a-f]{64}$/);
    expect(store.objects.get('site/.broadsheet/manifest.json')?.cacheControl).toBe(MANIFEST_CACHE_CONTROL);
    expect(Object.keys(manifestOf(store)?.files ?? {})).toHaveLength(7);
  });

  it('uploads nothing the second time', async () => {
    const store = memoryStore();
    const dir = writeSite(BUILD);
    await run(store, dir);
    store.operations.length = 0;
    const { result } = await run(store, dir);
    expect(result).toMatchObject({ uploaded: 0, unchanged: 7, removed: 0, bytes: 0 });
    expect(store.operations.filter((operation) => operation.op === 'put').map((operation) => operation.key)).toEqual([
      'site/.broadsheet/manifest.json',
    ]);
    expect(formatSummary(result)).toMatch(/^✓ Deployed: 0 uploaded, 7 unchanged, 0 removed, 0 B in \d+\.\d\d s$/);
  });

  it('changes nothing in a dry run', async () => {
    const store = memoryStore();
    const { result, events } = await run(store, writeSite(BUILD), { dryRun: true });
    expect(store.operations.every((operation) => operation.op === 'get' || operation.op === 'list' || operation.op === 'head')).toBe(true);
    expect(store.objects.size).toBe(0);
    expect(result.plan.uploads).toHaveLength(7);
    expect(formatSummary(result)).toMatch(/^Dry run: 7 to upload, 0 unchanged, 0 to remove, 62 B in .* nothing was changed$/);
    expect(events.map((event) => formatEvent(event))).toContain('Plan: 7 to upload (7 new, 62 B), 0 unchanged, 0 to remove');
  });

  it('stops before any page when a stored file reads back wrong, leaving the old site and manifest', async () => {
    const store = memoryStore();
    await run(store, writeSite(BUILD));
    const before = new Map(store.objects);
    const manifestBefore = store.objects.get('site/.broadsheet/manifest.json');
    store.alterRead = (key, object) => (key.endsWith('new.Zz1.css') ? { ...object, body: object.body.slice(1) } : object);
    const next = writeSite({ ...BUILD, 'index.html': 'changed home', '_astro/new.Zz1.css': 'a{}' });
    const failure = run(store, next);
    await expect(failure).rejects.toThrow(DeployError);
    await expect(failure).rejects.toThrow(/_astro\/new\.Zz1\.css was stored corrupted: reading it back gave 2 bytes[\s\S]*No page or feed was switched/);
    expect(store.objects.get('site/index.html')).toEqual(before.get('site/index.html'));
    expect(store.objects.get('site/.broadsheet/manifest.json')).toBe(manifestBefore);
  });

  it('says what may be live when it stops after the pages', async () => {
    const store = memoryStore();
    store.before = (operation) => {
      if (operation.op === 'put' && operation.key.endsWith('manifest.json')) throw new Error('disk full');
    };
    const failure = run(store, writeSite(BUILD));
    await expect(failure).rejects.toThrow(/disk full\nEvery file of the new build is live; the manifest may or may not be the new one/);
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
    await store.put('site/.broadsheet/manifest.json', new TextEncoder().encode('{"version": 7}'), {
      contentType: 'application/json',
      cacheControl: 'no-store',
      metadata: {},
    });
    await expect(run(store, writeSite(BUILD))).rejects.toThrow(/remote manifest s3:\/\/bucket\/site\/\.broadsheet\/manifest\.json is unreadable/);
    expect(store.operations.filter((operation) => operation.op === 'put')).toHaveLength(1);
  });

  it('keeps files that left the site through the grace period, then deletes them', async () => {
    const store = memoryStore();
    const start = Date.parse('2026-11-28T12:00:00Z');
    await run(store, writeSite(BUILD), { now: () => new Date(start) });
    const { 'old/index.html': _gone, '_astro/hero.Q9z.avif': _gone2, ...rest } = BUILD;
    const next = writeSite(rest);
    const first = await run(store, next, { now: () => new Date(start + HOUR) });
    expect(first.result.plan.leaving).toEqual(['_astro/hero.Q9z.avif', 'old/index.html']);
    expect(manifestOf(store)?.stale['old/index.html']?.since).toBe(new Date(start + HOUR).toISOString());
    const within = await run(store, next, { now: () => new Date(start + 48 * HOUR) });
    expect(within.result.removed).toBe(0);
    expect(keysOf(store)).toContain('site/old/index.html');
    const after = await run(store, next, { now: () => new Date(start + 49 * HOUR) });
    expect(after.result.removed).toBe(2);
    expect(after.events.find((event) => event.type === 'removed')).toEqual({ type: 'removed', paths: ['_astro/hero.Q9z.avif', 'old/index.html'] });
    expect(keysOf(store)).not.toContain('site/old/index.html');
    expect(manifestOf(store)?.stale).toEqual({});
    // Deletion comes after the manifest that no longer lists them.
    const lastManifest = store.operations.map((operation) => operation.key).lastIndexOf('site/.broadsheet/manifest.json');
    expect(store.operations.findIndex((operation) => operation.op === 'delete')).toBeGreaterThan(lastManifest);
  });

  it('reports a failed clean-up as a warning: the deploy itself succeeded', async () => {
    const store = memoryStore();
    const start = Date.parse('2026-11-28T12:00:00Z');
    await run(store, writeSite(BUILD), { now: () => new Date(start) });
    const { 'old/index.html': _gone, ...rest } = BUILD;
    const next = writeSite(rest);
    await run(store, next, { now: () => new Date(start), graceHours: 0 });
    store.before = (operation) => {
      if (operation.op === 'delete') throw Object.assign(new Error('denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    };
    const { result, events } = await run(store, next, { now: () => new Date(start + 1), graceHours: 0 });
    expect(result.removed).toBe(0);
    expect(events.find((event) => event.type === 'warning')).toMatchObject({ message: expect.stringMatching(/removing 1 expired files failed \(AccessDenied, HTTP 403: denied\)/) });
  });

  it('adopts objects an interrupted deploy left, and leaves other objects alone', async () => {
    const store = memoryStore();
    const dir = writeSite(BUILD);
    await run(store, dir);
    await store.put('site/_astro/orphan.X1.css', new Uint8Array([1]), {
      contentType: 'text/css',
      cacheControl: 'x',
      metadata: { [HASH_METADATA]: 'c'.repeat(64) },
    });
    await store.put('site/uploaded-by-hand.pdf', new Uint8Array([1]), { contentType: 'application/pdf', cacheControl: 'x', metadata: {} });
    const { result, events } = await run(store, dir);
    expect(result.plan.adopted).toEqual(['_astro/orphan.X1.css']);
    expect(events.find((event) => event.type === 'remote')).toMatchObject({ foreign: 1 });
    expect(manifestOf(store)?.stale['_astro/orphan.X1.css']).toBeDefined();
    expect(manifestOf(store)?.stale['uploaded-by-hand.pdf']).toBeUndefined();
  });
});
