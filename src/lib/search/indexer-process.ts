/**
 * The search indexer's own process (indexer.ts, indexShardsApart; src/lib/apart.ts):
 * indexes the stale shards of the plan in the build cache given as its argument
 * and reports `{"indexed": [...]}`. Run by Node directly (type stripping), not by Vite: imports
 * carry `.ts`.
 *
 * It runs at the build's own priority, not below it: indexing a 10,000-article archive takes
 * about 42 s on an idle 2-core machine, longer than the pages, so it is the longer path. At the
 * lowest priority it waited 14.8 s alone after the pages were written (cold build 102.8 s); at
 * normal priority 5.4 s (89.7 s), one run each on 2026-12-04.
 */
import { reportApart } from '../apart.ts';
import { indexShards, readSearchPlan, type IndexerReport } from './indexer.ts';

const [cacheDir] = process.argv.slice(2);

await reportApart(async (): Promise<IndexerReport> => {
  if (!cacheDir) throw new Error('usage: indexer-process.ts <build cache folder>');
  const plan = readSearchPlan(cacheDir);
  return { indexed: plan ? await indexShards(plan, cacheDir) : [] };
});
