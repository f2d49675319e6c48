/**
 * The search indexer's own process (indexer.ts, indexShardsApart): indexes the
 * stale shards of the plan in the build cache given as its argument, prints
 * `{"indexed": [...]}` and exits 0, or prints the reason to its error output
 * and exits 1. Run by Node directly (type stripping), not by Vite: imports
 * carry `.ts`.
 */
import { constants, setPriority } from 'node:os';
import { indexShards, readSearchPlan } from './indexer.ts';

const [cacheDir] = process.argv.slice(2);
// Behind the build's own work for the cores (Pagefind's binary inherits it): indexing fills the
// time the build leaves idle instead of slowing the pages, which are the longer path.
setPriority(constants.priority.PRIORITY_LOW);
// The build that started this process has ended (or died): nothing is left to index for.
process.stdin.on('end', () => process.exit(1));
process.stdin.resume();

try {
  if (!cacheDir) throw new Error('usage: indexer-process.ts <build cache folder>');
  const plan = readSearchPlan(cacheDir);
  const indexed = plan ? await indexShards(plan, cacheDir) : [];
  process.stdout.write(JSON.stringify({ indexed }), () => process.exit(0));
} catch (error) {
  process.stderr.write(error instanceof Error ? error.message : String(error), () => process.exit(1));
}
