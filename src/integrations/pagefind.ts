/**
 * Site search, in yearly shards (src/lib/search/shards.ts). The content loader
 * leaves a plan in the build cache: every shard's fingerprint, and the search
 * documents of the shards whose cached index is out of date. This integration
 * indexes those shards with Pagefind as soon as the plan is written, so the
 * work runs in Pagefind's own process while Astro bundles and renders pages,
 * then installs every shard into `<outDir>/pagefind/` when the pages are written.
 *
 * Uses Pagefind's Node API, which drives Pagefind's binary as a child process:
 * `close()` stops it, or the build would never exit.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { newestShard, shardDirectory, shardList, SEARCH_DIRECTORY, SHARD_LIST_FILE, type SearchPlan } from '../lib/search/shards.ts';
import { RenderCache, renderCacheDir } from '../lib/render-cache.ts';
import { buildBase } from '../lib/build-target.ts';
import { searchCachePaths, type PendingSearchDocument } from '../loaders/search-plan.ts';
import { searchDocument } from '../lib/search/document.ts';
import { onPlanWritten } from './build-plans.ts';

/**
 * One shard at a time: Pagefind holds a whole shard in memory while it indexes (about 1 GB
 * for 3,000 pieces, a year of a 50,000-piece archive), and indexing starts during content
 * sync, so one core's worth of indexing finishes beside the pages anyway (10,000 articles:
 * cold build 83 s at 1.9 GB peak, against 84 s at 2.1 GB with two at a time).
 */
const PARALLEL_SHARDS = 1;

/** Documents handed to Pagefind at once. */
const ADD_BATCH = 64;

/** What an archive shard needs: the runtime (script, worker, WebAssembly, UI) is served once, from the primary. */
const SHARD_DATA = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

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

/**
 * Puts every shard of the plan into `<siteDir>/pagefind/`, the newest as the
 * primary index, as hard links to the cache. A shard already there as links to
 * its current cached copy (the output folder kept from the last build) stays.
 */
export function installShards(plan: SearchPlan, cacheDir: string, siteDir: string, base = '/'): number {
  const paths = searchCachePaths(cacheDir);
  const outputRoot = path.join(siteDir, SEARCH_DIRECTORY);
  const newest = newestShard(plan.shards.map((shard) => shard.shard));
  mkdirSync(outputRoot, { recursive: true });
  let pages = 0;
  for (const shard of plan.shards) {
    const source = paths.index(shard.shard);
    if (readText(paths.fingerprint(shard.shard)) !== shard.fingerprint) throw new SearchIndexError(`search shard ${shard.shard} is not in the cache (${source})`);
    const primary = shard.shard === newest;
    const target = path.join(siteDir, shardDirectory(shard.shard, newest!));
    pages += shard.documents;
    if (sameFile(path.join(source, ENTRY_FILE), path.join(target, ENTRY_FILE))) continue;
    // The primary shares its folder with the archive and the list of shards; an archive shard has its own.
    for (const name of existsSync(target) ? readdirSync(target) : []) {
      if (!primary || (name !== 'archive' && name !== SHARD_LIST_FILE)) rmSync(path.join(target, name), { recursive: true, force: true });
    }
    for (const entry of readdirSync(source, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || (!primary && !SHARD_DATA.test(entry.name))) continue;
      linkTree(path.join(source, entry.name), path.join(target, entry.name), entry.isDirectory());
    }
  }
  // Archive folders of years that are no longer archive shards (the newest year, or no public piece left).
  const archive = new Set(plan.shards.filter((shard) => shard.shard !== newest).map((shard) => shard.shard));
  const archiveRoot = path.join(outputRoot, 'archive');
  for (const name of existsSync(archiveRoot) ? readdirSync(archiveRoot) : []) if (!archive.has(name)) rmSync(path.join(archiveRoot, name), { recursive: true, force: true });
  if (newest === undefined) rmSync(outputRoot, { recursive: true, force: true });
  else writeFileSync(path.join(outputRoot, SHARD_LIST_FILE), `${JSON.stringify(shardList(plan.shards.map((shard) => shard.shard), base))}\n`);
  // Shards of years that have no public piece any more.
  const indexRoot = path.dirname(paths.index('x'));
  const current = new Set(plan.shards.map((shard) => shard.shard));
  for (const name of existsSync(indexRoot) ? readdirSync(indexRoot) : []) if (!current.has(name)) rmSync(path.join(indexRoot, name), { recursive: true, force: true });
  return pages;
}

