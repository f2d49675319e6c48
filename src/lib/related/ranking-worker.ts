/**
 * Worker thread that ranks related stories for the build (ranked-apart.ts).
 * Loaded by Node directly (type stripping), not by Vite: imports carry `.ts`.
 */
import { workerData } from 'node:worker_threads';
import { RenderCache } from '../render-cache.ts';
import { relatedDocument } from '../../markdown/related-document.ts';
import { RelatedIndex, TermVocabulary, type CompactDocument } from './ranking.ts';
import { DONE, FAILED, type RankedApart, type RankingWorkerData } from './ranked-apart.ts';

const { inputs, renderCacheDir, keepDocuments, signal: buffer, port } = workerData as RankingWorkerData;
const signal = new Int32Array(buffer);
/** Progress, for the waiting side to tell a slow worker from a stuck one. */
const tick = () => Atomics.add(signal, 1, 1);

try {
  const renderings = new RenderCache(renderCacheDir);
  // Each piece's document made compact as its body's words are read, in the pieces' order.
  const vocabulary = new TermVocabulary();
  const documents = new Array<CompactDocument>(inputs.length);
  const positions = Map.groupBy(inputs.keys(), (position) => inputs[position]!.bodyHash);
  let made = 0;
  renderings.eachBodyTerms(positions.keys(), (hash, bodyTerms) => {
    for (const position of positions.get(hash)!) {
      documents[position] = vocabulary.compact(relatedDocument(inputs[position]!, bodyTerms));
      if (++made % 256 === 0) tick();
    }
  });
  const index = new RelatedIndex({ vocabulary, documents });
  // Let go of while ranking, unless they go back with the result.
  if (!keepDocuments) documents.length = 0;
  tick();
  const matches = index.all((count) => {
    if (count % 256 === 0) tick();
  });
  const result: RankedApart = keepDocuments ? { matches, compact: { terms: vocabulary.terms, documents } } : { matches };
  // The documents' arrays move to the receiving thread rather than being copied.
  port.postMessage(result, keepDocuments ? documents.flatMap((document) => [document.termIds.buffer, document.termCounts.buffer]) : []);
  Atomics.store(signal, 0, DONE);
} catch (error) {
  // The data module ranks on its own thread, and says why if it fails too.
  console.warn(`related stories: ${error instanceof Error ? error.message : String(error)}`);
  Atomics.store(signal, 0, FAILED);
}
Atomics.notify(signal, 0);
port.close();
