/**
 * Site search, in shards by year (or half-year) and, for the newest year, by month (src/lib/search/shards.ts). The content loader
 * leaves a plan in the build cache: every shard's fingerprint, and the search
 * documents of the shards whose cached index is out of date. This integration
 * indexes those shards with Pagefind as soon as the plan is written, in a
 * process of its own (src/lib/search/indexer.ts) while Astro bundles and renders
 * pages, then installs every shard into `<outDir>/pagefind/` when the pages are
 * written.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { newestShard, searchCachePaths, shardDirectory, shardList, SEARCH_DIRECTORY, SHARD_LIST_FILE, type SearchPlan } from '../lib/search/shards.ts';
import { indexShardsApart, readSearchPlan, readText, SearchIndexError } from '../lib/search/indexer.ts';
import { renderCacheDir } from '../lib/render-cache.ts';
import { buildBase } from '../lib/build-target.ts';
import { onPlanWritten } from './build-plans.ts';

/** What an archive shard needs: the runtime (script, worker, WebAssembly, UI) is served once, from the primary. */
const SHARD_DATA = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

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
    const started = plan ? indexShardsApart(cacheDir).then(({ indexed }) => ({ plan, indexed, seconds: (performance.now() - began) / 1000 })) : Promise.resolve(undefined);
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
            `search: ${pages} articles in ${result.plan.shards.length} shards; ${result.indexed.length} indexed (${result.indexed.join(', ') || 'none'}) in ${result.seconds.toFixed(1)} s, ${waited.toFixed(1)} s of it after the pages were written`,
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
