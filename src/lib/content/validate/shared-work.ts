/**
 * Splits a long list of independent, synchronous jobs between the calling
 * thread and one worker thread, and still returns synchronously: validation is
 * called synchronously by the build, the preview and the command line, and on a
 * large archive checking each article file on its own is most of its time.
 *
 * Both threads claim chunks from one counter in shared memory, so neither waits
 * for the other to be told what to do: while the worker is still loading its
 * modules, the calling thread simply claims more. The worker posts each chunk's
 * results as it finishes them and the caller reads them with
 * `receiveMessageOnPort`, without needing its event loop. A worker that fails,
 * or goes quiet, leaves its unfinished chunks to the caller, so the outcome is
 * always the list of every job's result in order, whoever computed it.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** Counter slots in the shared memory. */
const NEXT_CHUNK = 0;
/** Bumped by the worker after each message, so the caller can sleep until there is one. */
const WORKER_POSTS = 1;

/** How long the caller waits for a silent worker before doing its remaining chunks itself. */
const QUIET_LIMIT_MS = 20_000;

export interface SharedWorkOptions<Context> {
  /** The worker's module: it calls `serveSharedWork` with the same `compute`. */
  workerUrl: URL;
  /** What `compute` needs besides the job, sent to the worker once. */
  context: Context;
  /** Jobs per claim: small enough that the two threads finish together. */
  chunkSize: number;
  /** Filled in with who did what, for tests and measurements. */
  tally?: SharedWorkTally;
}

export interface SharedWorkTally {
  /** Results that came from the worker. */
  byWorker: number;
  /** Why the worker stopped early, if it did. */
  workerFailure?: string;
}

/** What the worker module receives as `workerData`. */
interface WorkerInput<Job, Context> {
  jobs: Job[];
  context: Context;
  chunkSize: number;
  counters: SharedArrayBuffer;
  port: MessagePort;
}

type WorkerMessage<Result> = { chunk: number; results: Result[] } | { failed: string };

export function computeShared<Job, Result, Context>(
  jobs: readonly Job[],
  compute: (job: Job, context: Context) => Result,
  options: SharedWorkOptions<Context>,
): Result[] {
  const { context, chunkSize } = options;
  const chunkCount = Math.ceil(jobs.length / chunkSize);
  const results: Result[] = new Array(jobs.length);
  const finished = new Uint8Array(chunkCount);
  const runChunk = (chunk: number) => {
    const end = Math.min(jobs.length, (chunk + 1) * chunkSize);
    for (let index = chunk * chunkSize; index < end; index++) results[index] = compute(jobs[index]!, context);
    finished[chunk] = 1;
  };

  const counters = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | undefined;
  try {
    const workerData: WorkerInput<Job, Context> = { jobs: [...jobs], context, chunkSize, counters: counters.buffer as SharedArrayBuffer, port: port2 };
    worker = new Worker(options.workerUrl, { workerData, transferList: [port2] });
    worker.unref();
  } catch {
    // No worker (the platform refused a thread): the caller does every chunk.
  }

  for (let chunk = Atomics.add(counters, NEXT_CHUNK, 1); chunk < chunkCount; chunk = Atomics.add(counters, NEXT_CHUNK, 1)) runChunk(chunk);

  // Every chunk is claimed; the worker's may still be running.
  let workerFailed = worker === undefined;
  let lastHeard = Date.now();
  const unfinished = () => finished.some((done) => done === 0);
  while (!workerFailed && unfinished()) {
    const seen = Atomics.load(counters, WORKER_POSTS);
    for (let received = receiveMessageOnPort(port1); received; received = receiveMessageOnPort(port1)) {
      const message = received.message as WorkerMessage<Result>;
      lastHeard = Date.now();
      if ('failed' in message) {
        workerFailed = true;
        if (options.tally) options.tally.workerFailure = message.failed;
        break;
      }
      if (options.tally) options.tally.byWorker += message.results.length;
      const start = message.chunk * chunkSize;
      message.results.forEach((result, offset) => (results[start + offset] = result));
      finished[message.chunk] = 1;
    }
    if (!unfinished()) break;
    if (Date.now() - lastHeard > QUIET_LIMIT_MS) {
      workerFailed = true;
      if (options.tally) options.tally.workerFailure = `no word from the worker for ${QUIET_LIMIT_MS / 1000} s`;
    }
    else Atomics.wait(counters, WORKER_POSTS, seen, 100);
  }
  finished.forEach((done, chunk) => {
    if (done === 0) runChunk(chunk);
  });
  port1.close();
  void worker?.terminate();
  return results;
}

/**
 * The worker's side: loads `compute`, then claims chunks until none is left and
 * posts each one's results. Any failure, loading included, is posted too, so
 * the caller takes the rest over at once.
 */
export async function serveSharedWork<Job, Result, Context>(
  workerData: unknown,
  loadCompute: () => Promise<(job: Job, context: Context) => Result>,
): Promise<void> {
  const { jobs, context, chunkSize, port, counters: memory } = workerData as WorkerInput<Job, Context>;
  const counters = new Int32Array(memory);
  const chunkCount = Math.ceil(jobs.length / chunkSize);
  const post = (message: WorkerMessage<Result>) => {
    port.postMessage(message);
    Atomics.add(counters, WORKER_POSTS, 1);
    Atomics.notify(counters, WORKER_POSTS);
  };
  try {
    const compute = await loadCompute();
    for (let chunk = Atomics.add(counters, NEXT_CHUNK, 1); chunk < chunkCount; chunk = Atomics.add(counters, NEXT_CHUNK, 1)) {
      const end = Math.min(jobs.length, (chunk + 1) * chunkSize);
      const results: Result[] = [];
      for (let index = chunk * chunkSize; index < end; index++) results.push(compute(jobs[index]!, context));
      post({ chunk, results });
    }
  } catch (error) {
    post({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  port.close();
}
