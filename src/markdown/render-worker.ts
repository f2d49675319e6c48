/**
 * Worker thread for cold builds: renders article bodies with the one pipeline.
 * Loaded by Node directly (type stripping), not by Vite: imports carry `.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderArticleBody, type RenderJob } from './render-article.ts';
import { createProcessor, type PipelineOptions } from './pipeline.ts';

const processor = createProcessor(workerData as PipelineOptions);

parentPort!.on('message', (jobs: RenderJob[]) => {
  parentPort!.postMessage(jobs.map((job) => renderArticleBody(processor, job)));
});
