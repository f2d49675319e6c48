/**
 * Renders many article bodies in child processes (a cold build of a large
 * archive is mostly Markdown rendering), or inline when there are few.
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
import { renderArticleBody, type RenderJob, type RenderedArticle } from '../markdown/render-article.ts';

/** Below this many bodies, starting processes costs more than it saves. */
const INLINE_LIMIT = 200;
const BATCH = 100;

const RENDER_PROCESS = fileURLToPath(new URL('../markdown/render-process.ts', import.meta.url));

export async function renderArticles(jobs: RenderJob[], pipeline: PipelineOptions, onRendered: (article: RenderedArticle) => void): Promise<void> {
  if (jobs.length < INLINE_LIMIT) {
    const processor = createProcessor(pipeline);
    for (const job of jobs) onRendered(renderArticleBody(processor, job));
    return;
  }
  const count = Math.max(1, Math.min(availableParallelism(), 4));
  let next = 0;
  // The structured clone of worker threads, not JSON: a body's HTML passes as it is.
  const renderers = Array.from({ length: count }, () =>
    fork(RENDER_PROCESS, [JSON.stringify(pipeline)], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  try {
    await Promise.all(renderers.map((renderer) => drain(renderer)));
  } finally {
    for (const renderer of renderers) if (renderer.exitCode === null && renderer.signalCode === null) renderer.kill();
  }

  function drain(renderer: ChildProcess): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let done = false;
      const feed = () => {
        if (next >= jobs.length) {
          done = true;
          renderer.disconnect();
          return;
        }
        const batch = jobs.slice(next, next + BATCH);
        next += BATCH;
        renderer.send(batch);
      };
      renderer.on('message', (rendered: RenderedArticle[]) => {
        try {
          for (const article of rendered) onRendered(article);
        } catch (error) {
          reject(error);
          return;
        }
        feed();
      });
      renderer.once('error', reject);
      renderer.once('exit', (code, signal) => {
        if (done && code === 0) resolve();
        else reject(new Error(`a body renderer stopped ${signal ? `by ${signal}` : `with exit code ${code}`} before its work was done`));
      });
      feed();
    });
  }
}
