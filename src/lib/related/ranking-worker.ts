/**
 * Worker thread that ranks related stories for the build (ranked-apart.ts).
 * Loaded by Node directly (type stripping), not by Vite: imports carry `.ts`.
 */
import { workerData } from 'node:worker_threads';
import { RenderCache } from '../render-cache.ts';
import { relatedDocument } from '../../markdown/related-document.ts';
import { RelatedIndex, type RelatedDocument } from './ranking.ts';
import { DONE, FAILED, type RankingWorkerData } from './ranked-apart.ts';

const { inputs, renderCacheDir, signal: buffer, port } = workerData as RankingWorkerData;
const signal = new Int32Array(buffer);
/** Progress, for the waiting side to tell a slow worker from a stuck one. */
const tick = () => Atomics.add(signal, 1, 1);

try {
  const renderings = new RenderCache(renderCacheDir);
  // Each distinct body's document, made as its words are read: the words are not all held at once.
  const documents = new Map<string, RelatedDocument>();
  const inputsByHash = Map.groupBy(inputs, (input) => input.bodyHash);
  renderings.eachBodyTerms(inputsByHash.keys(), (hash, bodyTerms) => {
    for (const input of inputsByHash.get(hash)!) {
      documents.set(input.slug, relatedDocument(input, bodyTerms));
      if (documents.size % 256 === 0) tick();
    }
  });
  // The documents are not kept past this: the index lets their terms go once its vectors are built.
  const index = new RelatedIndex(inputs.map((input) => documents.get(input.slug)!));
  documents.clear();
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
