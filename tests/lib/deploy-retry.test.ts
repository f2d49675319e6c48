import { describe, expect, it } from 'vitest';
import { runPool } from '../../src/lib/deploy/pool.ts';
import { AdaptiveLimit, classifyError, describeError, isTransient, withRetry, type RetryInfo } from '../../src/lib/deploy/retry.ts';

function serviceError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} message`), { name, $metadata: { httpStatusCode: status } });
}

/** A 503 SlowDown with the response headers the SDK keeps on `$response`. */
function throttle(headers: Record<string, string>): Error {
  const error = serviceError('SlowDown', 503);
  Object.defineProperty(error, '$response', { value: { statusCode: 503, headers } });
  return error;
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
        if (calls < 3) throw serviceError('InternalError', 500);
        return 'ok';
      },
      { ...noSleep, onRetry: (info) => retries.push(info) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(retries.map((retry) => [retry.attempt, retry.delayMs, retry.throttled])).toEqual([
      [1, 188, false],
      [2, 375, false],
    ]);
    expect(retries[0]?.error).toBe('InternalError, HTTP 500: InternalError message');
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

  it('gives throttling far more patience than other errors: ten attempts, waits growing to 30 s', async () => {
    const delays: number[] = [];
    let calls = 0;
    const failing = withRetry('PUT a', async () => {
      calls++;
      throw serviceError('SlowDown', 503);
    }, { random: () => 0.999999, sleep: async (ms) => void delays.push(ms) });
    await expect(failing).rejects.toThrow('SlowDown message');
    expect(calls).toBe(10);
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000]);
    // Five attempts of 250 ms doubling gave up after 3.75 s; this waits 151 s in all.
    expect(delays.reduce((sum, ms) => sum + ms, 0)).toBe(151_000);
  });

  it('waits at least as long as Retry-After asks, in seconds or as a date', async () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const delays: number[] = [];
    const answers = [
      throttle({ 'retry-after': '7' }),
      throttle({ 'Retry-After': new Date(now + 12_000).toUTCString() }),
      throttle({ 'retry-after': 'soon' }),
      throttle({ 'retry-after': '86400' }),
    ];
    await withRetry(
      'PUT a',
      async () => {
        const next = answers.shift();
        if (next) throw next;
      },
      { ...noSleep, now: () => now, sleep: async (ms) => void delays.push(ms) },
    );
    // Retry-After 7 s, then a date 12 s ahead, then unreadable (the backoff alone),
    // then a day, capped at five minutes.
    expect(delays).toEqual([7000, 12000, 3000, 300_000]);
  });

  it('halves the requests in flight when throttled, then lets them grow back one at a time', async () => {
    const limiter = new AdaptiveLimit(8);
    let inFlight = 0;
    let throttledSoFar = 0;
    const overLimit: string[] = [];
    const limitsAfterThrottle: number[] = [];
    const retries: RetryInfo[] = [];
    const task = (index: number) =>
      withRetry(
        `PUT ${index}`,
        async () => {
          inFlight++;
          if (inFlight > limiter.limit) overLimit.push(`${inFlight} in flight at limit ${limiter.limit}`);
          // Once the whole first wave has been throttled (and has ended).
          if (throttledSoFar === 8) limitsAfterThrottle.push(inFlight);
          await new Promise((resolve) => setImmediate(resolve));
          inFlight--;
          // The store pushes back on the first wave of eight.
          if (index < 8 && throttledSoFar < 8) {
            throttledSoFar++;
            throw serviceError('SlowDown', 503);
          }
        },
        { ...noSleep, limiter, onRetry: (info) => retries.push(info) },
      );
    await Promise.all(Array.from({ length: 24 }, (_, index) => task(index)));
    // Eight requests failed together: one halving, not eight.
    expect(retries.map((retry) => retry.limit)).toEqual(Array(8).fill(4));
    expect(overLimit).toEqual([]);
    // Right after the halving at most four ran at once; by the end more did again.
    expect(Math.max(...limitsAfterThrottle.slice(0, 4))).toBeLessThanOrEqual(4);
    expect(limiter.limit).toBeGreaterThan(4);
    expect(limiter.active).toBe(0);
  });

  it('retries CloudFront’s TooManyInvalidationsInProgress as throttling', () => {
    expect(classifyError(serviceError('TooManyInvalidationsInProgress', 400))).toBe('throttled');
  });
});

describe('AdaptiveLimit', () => {
  it('never lets more than the limit run, and hands a slot to the next waiter', async () => {
    const limiter = new AdaptiveLimit(2);
    await limiter.acquire();
    await limiter.acquire();
    let third = false;
    const waiting = limiter.acquire().then(() => (third = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBe(false);
    limiter.release();
    await waiting;
    expect(limiter.active).toBe(2);
  });

  it('halves once per generation, never below one, and grows back by one per window of successes', async () => {
    const limiter = new AdaptiveLimit(8);
    const generation = await limiter.acquire();
    limiter.release();
    limiter.throttled(generation);
    limiter.throttled(generation);
    expect(limiter.limit).toBe(4);
    for (let i = 0; i < 3; i++) limiter.succeeded();
    expect(limiter.limit).toBe(4);
    limiter.succeeded();
    expect(limiter.limit).toBe(5);
    for (let g = 1; g < 10; g++) limiter.throttled(g);
    expect(limiter.limit).toBe(1);
  });

  it('refuses a limit that is not a whole number of one or more', () => {
    expect(() => new AdaptiveLimit(0)).toThrow(/whole number of 1 or more/);
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
