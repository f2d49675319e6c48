/**
 * The search indexer's own process (indexer.ts, indexShardsApart; src/lib/apart.ts):
 * indexes the stale shards of the plan in the build cache given as its argument
 * and reports `{"indexed": [...]}`. Run by Node directly (type stripping), not by Vite: imports
 * carry `.ts`.
 */
import { constants, setPriority } from 'node:os';
import { reportApart } from '../apart.ts';
import { indexShards, readSearchPlan, type IndexerReport } from './indexer.ts';

const [cacheDir] = process.argv.slice(2);
// Behind the build's own work for the cores (Pagefind's binary inherits it): indexing fills the
// time the build leaves idle instead of slowing the pages, which are the longer path.
setPriority(constants.priority.PRIORITY_LOW);

await reportApart(async (): Promise<IndexerReport> => {
  if (!cacheDir) throw new Error('usage: indexer-process.ts <build cache folder>');
  const plan = readSearchPlan(cacheDir);
  return { indexed: plan ? await indexShards(plan, cacheDir) : [] };
});
