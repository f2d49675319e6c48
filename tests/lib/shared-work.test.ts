/** Jobs shared between the calling thread and one worker (src/lib/content/validate/shared-work.ts), failures included. */
import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { computeShared } from '../../src/lib/content/validate/shared-work.ts';
import { squareSlowly, type TestContext } from '../fixtures/shared-work/job.ts';

const workerUrl = new URL('../fixtures/shared-work/worker.ts', import.meta.url);
const jobs = Array.from({ length: 600 }, (_, index) => index);
const run = (context: TestContext) => computeShared(jobs, squareSlowly, { workerUrl, context, chunkSize: 16 });

describe('computeShared', () => {
  it('returns every result in order, the worker having done part of them', () => {
    const results = run({ milliseconds: 1 });
    expect(results.map((result) => result.square)).toEqual(jobs.map((job) => job * job));
    const byWorker = results.filter((result) => result.threadId !== threadId).length;
    expect(byWorker).toBeGreaterThan(0);
    expect(byWorker).toBeLessThan(jobs.length);
  });

  it('does everything itself when the worker cannot load', () => {
    const results = run({ milliseconds: 0.2, failure: 'load' });
    expect(results.map((result) => result.square)).toEqual(jobs.map((job) => job * job));
    expect(results.every((result) => result.threadId === threadId)).toBe(true);
  });

  it('takes over the chunks of a worker that fails midway', () => {
    // The worker finishes one chunk of 16 and fails in its second.
    const results = run({ milliseconds: 1, failure: 'midway', failAfter: 16 });
    expect(results.map((result) => result.square)).toEqual(jobs.map((job) => job * job));
    expect(results.filter((result) => result.threadId !== threadId)).toHaveLength(16);
  });
});
