/**
 * Indexes the search shards whose cached index is out of date (the plan of
 * src/loaders/search-plan.ts) with Pagefind's Node API, which drives Pagefind's
 * binary as a child process. Runs on its own thread (search-index-worker.ts):
 * fed from the build's main thread, Pagefind waited on Astro's page work between
 * batches, and re-indexing one year of a 50,000-piece archive took 56 s for
 * some 15 s of Pagefind's own work.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchPlan } from '../lib/search/shards.ts';
import { RenderCache } from '../lib/render-cache.ts';
import { searchDocument } from '../lib/search/document.ts';
import { searchCachePaths, type PendingSearchDocument } from '../loaders/search-plan.ts';

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

/**
 * One shard at a time: Pagefind holds a whole shard in memory while it indexes (about 1 GB
 * for 3,000 pieces, a year of a 50,000-piece archive), and indexing starts during content
 * sync, so one core's worth of indexing finishes beside the pages anyway (10,000 articles:
 * cold build 83 s at 1.9 GB peak, against 84 s at 2.1 GB with two at a time).
 */
const PARALLEL_SHARDS = 1;

/** Documents handed to Pagefind at once. */
const ADD_BATCH = 64;

/** Indexes every shard of the plan whose cached index is out of date. */
export async function indexShards(plan: SearchPlan, cacheDir: string, parallel = PARALLEL_SHARDS): Promise<string[]> {
  const paths = searchCachePaths(cacheDir);
  const stale = plan.shards.filter((shard) => readText(paths.fingerprint(shard.shard)) !== shard.fingerprint);
  if (stale.length === 0) return [];
  const bodies = new RenderCache(cacheDir);
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
