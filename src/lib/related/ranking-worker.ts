/**
 * Worker thread that ranks related stories for the build (ranked-apart.ts).
 * Loaded by Node directly (type stripping), not by Vite: imports carry `.ts`.
 */
import { workerData } from 'node:worker_threads';
import { RenderCache } from '../render-cache.ts';
import { relatedDocument } from '../../markdown/related-document.ts';
import { RelatedIndex } from './ranking.ts';
import { DONE, FAILED, type RankingWorkerData } from './ranked-apart.ts';

const { inputs, renderCacheDir, signal: buffer, port } = workerData as RankingWorkerData;
const signal = new Int32Array(buffer);
/** Progress, for the waiting side to tell a slow worker from a stuck one. */
const tick = () => Atomics.add(signal, 1, 1);

try {
  const renderings = new RenderCache(renderCacheDir);
  const documentOf = (input: RankingWorkerData['inputs'][number], index: number) => {
    if (index % 256 === 0) tick();
    const rendered = renderings.get(input.bodyHash);
    if (!rendered) throw new Error(`the rendered body of "${input.slug}" is missing`);
    return relatedDocument(input, rendered.bodyTerms);
  };
  // The documents are not kept in a variable: the index lets their terms go once its vectors are built.
  const index = new RelatedIndex(inputs.map(documentOf));
  tick();
  const matches = index.all((count) => {
    if (count % 256 === 0) tick();
  });
  port.postMessage(matches);
  Atomics.store(signal, 0, DONE);
} catch (error) {
  // The data module ranks on its own thread, and says why if it fails too.
  console.warn(`related stories: ${error instanceof Error ? error.message : String(error)}`);
  Atomics.store(signal, 0, FAILED);
}
Atomics.notify(signal, 0);
port.close();
