/**
 * Related stories ranked on a worker thread while the build goes on. Ranking
 * every piece takes the build's own thread 8 to 11 s at 50,000 articles (their
 * terms, the index, the ranking), and that thread is the longer path of a
 * rebuild. Content sync knows every input once the bodies are rendered, so the
 * content loader starts the ranking there (rankApart) and the site's data
 * module takes the result when it needs it (rankedApart), waiting if it must.
 *
 * The two sides build their inputs separately (the loader from the validated
 * files, the data module from its article views), so the result is used only
 * when both lists have the same digest; otherwise, or when the worker fails or
 * stalls, the data module ranks on its own thread as before.
 *
 * The loader and the data module run in different module graphs (Vite's
 * module runner and the prerender bundle), so the hand-off lives on
 * `globalThis`, under a registered symbol both copies find.
 */
import { createHash } from 'node:crypto';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CompactDocument, RelatedMatch } from './ranking.ts';

/** What ranking one piece starts from: its frontmatter as written and the hash of its rendered body (whose words the render cache keeps). */
export interface RankingInput {
  slug: string;
  section: string;
  tags: readonly string[];
  published: Date;
  title: string;
  dek: string;
  bodyHash: string;
}

/** What the worker is given (ranking-worker.ts). */
export interface RankingWorkerData {
  inputs: RankingInput[];
  renderCacheDir: string;
  /** Whether to hand back the documents with the ranking (see RankedApart). */
  keepDocuments: boolean;
  /** [state, progress]: see RUNNING, DONE, FAILED. */
  signal: SharedArrayBuffer;
  port: MessagePort;
}

/**
 * What the worker hands back: every piece's related stories, and, when asked for, the pieces'
 * documents, in the inputs' order, made compact with the vocabulary `terms` (ids in its order).
 * The preview keeps those and ranks again after each save from them (src/data/content.ts).
 */
export interface RankedApart {
  matches: Map<string, RelatedMatch[]>;
  compact?: { terms: string[]; documents: CompactDocument[] };
}

export const RUNNING = 0;
export const DONE = 1;
export const FAILED = 2;

/** A worker that shows no progress for this long is given up on: its thread is stuck or gone. */
const QUIET_LIMIT_MS = 30_000;

const RANKING_WORKER_URL = new URL('./ranking-worker.ts', import.meta.url);

interface Handoff {
  digest: string;
  signal: Int32Array;
  port: MessagePort;
  worker: Worker;
}

const HANDOFF = Symbol.for('broadsheet.related-ranking');
/** Set once documents were taken (see RankedApart): the preview then ranks from the ones it keeps. */
const DOCUMENTS_TAKEN = Symbol.for('broadsheet.related-ranking.documents-taken');
type Holder = typeof globalThis & { [HANDOFF]?: Handoff; [DOCUMENTS_TAKEN]?: true };

/** Whether a ranking's documents were taken in this process: a preview needs them once, at its first page. */
export function rankingDocumentsTaken(): boolean {
  return (globalThis as Holder)[DOCUMENTS_TAKEN] === true;
}

/** One digest for the inputs in their order: equal digests, equal rankings. */
export function rankingInputDigest(inputs: readonly RankingInput[]): string {
  const hash = createHash('sha256');
  for (const { slug, section, tags, published, title, dek, bodyHash } of inputs) {
    hash.update(JSON.stringify([slug, section, tags, published.getTime(), title, dek, bodyHash])).update('\n');
  }
  return hash.digest('hex');
}

/**
 * Starts ranking `inputs` (newest first, as the site lists them) on a worker thread; the bodies'
 * words come from the render cache. With `keepDocuments`, the documents come back too.
 */
export function rankApart(inputs: RankingInput[], renderCacheDir: string, { keepDocuments = false, workerUrl = RANKING_WORKER_URL }: { keepDocuments?: boolean; workerUrl?: URL } = {}): void {
  const holder = globalThis as Holder;
  // A ranking left by an earlier build in this process (tests build several sites) is of no use.
  void holder[HANDOFF]?.worker.terminate();
  delete holder[HANDOFF];
  const signal = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const workerData: RankingWorkerData = { inputs, renderCacheDir, keepDocuments, signal: signal.buffer as SharedArrayBuffer, port: port2 };
    worker = new Worker(workerUrl, { workerData, transferList: [port2] });
  } catch {
    // No thread to be had: the data module ranks on its own.
    return;
  }
  worker.unref();
  // Seen only while the build's thread is free; a worker that dies mid-way is otherwise caught by QUIET_LIMIT_MS.
  worker.on('error', () => {
    Atomics.store(signal, 0, FAILED);
    Atomics.notify(signal, 0);
  });
  holder[HANDOFF] = { digest: rankingInputDigest(inputs), signal, port: port1, worker };
}

/**
 * The ranking rankApart started, when it was started on these very inputs:
 * waits for it if need be. Undefined when there is none, its inputs differ, or
 * it failed or stalled; the caller then ranks itself.
 */
export function rankedApart(inputs: readonly RankingInput[], quietLimitMs = QUIET_LIMIT_MS): RankedApart | undefined {
  const holder = globalThis as Holder;
  const handoff = holder[HANDOFF];
  if (!handoff) return undefined;
  delete holder[HANDOFF];
  const { signal, port, worker } = handoff;
  if (handoff.digest !== rankingInputDigest(inputs)) {
    void worker.terminate();
    console.warn('related stories: content sync ranked other pieces than the site lists; ranking again on the build thread');
    return undefined;
  }
  let progress = Atomics.load(signal, 1);
  let lastMoved = Date.now();
  while (Atomics.load(signal, 0) === RUNNING) {
    Atomics.wait(signal, 0, RUNNING, 1000);
    const now = Atomics.load(signal, 1);
    if (now !== progress) {
      progress = now;
      lastMoved = Date.now();
    } else if (Date.now() - lastMoved > quietLimitMs) {
      void worker.terminate();
      console.warn(`related stories: the ranking worker made no progress for ${quietLimitMs / 1000} s; ranking on the build thread`);
      return undefined;
    }
  }
  const received = Atomics.load(signal, 0) === DONE ? receiveMessageOnPort(port) : undefined;
  port.close();
  if (!received) console.warn('related stories: the ranking worker failed; ranking on the build thread');
  const result = received?.message as RankedApart | undefined;
  if (result?.compact) holder[DOCUMENTS_TAKEN] = true;
  return result;
}
