/**
 * Retries with exponential backoff for transient store errors: network
 * failures, throttling, timeouts and 5xx. A 4xx answer (bad credentials,
 * access denied, no such bucket) will not change on a second try, so it fails
 * at once.
 */

export interface RetryInfo {
  operation: string;
  attempt: number;
  attempts: number;
  delayMs: number;
  error: string;
}

export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); spreads the delays of concurrent uploads apart. */
  random?: () => number;
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

const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'InternalError',
  'ServiceUnavailable',
]);

function statusOf(error: object): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata;
  return typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
}

export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const status = statusOf(error);
  if (status !== undefined) return status >= 500 || status === 408 || status === 429;
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  if (typeof name === 'string' && TRANSIENT_NAMES.has(name)) return true;
  return cause !== undefined && cause !== error && isTransient(cause);
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

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(operation: string, fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 250;
  const max = options.maxDelayMs ?? 8000;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      const delayMs = Math.round(Math.min(max, base * 2 ** (attempt - 1)) * (0.5 + random() / 2));
      options.onRetry?.({ operation, attempt, attempts, delayMs, error: describeError(error) });
      await sleep(delayMs);
    }
  }
}
