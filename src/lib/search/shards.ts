/**
 * The search index in shards: one per month of the newest year of publication
 * (in the site's time zone), one per year before it, or per part of a year
 * (half, third, quarter...) in a year of many pieces. Pagefind has no incremental mode, so a publish or an edit
 * re-indexes only the shard it touches; the others are restored from the
 * build cache. A publish lands in
 * the newest month, whose shard holds a few hundred pieces even at 50,000,
 * where the newest year's held some 3,100 (35 s of indexing). Once a piece
 * is published in a new year, the past year's months are indexed again as one
 * shard, once. The newest shard is the primary index at /pagefind/ (Pagefind's
 * script, worker and WebAssembly live there too); the others sit at
 * /pagefind/archive/<shard>/, and the search page merges them in the browser
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

/**
 * The most pieces a past year's shard should hold; a year of more is split into
 * equal runs of months (halves, thirds, quarters...). Pagefind holds a whole
 * shard in memory while it indexes, about 0.33 MB a piece (700 pieces of 600 to
 * 3,000 words: 243 to 255 MB; 1,400: 473 to 498 MB). In halves, a year of a
 * 50,000-piece archive (3,100 pieces) made 1,550-piece shards and the cold
 * build peaked at 3,051 MB, over its 3 GB budget; thirds of about 1,030 take a
 * third less. The search page merges every shard, so they are not made smaller
 * than memory needs.
 */
export const PIECES_PER_SHARD = 1200;

/** How a year can be split, by how many parts, and the letter its parts are named with. */
const YEAR_SPLITS = [
  [2, 'h'],
  [3, 't'],
  [4, 'q'],
  [6, 'b'],
  [12, 'm'],
] as const;

/** How an archive's pieces fall into shards: which year is in months, which years are split and how. */
export interface ShardLayout {
  /** The year of the newest piece indexed, in the site's time zone: its months are shards. */
  newestYear: string;
  /** Years before it indexed in parts, by year: 2 halves ("2016-h1", "2016-h2"), 3 thirds ("2016-t1"...), 4 quarters... */
  splitYears: ReadonlyMap<string, number>;
}

/** The layout for pieces published at these dates (those indexed), in the site's time zone. */
export function shardLayout(published: Iterable<Date>, timeZone: string, piecesPerShard = PIECES_PER_SHARD): ShardLayout {
  const perYear = new Map<string, number>();
  for (const date of published) {
    const year = localDateKey(date, timeZone).slice(0, 4);
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  const newestYear = [...perYear.keys()].reduce((newest, year) => (year > newest ? year : newest), '');
  const splitYears = new Map<string, number>();
  for (const [year, count] of perYear) {
    if (year === newestYear || count <= piecesPerShard) continue;
    const split = YEAR_SPLITS.find(([parts]) => Math.ceil(count / parts) <= piecesPerShard) ?? YEAR_SPLITS.at(-1)!;
    splitYears.set(year, split[0]);
  }
  return { newestYear, splitYears };
}

/**
 * The shard a piece's search records belong to: its month ("2026-11") in the
 * newest year; its year ("2025") before, or its part of the year ("2016-h2",
 * "2016-t3") in a year of many pieces. Names sort oldest first.
 */
export function shardOf(published: Date, timeZone: string, layout: ShardLayout): string {
  const month = localDateKey(published, timeZone).slice(0, 7);
  const year = month.slice(0, 4);
  if (year === layout.newestYear) return month;
  const parts = layout.splitYears.get(year);
  if (parts === undefined) return year;
  const letter = YEAR_SPLITS.find(([count]) => count === parts)![1];
  const part = Math.floor((Number(month.slice(5)) - 1) / (12 / parts)) + 1;
  return `${year}-${letter}${parts === 12 ? String(part).padStart(2, '0') : part}`;
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
