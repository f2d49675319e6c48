/**
 * Retries for store and CDN requests. A 4xx answer (bad credentials, access
 * denied, no such bucket) will not change on a second try, so it fails at
 * once. Network failures, timeouts and 5xx are retried with exponential
 * backoff. Throttling (429, 503, SlowDown) is the store saying "too fast": it
 * gets more patience, waits at least as long as the store's Retry-After asks,
 * and, through an AdaptiveLimit shared by every request, halves the number of
 * requests in flight, which then grows back one at a time as requests succeed.
 */

export interface RetryInfo {
  operation: string;
  attempt: number;
  attempts: number;
  delayMs: number;
  error: string;
  /** The store asked for fewer requests (429, 503, SlowDown, Throttling...). */
  throttled: boolean;
  /** Requests allowed in flight after this failure, when a limit is shared. */
  limit?: number;
}

export interface RetryOptions {
  /** Attempts for network failures, timeouts and 5xx other than 503, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts when the store throttles, the first included. */
  throttledAttempts?: number;
  throttledBaseDelayMs?: number;
  throttledMaxDelayMs?: number;
  /** The longest Retry-After honoured; a longer one is treated as this. */
  maxRetryAfterMs?: number;
  /** Shared by every request to one service, so throttling slows them all. */
  limiter?: AdaptiveLimit;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); spreads the delays of concurrent requests apart. */
  random?: () => number;
  /** The clock an HTTP-date Retry-After is read against. */
  now?: () => number;
  onRetry?: (info: RetryInfo) => void;
}

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
]);

const TRANSIENT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'InternalError']);

const THROTTLING_NAMES = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'TooManyRequests',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  // CloudFront: at most 3,000 paths (15 with wildcards) may be in progress;
  // earlier invalidations finish within minutes.
  'TooManyInvalidationsInProgress',
]);

export type ErrorKind = 'throttled' | 'transient' | 'permanent';

function statusOf(error: object): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata;
  return typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
}

export function classifyError(error: unknown): ErrorKind {
  if (typeof error !== 'object' || error === null) return 'permanent';
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof name === 'string' && THROTTLING_NAMES.has(name)) return 'throttled';
  const status = statusOf(error);
  if (status !== undefined) {
    if (status === 429 || status === 503) return 'throttled';
    return status >= 500 || status === 408 ? 'transient' : 'permanent';
  }
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return 'transient';
  if (typeof name === 'string' && TRANSIENT_NAMES.has(name)) return 'transient';
  return cause !== undefined && cause !== error ? classifyError(cause) : 'permanent';
}

export function isTransient(error: unknown): boolean {
  return classifyError(error) !== 'permanent';
}

/**
 * The wait a response's Retry-After header asks for, in ms: delay-seconds or
 * an HTTP-date. Undefined when there is none or it cannot be read.
 */
export function retryAfterMs(error: unknown, now: number): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const headers = (error as { $response?: { headers?: Record<string, unknown> } }).$response?.headers;
  if (!headers) return undefined;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
  const value = typeof entry?.[1] === 'string' ? entry[1].trim() : '';
  if (value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A one-line description of a store or network error, for progress output and failure messages. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = statusOf(error);
  const code = (error as { code?: unknown }).code;
  const label = [error.name !== 'Error' ? error.name : undefined, typeof code === 'string' ? code : undefined, status ? `HTTP ${status}` : undefined]
    .filter(Boolean)
    .join(', ');
  const message = error.message && error.message !== error.name && error.message !== 'UnknownError' ? error.message : '';
  return [label, message].filter(Boolean).join(': ') || 'unknown error';
}

/**
 * How many requests may be in flight: starts at `max`, halves when a request
 * started at the current limit is throttled, and grows by one after as many
 * successes as the limit (additive increase, multiplicative decrease). Only
 * one halving per generation: the requests already in flight when the store
 * first pushed back were sent under the old limit, and their failures say
 * nothing new.
 */
export class AdaptiveLimit {
  readonly max: number;
  #limit: number;
  #active = 0;
  #generation = 0;
  #successes = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`a concurrency limit must be a whole number of 1 or more, got ${max}`);
    this.max = max;
    this.#limit = max;
  }

  get limit(): number {
    return this.#limit;
  }

  get active(): number {
    return this.#active;
  }

  /** Waits for a slot; returns the generation the request starts in, for `throttled`. */
  async acquire(): Promise<number> {
    if (this.#active < this.#limit) this.#active++;
    // release() hands its slot over, already counted, before resolving.
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    return this.#generation;
  }

  release(): void {
    this.#active--;
    this.#drain();
  }

  succeeded(): void {
    if (this.#limit >= this.max) return;
    if (++this.#successes >= this.#limit) {
      this.#limit++;
      this.#successes = 0;
      this.#drain();
    }
  }

  throttled(generation: number): void {
    if (generation !== this.#generation) return;
    this.#generation++;
    this.#limit = Math.max(1, Math.floor(this.#limit / 2));
    this.#successes = 0;
  }

  #drain(): void {
    while (this.#active < this.#limit && this.#waiting.length > 0) {
      this.#active++;
      this.#waiting.shift()?.();
    }
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(operation: string, fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const limiter = options.limiter;
  const schedule = {
    transient: { attempts: options.attempts ?? 5, base: options.baseDelayMs ?? 250, max: options.maxDelayMs ?? 8000 },
    throttled: {
      attempts: options.throttledAttempts ?? 10,
      base: options.throttledBaseDelayMs ?? 1000,
      max: options.throttledMaxDelayMs ?? 30_000,
    },
  };
  const maxRetryAfter = options.maxRetryAfterMs ?? 300_000;
  for (let attempt = 1; ; attempt++) {
    const generation = limiter ? await limiter.acquire() : 0;
    let outcome: { value: T } | { error: unknown; kind: ErrorKind };
    try {
      outcome = { value: await fn() };
      limiter?.succeeded();
    } catch (error) {
      outcome = { error, kind: classifyError(error) };
      // Before the slot is released, so it does not go to a waiting request first.
      if (outcome.kind === 'throttled') limiter?.throttled(generation);
    } finally {
      limiter?.release();
    }
    if ('value' in outcome) return outcome.value;
    const { error, kind } = outcome;
    if (kind === 'permanent') throw error;
    const { attempts, base, max } = schedule[kind];
    if (attempt >= attempts) throw error;
    const backoff = Math.round(Math.min(max, base * 2 ** (attempt - 1)) * (0.5 + random() / 2));
    const asked = retryAfterMs(error, now());
    const delayMs = asked === undefined ? backoff : Math.max(backoff, Math.min(asked, maxRetryAfter));
    options.onRetry?.({
      operation,
      attempt,
      attempts,
      delayMs,
      error: describeError(error),
      throttled: kind === 'throttled',
      ...(limiter ? { limit: limiter.limit } : {}),
    });
    await sleep(delayMs);
  }
}
