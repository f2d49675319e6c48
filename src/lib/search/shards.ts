/**
 * The search index in shards, one per year of publication in the site's time
 * zone. Pagefind has no incremental mode, so a publish or an edit re-indexes
 * only the shard of the year it touches; the others are restored from the
 * build cache. The newest year is the primary index at /pagefind/ (Pagefind's
 * script, worker and WebAssembly live there too); older years sit at
 * /pagefind/archive/<year>/, and the search page merges them in the browser
 * (Pagefind's mergeIndex), listed in /pagefind/shards.json.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { localDateKey } from '../dates.ts';
import type { SearchDocumentInput } from './document.ts';

export const SEARCH_DIRECTORY = 'pagefind';
/** Lists the archive shards' base paths for the search page. */
export const SHARD_LIST_FILE = 'shards.json';

export interface ShardList {
  /** Base paths of the shards to merge into the primary index, newest first. */
  archive: string[];
}

/** The year a piece's search records belong to. */
export function shardOf(published: Date, timeZone: string): string {
  return localDateKey(published, timeZone).slice(0, 4);
}

/** Where a shard is served, relative to the site root, with a trailing slash. */
export function shardDirectory(shard: string, newest: string): string {
  return shard === newest ? `${SEARCH_DIRECTORY}/` : `${SEARCH_DIRECTORY}/archive/${shard}/`;
}

export function newestShard(shards: Iterable<string>): string | undefined {
  let newest: string | undefined;
  for (const shard of shards) if (newest === undefined || shard > newest) newest = shard;
  return newest;
}

/** `base`: the path the site is served under (src/lib/build-target.ts). */
export function shardList(shards: Iterable<string>, base = '/'): ShardList {
  const all = [...shards].sort().reverse();
  const newest = all[0];
  return { archive: newest === undefined ? [] : all.slice(1).map((shard) => `${base}${shardDirectory(shard, newest)}`) };
}

/**
 * What a shard's index depends on: each document's key (everything it shows
 * but the body, plus the body's content hash), in address order. Equal
 * fingerprints give byte-identical indexes, so the cached one is reused.
 */
export function shardFingerprint(documents: readonly { url: string; key: string }[], version: number): string {
  const hash = createHash('sha256').update(`search shard v${version}\n`);
  for (const document of [...documents].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) hash.update(`${document.url}\0${document.key}\n`);
  return hash.digest('hex').slice(0, 32);
}

/** What the loader leaves for the build's indexer (src/integrations/pagefind.ts). */
export interface SearchPlan {
  version: number;
  shards: { shard: string; fingerprint: string; documents: number }[];
}

export const SEARCH_PLAN_FILE = 'plan.json';

/** The search part of the build cache: the plan, pending documents and indexed shards. */
export function searchCachePaths(cacheDir: string) {
  const root = path.join(cacheDir, 'search');
  return {
    root,
    plan: path.join(root, SEARCH_PLAN_FILE),
    pending: (shard: string) => path.join(root, 'pending', `${shard}.json`),
    index: (shard: string) => path.join(root, 'index', shard),
    fingerprint: (shard: string) => path.join(root, 'index', shard, '.fingerprint'),
  };
}

/** One article's search document, but for its body: the rendered body is read from the render cache by its hash. */
export interface PendingSearchDocument {
  input: Omit<SearchDocumentInput, 'bodyHtml'>;
  bodyHash: string;
}
