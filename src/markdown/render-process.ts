/**
 * Child process for cold builds: renders article bodies with the one pipeline,
 * a batch per message from src/loaders/render-pool.ts.
 * Loaded by Node directly (type stripping), not by Vite: imports carry `.ts`.
 */
import { renderArticleBody, type RenderJob } from './render-article.ts';
import { createProcessor, type PipelineOptions } from './pipeline.ts';

const processor = createProcessor(JSON.parse(process.argv[2]!) as PipelineOptions);

process.on('message', (jobs: RenderJob[]) => {
  process.send!(jobs.map((job) => renderArticleBody(processor, job)));
});
// The pool disconnects when its work is done, and the channel closes if the build itself ends.
process.on('disconnect', () => process.exit(0));
