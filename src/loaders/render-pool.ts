/**
 * Renders many article bodies on worker threads (a cold build of a large
 * archive is mostly Markdown rendering), or inline when there are few.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createProcessor, type PipelineOptions } from '../markdown/pipeline.ts';
import { renderArticleBody, type RenderJob, type RenderedArticle } from '../markdown/render-article.ts';

/** Below this many bodies, starting workers costs more than it saves. */
const INLINE_LIMIT = 200;
const BATCH = 100;

export async function renderArticles(jobs: RenderJob[], pipeline: PipelineOptions, onRendered: (article: RenderedArticle) => void): Promise<void> {
  if (jobs.length < INLINE_LIMIT) {
    const processor = createProcessor(pipeline);
    for (const job of jobs) onRendered(renderArticleBody(processor, job));
    return;
  }
  const workerCount = Math.max(1, Math.min(availableParallelism(), 4));
  const workerUrl = new URL('../markdown/render-worker.ts', import.meta.url);
  let next = 0;
  const workers = Array.from({ length: workerCount }, () => new Worker(workerUrl, { workerData: pipeline }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= jobs.length) return resolve();
              const batch = jobs.slice(next, next + BATCH);
              next += BATCH;
              worker.postMessage(batch);
            };
            worker.on('message', (rendered: RenderedArticle[]) => {
              for (const article of rendered) onRendered(article);
              feed();
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (code !== 0) reject(new Error(`render worker stopped with exit code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
