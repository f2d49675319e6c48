/**
 * Indexes the search shards whose cached index is out of date (shards.ts), with
 * Pagefind's Node API, which drives Pagefind's binary as a child process.
 *
 * A build runs this in a process of its own (indexer-process.ts, started by
 * indexShardsApart): Pagefind is fed a few documents at a time, and from the
 * build's own thread it was fed only when that thread paused, which it seldom
 * does while Astro loads content and lays out pages. At 50,000 articles a
 * year's shard (3,400 pieces) took 72 to 79 s in the build against 17 s alone,
 * and the build waited 20 s for it after its pages were written.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { runApart } from '../apart.ts';
import { RenderCache } from '../render-cache.ts';
import { searchDocument } from './document.ts';
import { searchCachePaths, type PendingSearchDocument, type SearchPlan } from './shards.ts';

/**
 * One shard at a time: Pagefind holds a whole shard in memory while it indexes (about 1 GB
 * for 3,000 pieces, a year of a 50,000-piece archive), and indexing starts during content
 * sync, so one core's worth of indexing finishes beside the pages anyway (10,000 articles:
 * cold build 83 s at 1.9 GB peak, against 84 s at 2.1 GB with two at a time).
 */
const PARALLEL_SHARDS = 1;

/** Documents handed to Pagefind at once. */
const ADD_BATCH = 64;

/**
 * Settings for the allocator in Pagefind's binary (jemalloc; a value already in the environment
 * wins): memory in transparent huge pages, and freed memory kept for reuse rather than handed
 * back. In a virtual machine each page fault is costly, and each return of memory flushes the
 * TLB of every core: both showed up in a profile of a cold build. Indexing 3,000 documents alone
 * (three runs each, alternating): 291,500 to 294,700 page faults and 17.5 to 20.8 CPU-seconds
 * with the defaults; 46,500 to 47,800 and 15.9 to 17.8 with these. Pagefind's peak memory rose
 * from 1,029 to 1,094-1,100 MB.
 */
const PAGEFIND_ALLOCATOR = 'thp:always,metadata_thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1';

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/** Indexes every shard of the plan whose cached index is out of date; returns their names. */
export async function indexShards(plan: SearchPlan, cacheDir: string, parallel = PARALLEL_SHARDS): Promise<string[]> {
  const paths = searchCachePaths(cacheDir);
  const stale = plan.shards.filter((shard) => readText(paths.fingerprint(shard.shard)) !== shard.fingerprint);
  if (stale.length === 0) return [];
  const bodies = new RenderCache(cacheDir);
  // Read by Pagefind's binary, which the first index starts with this process's environment.
  process.env._RJEM_MALLOC_CONF ??= PAGEFIND_ALLOCATOR;
  try {
    const queue = [...stale];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await indexShard(next, paths, bodies);
    };
    await Promise.all(Array.from({ length: Math.min(parallel, stale.length) }, worker));
  } finally {
    await pagefind.close();
  }
  return stale.map((shard) => shard.shard);
}

async function indexShard(shard: SearchPlan['shards'][number], paths: ReturnType<typeof searchCachePaths>, bodies: RenderCache): Promise<void> {
  const pendingFile = paths.pending(shard.shard);
  if (!existsSync(pendingFile)) throw new SearchIndexError(`the documents of search shard ${shard.shard} are missing from ${path.dirname(pendingFile)}; delete ${paths.root} and build again`);
  const pending = JSON.parse(readFileSync(pendingFile, 'utf8')) as PendingSearchDocument[];
  const created = await pagefind.createIndex();
  if (!created.index) throw new SearchIndexError(`Pagefind could not start an index: ${describe(created.errors)}`);
  const index = created.index;
  // Sent in batches, not one by one: each call is a round trip to Pagefind's process, which
  // otherwise sits idle between documents.
  for (let start = 0; start < pending.length; start += ADD_BATCH) {
    const batch = pending.slice(start, start + ADD_BATCH).map(({ input, bodyHash }) => {
      if (!existsSync(bodies.htmlPath(bodyHash))) throw new SearchIndexError(`the rendered body of ${input.url} is missing from ${bodies.dir}; delete that folder and build again`);
      return { url: input.url, content: searchDocument({ ...input, bodyHtml: bodies.html(bodyHash) }) };
    });
    const results = await Promise.all(batch.map((document) => index.addHTMLFile(document)));
    results.forEach((added, position) => {
      if (added.errors.length > 0) throw new SearchIndexError(`Pagefind could not index ${batch[position]!.url}: ${describe(added.errors)}`);
    });
  }
  const target = paths.index(shard.shard);
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: temporary });
  if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write search shard ${shard.shard}: ${describe(written.errors)}`);
  await index.deleteIndex();
  // The fingerprint goes in last and the folder is swapped in whole: a shard in the cache is complete.
  writeFileSync(path.join(temporary, '.fingerprint'), shard.fingerprint);
  rmSync(target, { recursive: true, force: true });
  renameSync(temporary, target);
  rmSync(pendingFile, { force: true });
}

export function readSearchPlan(cacheDir: string): SearchPlan | undefined {
  const text = readText(searchCachePaths(cacheDir).plan);
  return text === undefined ? undefined : (JSON.parse(text) as SearchPlan);
}

export function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function describe(errors: string[]): string {
  return errors.length > 0 ? errors.join('; ') : 'no reason given';
}

/** What the indexing process reports on its standard output when it succeeds. */
export interface IndexerReport {
  indexed: string[];
}

const INDEXER_PROCESS = fileURLToPath(new URL('./indexer-process.ts', import.meta.url));

/**
 * indexShards in a Node process of its own (indexer-process.ts, run by runApart), on the plan in
 * `cacheDir`. Rejects with what the process wrote to its error output when it fails.
 */
export function indexShardsApart(cacheDir: string, entry = INDEXER_PROCESS): Promise<IndexerReport> {
  return runApart<IndexerReport>(entry, [cacheDir], { name: 'the search indexer', error: (message, options) => new SearchIndexError(message, options) });
}
