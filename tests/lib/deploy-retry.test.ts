import { describe, expect, it } from 'vitest';
import { runPool } from '../../src/lib/deploy/pool.ts';
import { describeError, isTransient, withRetry, type RetryInfo } from '../../src/lib/deploy/retry.ts';

function serviceError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} message`), { name, $metadata: { httpStatusCode: status } });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code}`), { code });
}

describe('isTransient', () => {
  it.each([
    [serviceError('InternalError', 500), true],
    [serviceError('ServiceUnavailable', 503), true],
    [serviceError('SlowDown', 503), true],
    [serviceError('TooManyRequests', 429), true],
    [serviceError('RequestTimeout', 408), true],
    [networkError('ECONNRESET'), true],
    [Object.assign(new Error('wrapped'), { cause: networkError('ETIMEDOUT') }), true],
    [Object.assign(new Error('timed out'), { name: 'TimeoutError' }), true],
    [serviceError('AccessDenied', 403), false],
    [serviceError('InvalidAccessKeyId', 403), false],
    [serviceError('SignatureDoesNotMatch', 403), false],
    [serviceError('NoSuchBucket', 404), false],
    [serviceError('BadDigest', 400), false],
    [new Error('plain'), false],
    ['a string', false],
  ])('%s: %s', (error, transient) => {
    expect(isTransient(error)).toBe(transient);
  });
});

describe('withRetry', () => {
  const noSleep = { sleep: async () => {}, random: () => 0.5 };

  it('retries transient failures with growing delays, then succeeds', async () => {
    const retries: RetryInfo[] = [];
    let calls = 0;
    const result = await withRetry(
      'PUT a',
      async () => {
        calls++;
        if (calls < 3) throw serviceError('SlowDown', 503);
        return 'ok';
      },
      { ...noSleep, onRetry: (info) => retries.push(info) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(retries.map((retry) => [retry.attempt, retry.delayMs])).toEqual([
      [1, 188],
      [2, 375],
    ]);
    expect(retries[0]?.error).toBe('SlowDown, HTTP 503: SlowDown message');
  });

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    const failing = withRetry('GET a', async () => {
      calls++;
      throw networkError('ECONNRESET');
    }, { ...noSleep, attempts: 4 });
    await expect(failing).rejects.toThrow('connect ECONNRESET');
    expect(calls).toBe(4);
  });

  it('never retries an authorization error', async () => {
    let calls = 0;
    const denied = withRetry('PUT a', async () => {
      calls++;
      throw serviceError('AccessDenied', 403);
    }, noSleep);
    await expect(denied).rejects.toThrow('AccessDenied message');
    expect(calls).toBe(1);
  });

  it('caps the delay', async () => {
    const delays: number[] = [];
    await withRetry(
      'x',
      async () => {
        if (delays.length < 6) throw serviceError('InternalError', 500);
      },
      { attempts: 10, baseDelayMs: 1000, maxDelayMs: 3000, random: () => 0.999999, sleep: async (ms) => void delays.push(ms) },
    );
    expect(Math.max(...delays)).toBeLessThanOrEqual(3000);
  });
});

describe('describeError', () => {
  it('names the error, its code and status', () => {
    expect(describeError(networkError('ECONNREFUSED'))).toBe('ECONNREFUSED: connect ECONNREFUSED');
    expect(describeError(Object.assign(new Error('UnknownError'), { name: 'Forbidden', $metadata: { httpStatusCode: 403 } }))).toBe(
      'Forbidden, HTTP 403',
    );
  });
});

describe('runPool', () => {
  it('runs every task, at most N at once', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      seen.push(item);
      running--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('starts nothing after a failure and throws the first error', async () => {
    const started: number[] = [];
    const run = runPool([1, 2, 3, 4, 5], 1, async (item) => {
      started.push(item);
      if (item === 2) throw new Error('two failed');
    });
    await expect(run).rejects.toThrow('two failed');
    expect(started).toEqual([1, 2]);
  });
});
