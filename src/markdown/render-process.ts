/**
 * Child process for cold builds: renders article bodies with the one pipeline
 * into the render cache, a batch per message from src/loaders/render-pool.ts,
 * and answers with their summaries only. Writing the cache here, not in the
 * build's process, keeps twenty thousand file writes off the thread that also
 * loads content and feeds these processes.
 * Loaded by Node directly (type stripping), not by Vite: imports carry `.ts`.
 */
import { renderIntoCache, type RenderJob } from './render-article.ts';
import { createProcessor, type PipelineOptions } from './pipeline.ts';
import { RenderCache } from '../lib/render-cache.ts';

const processor = createProcessor(JSON.parse(process.argv[2]!) as PipelineOptions);
const cache = new RenderCache(process.argv[3]!);

process.on('message', (jobs: RenderJob[]) => {
  process.send!(jobs.map((job) => renderIntoCache(processor, cache, job)));
});
// The pool disconnects when its work is done, and the channel closes if the build itself ends.
process.on('disconnect', () => process.exit(0));