const ENTRY_FILE = 'pagefind-entry.json';

/** Whether two paths are links to one file: a cached shard is replaced whole when re-indexed, so its files get new inodes. */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/** Hard links where the file system allows (a shard is thousands of files), copies elsewhere. */
function linkTree(source: string, target: string, directory: boolean): void {
  if (directory) {
    mkdirSync(target, { recursive: true });
    for (const entry of readdirSync(source, { withFileTypes: true })) linkTree(path.join(source, entry.name), path.join(target, entry.name), entry.isDirectory());
    return;
  }
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function readSearchPlan(cacheDir: string): SearchPlan | undefined {
  const text = readText(searchCachePaths(cacheDir).plan);
  return text === undefined ? undefined : (JSON.parse(text) as SearchPlan);
}

function describe(errors: string[]): string {
  return errors.length > 0 ? errors.join('; ') : 'no reason given';
}

/**
 * Astro inlines a bundled script or stylesheet smaller than
 * `vite.build.assetsInlineLimit` into the page, and the search page's
 * Content-Security-Policy (`script-src 'self'`, `style-src 'self'`) would block
 * it. Other assets keep Vite's default (undefined = decide by size).
 */
export function keepScriptsAndStylesExternal(filePath: string): boolean | undefined {
  return /\.(?:js|mjs|css)$/.test(filePath) ? false : undefined;
}

export default function pagefindIntegration(): AstroIntegration {
  let indexing: Promise<{ plan: SearchPlan; indexed: string[]; seconds: number } | undefined> | undefined;
  let stopListening: (() => void) | undefined;
  const startIndexing = () => {
    const cacheDir = renderCacheDir();
    const plan = readSearchPlan(cacheDir);
    const began = performance.now();
    const started = plan ? indexShards(plan, cacheDir).then((indexed) => ({ plan, indexed, seconds: (performance.now() - began) / 1000 })) : Promise.resolve(undefined);
    // Awaited in astro:build:done; a failure meanwhile must not go unhandled.
    started.catch(() => undefined);
    return started;
  };
  return {
    name: 'broadsheet-pagefind',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { build: { assetsInlineLimit: keepScriptsAndStylesExternal } } });
        indexing = undefined;
        // Only a build publishes a search index: it starts as soon as content sync has written the plan.
        if (command === 'build') stopListening = onPlanWritten('search', () => (indexing ??= startIndexing()));
      },
      // Content sync has run and left the plan (and indexing has started, unless sync wrote none).
      'astro:build:start': () => {
        stopListening?.();
        indexing ??= startIndexing();
      },
      // `dir` is the real output folder, also under `astro build --outDir X`.
      'astro:build:done': async ({ dir, logger }) => {
        const began = performance.now();
        try {
          const result = await indexing;
          if (!result || result.plan.shards.length === 0) {
            logger.warn('search index is empty: no public article');
            return;
          }
          const waited = (performance.now() - began) / 1000;
          const pages = installShards(result.plan, renderCacheDir(), fileURLToPath(dir), buildBase());
          logger.info(
            `search: ${pages} articles in ${result.plan.shards.length} yearly shards; ${result.indexed.length} indexed (${result.indexed.join(', ') || 'none'}) in ${result.seconds.toFixed(1)} s, ${waited.toFixed(1)} s of it after the pages were written`,
          );
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          // Thrown, so the build fails and nothing half-indexed is published.
          throw new SearchIndexError(`Search index failed: ${reason}`, { cause: error });
        }
      },
    },
  };
}
