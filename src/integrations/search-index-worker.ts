/**
 * The search indexer's thread (src/integrations/search-indexer.ts): indexes the
 * shards of the plan it is given and posts back the shards indexed, or why not.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchPlan } from '../lib/search/shards.ts';
import { indexShards } from './search-indexer.ts';

const { plan, cacheDir } = workerData as { plan: SearchPlan; cacheDir: string };
indexShards(plan, cacheDir).then(
  (indexed) => parentPort!.postMessage({ indexed }),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
