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
 * "Equal jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): half the cap, plus a
 * random part of the other half. Never less than half the cap, so a retry always backs off,
 * and spread enough that many runners failing together do not retry together.
 */
export function equalJitter(capMs: number, random: () => number = Math.random): number {
  return Math.round(capMs / 2 + (random() * capMs) / 2);
}

/**
 * Runs fn until it succeeds, an error is not retryable, or attempts run out, waiting an
 * exponential delay with {@link equalJitter} between attempts.
 */
export async function retry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= options.attempts || !options.retryable(error)) throw error;
      const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const delay = equalJitter(cap, random);
      options.onRetry?.(error, attempt, delay);
      await options.clock.sleep(delay);
    }
  }
}
