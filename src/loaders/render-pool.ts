/**
 * Renders many article bodies into the render cache in child processes (a
 * cold build of a large archive is mostly Markdown rendering), or inline when
 * there are few.
 *
 * Processes, not worker threads: what rendering leaves behind in the memory
 * allocator stays with a thread's process, through the rest of the build; a
 * child process gives it all back when it exits. A 10,000-article cold build's
 * own process peaked at 1,307 MB with two worker threads, 1,212 MB with two
 * processes (one run each, 2026-12-04).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createProcessor, type PipelineOptions } from '../markdown/pipeline.ts';
import { renderIntoCache, type CachedBody, type RenderJob } from '../markdown/render-article.ts';
import { RenderCache } from '../lib/render-cache.ts';

/** Below this many bodies, starting processes costs more than it saves. */
const INLINE_LIMIT = 200;
const BATCH = 50;
/**
 * Batches a renderer holds at once: the next one is already there when it
 * finishes one, so it does not wait for the build's busy thread to answer.
 */
const IN_FLIGHT = 2;

const RENDER_PROCESS = fileURLToPath(new URL('../markdown/render-process.ts', import.meta.url));

/**
 * A body to render whose Markdown is read only when it is sent: a cold build of
 * a 50,000-piece archive held every body (580 MB) through content sync otherwise.
 */
export interface PendingRenderJob extends Omit<RenderJob, 'markdown'> {
  markdown: () => string;
}

const readyJob = ({ markdown, ...job }: PendingRenderJob): RenderJob => ({ ...job, markdown: markdown() });

/** Renders every job into the cache in `cacheDir`; `onRendered` hears of each body once it is stored. */
export async function renderArticles(jobs: PendingRenderJob[], pipeline: PipelineOptions, cacheDir: string, onRendered: (body: CachedBody) => void): Promise<void> {
  if (jobs.length < INLINE_LIMIT) {
    const processor = createProcessor(pipeline);
    const cache = new RenderCache(cacheDir);
    for (const job of jobs) onRendered(renderIntoCache(processor, cache, readyJob(job)));
    return;
  }
  const count = Math.max(1, Math.min(availableParallelism(), 4));
  let next = 0;
  const renderers = Array.from({ length: count }, () =>
    fork(RENDER_PROCESS, [JSON.stringify(pipeline), cacheDir], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  try {
    await Promise.all(renderers.map((renderer) => drain(renderer)));
  } finally {
    for (const renderer of renderers) if (renderer.exitCode === null && renderer.signalCode === null) renderer.kill();
  }

  function drain(renderer: ChildProcess): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      let done = false;
      const feed = () => {
        if (next < jobs.length) {
          renderer.send(jobs.slice(next, next + BATCH).map(readyJob));
          next += BATCH;
          inFlight++;
        } else if (inFlight === 0 && !done) {
          done = true;
          renderer.disconnect();
        }
      };
      renderer.on('message', (rendered: CachedBody[]) => {
        inFlight--;
        try {
          for (const body of rendered) onRendered(body);
          feed();
        } catch (error) {
          reject(error);
        }
      });
      renderer.once('error', reject);
      renderer.once('exit', (code, signal) => {
        if (done && code === 0) resolve();
        else reject(new Error(`a body renderer stopped ${signal ? `by ${signal}` : `with exit code ${code}`} before its work was done`));
      });
      for (let batch = 0; batch < IN_FLIGHT; batch++) feed();
    });
  }
}
