import type { Clock } from './clock.js';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Delay before the first retry; doubles each time up to maxDelayMs. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Whether an error is worth another attempt; anything else is thrown at once. */
  readonly retryable: (error: unknown) => boolean;
  readonly clock: Clock;
  /** Source of randomness for the jitter; injectable for tests. */
  readonly random?: () => number;
  /** Called before each retry, e.g. to log it. */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/**
 * Runs fn until it succeeds, an error is not retryable, or attempts run out. "Full jitter"
 * backoff (a random delay up to the exponential cap) keeps many runners that fail together
 * from retrying together.
 */
export async function retry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || !options.retryable(error)) throw error;
      const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const delay = Math.round(cap / 2 + (random() * cap) / 2);
      options.onRetry?.(error, attempt, delay);
      await options.clock.sleep(delay);
    }
  }
}
