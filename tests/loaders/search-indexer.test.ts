import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { indexShards, indexShardsApart } from '../../src/lib/search/indexer.ts';
import { RenderCache } from '../../src/lib/render-cache.ts';
import { searchCachePaths, type PendingSearchDocument, type SearchPlan } from '../../src/lib/search/shards.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A build cache holding one shard's pending documents, and the bodies given. */
function cacheWith(bodies: Record<string, string>): { cacheDir: string; plan: SearchPlan } {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'search-indexer-'));
  made.push(cacheDir);
  const renders = new RenderCache(cacheDir);
  for (const [hash, html] of Object.entries(bodies)) writeFileSync(renders.htmlPath(hash), html);
  const pending: PendingSearchDocument[] = [
    {
      bodyHash: 'aaaa',
      input: {
        language: 'en',
        url: '/nile-dam-talks/',
        kicker: 'Analysis',
        section: 'Africa',
        title: 'The Nile dam talks resume',
        dek: 'Egypt and Ethiopia return to the table.',
        authors: ['Amara Okafor'],
        published: { iso: '2026-03-01T09:00:00Z', display: 'March 1, 2026' },
        corrections: [],
        tags: ['nile'],
      },
    },
  ];
  const paths = searchCachePaths(cacheDir);
  mkdirSync(path.dirname(paths.pending('2026')), { recursive: true });
  writeFileSync(paths.pending('2026'), JSON.stringify(pending));
  return { cacheDir, plan: { version: 1, shards: [{ shard: '2026', fingerprint: 'f1', documents: 1 }] } };
}

describe('the search indexer', () => {
  it('indexes a stale shard into the cache, fingerprint last, and lets its pending documents go', async () => {
    const { cacheDir, plan } = cacheWith({ aaaa: '<p>The filling of the reservoir is the sticking point.</p>' });
    delete process.env._RJEM_MALLOC_CONF;
    await expect(indexShards(plan, cacheDir)).resolves.toEqual(['2026']);
    // Pagefind's binary was started with its allocator's settings.
    expect(process.env._RJEM_MALLOC_CONF).toMatch(/^thp:always,.*dirty_decay_ms:-1/);
    const paths = searchCachePaths(cacheDir);
    expect(readFileSync(paths.fingerprint('2026'), 'utf8')).toBe('f1');
    expect(existsSync(path.join(paths.index('2026'), 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(paths.pending('2026'))).toBe(false);
    // Up to date now: nothing to index.
    await expect(indexShards(plan, cacheDir)).resolves.toEqual([]);
  });

  it('fails naming the piece whose rendered body is missing, and leaves no shard behind', async () => {
    const { cacheDir, plan } = cacheWith({});
    // Allocator settings the user gave are theirs to keep.
    process.env._RJEM_MALLOC_CONF = 'narenas:2';
    await expect(indexShards(plan, cacheDir)).rejects.toThrow(/rendered body of \/nile-dam-talks\/ is missing .*delete that folder and build again/);
    expect(process.env._RJEM_MALLOC_CONF).toBe('narenas:2');
    delete process.env._RJEM_MALLOC_CONF;
    expect(existsSync(searchCachePaths(cacheDir).fingerprint('2026'))).toBe(false);
  });

  it('indexes in a process of its own and reports the shards it indexed', async () => {
    const { cacheDir, plan } = cacheWith({ aaaa: '<p>The filling of the reservoir is the sticking point.</p>' });
    writeFileSync(searchCachePaths(cacheDir).plan, JSON.stringify(plan));
    await expect(indexShardsApart(cacheDir)).resolves.toEqual({ indexed: ['2026'] });
    expect(readFileSync(searchCachePaths(cacheDir).fingerprint('2026'), 'utf8')).toBe('f1');
    await expect(indexShardsApart(cacheDir)).resolves.toEqual({ indexed: [] });
  });

  it('passes on the reason when the indexing process fails', async () => {
    const { cacheDir, plan } = cacheWith({});
    writeFileSync(searchCachePaths(cacheDir).plan, JSON.stringify(plan));
    await expect(indexShardsApart(cacheDir)).rejects.toThrow(/rendered body of \/nile-dam-talks\/ is missing .*delete that folder and build again/);
    expect(existsSync(searchCachePaths(cacheDir).fingerprint('2026'))).toBe(false);
  });

  it('fails with a clear error when the indexing process cannot run', async () => {
    const { cacheDir } = cacheWith({});
    await expect(indexShardsApart(cacheDir, path.join(cacheDir, 'no-such-indexer.ts'))).rejects.toThrow(/Cannot find module|no-such-indexer/);
  });
});
