/**
 * Retries for the comment calls, following GitHub's guidance: after a secondary rate limit wait
 * what `retry-after` says (or until `x-ratelimit-reset`, or a minute), after a 5xx back off
 * exponentially; anything else (403 permission, 404, 422) fails at once. Time comes from the
 * injected clock, so tests run instantly and can see every wait.
 *
 * Why not @octokit/plugin-throttling and @octokit/plugin-retry, the usual pair: both wait
 * through Bottleneck's own timers, so the clock cannot be injected (the tests that pin each wait
 * would wait real minutes), and neither bounds the total time one
 * call may spend waiting (`maxTotalWaitMs`): a plan comment is a convenience that must never
 * hold a job for long. plugin-retry also backs off without jitter (retryAfterBaseValue times the
 * retry count squared), so runners failing together retry together. What they would add,
 * throttling of bursts, this action does not need: it makes a handful of calls per run.
 */
import type { Clock } from '../shared/clock.js';
import { errorMessage } from '../shared/errors.js';
import { equalJitter } from '../shared/retry.js';
import type { Logger } from '../shared/logger.js';
import { headerOf, statusOf } from './comment-api.js';

export interface CommentRetryOptions {
  /** Attempts per call, the first included. */
  readonly attempts: number;
  /** First backoff after a 5xx; doubles each time up to maxDelayMs, with equal jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** The longest wait a rate limit may ask for; a longer one gives up rather than block the job. */
  readonly maxRetryAfterMs: number;
  /** The most time one call may spend waiting in all. */
  readonly maxTotalWaitMs: number;
  /** Source of randomness for the jitter; injectable for tests. */
  readonly random?: () => number;
}

export const DEFAULT_COMMENT_RETRY: CommentRetryOptions = {
  attempts: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 16_000,
  maxRetryAfterMs: 60_000,
  maxTotalWaitMs: 120_000,
};

/** A call that failed for good, with what was being attempted and how often. */
export class CommentCallError extends Error {
  override readonly name = 'CommentCallError';

  constructor(
    /** What was attempted, e.g. `list the comments`. */
    readonly operation: string,
    readonly status: number | undefined,
    /** Whether GitHub was rate limiting us when we gave up. */
    readonly rateLimited: boolean,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(`Could not ${operation}: ${shortMessage(cause)}`);
  }
}

/**
 * An error's message fit for one log line: GitHub's edge answers some 5xx with a whole HTML
 * page, which says nothing a status does not.
 */
export function shortMessage(error: unknown): string {
  const message = errorMessage(error).replace(/\s+/g, ' ').trim();
  if (/<html[\s>]/i.test(message)) return 'an HTML error page';
  return message.length > 300 ? `${message.slice(0, 297)}...` : message;
}

/** Why a failed call may be worth repeating, and how long to wait first if GitHub says. */
type Verdict =
  | { readonly retry: false; readonly rateLimited: boolean }
  | { readonly retry: true; readonly rateLimited: boolean; readonly waitMs?: number };

/**
 * Secondary (and primary) rate limits: 429, or 403 with `retry-after`, with
 * `x-ratelimit-remaining: 0`, or with a message about a rate limit. A 403 without those is a
 * permission problem and is not retried.
 */
export function isRateLimited(error: unknown): boolean {
  const status = statusOf(error);
  if (status === 429) return true;
  if (status !== 403) return false;
  return (
    headerOf(error, 'retry-after') !== undefined ||
    headerOf(error, 'x-ratelimit-remaining') === '0' ||
    /rate limit/i.test(errorMessage(error))
  );
}

function verdictOf(error: unknown, now: number): Verdict {
  if (isRateLimited(error))
    return { retry: true, rateLimited: true, waitMs: rateLimitWait(error, now) };
  const status = statusOf(error);
  // Octokit reports a connection failure as status 500 too: worth another try.
  if (status !== undefined && status >= 500) return { retry: true, rateLimited: false };
  return { retry: false, rateLimited: false };
}

/** GitHub's documented order: retry-after, else the reset time, else at least a minute. */
function rateLimitWait(error: unknown, now: number): number {
  const retryAfter = headerOf(error, 'retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headerOf(error, 'x-ratelimit-reset');
  if (headerOf(error, 'x-ratelimit-remaining') === '0' && reset && /^\d+$/.test(reset)) {
    return Math.max(0, Number(reset) * 1000 - now) + 1_000;
  }
  return 60_000;
}

/**
 * Runs fn, retrying rate limits and 5xx answers within the options' bounds. Throws a
 * CommentCallError when it gives up.
 */
export async function withCommentRetries<T>(
  operation: string,
  fn: () => Promise<T>,
  context: { clock: Clock; log: Logger; retry?: Partial<CommentRetryOptions> },
): Promise<T> {
  const options = { ...DEFAULT_COMMENT_RETRY, ...context.retry };
  const random = options.random ?? Math.random;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (thrown) {
      // A nested call that already gave up (see create in comment.ts) is judged by its cause.
      const error = thrown instanceof CommentCallError ? thrown.cause : thrown;
      const verdict = verdictOf(error, context.clock.now());
      const delay = verdict.retry ? delayFor(verdict, attempt, options, random) : undefined;
      if (
        delay === undefined ||
        attempt >= options.attempts ||
        waited + delay > options.maxTotalWaitMs
      ) {
        throw new CommentCallError(operation, statusOf(error), verdict.rateLimited, attempt, error);
      }
      context.log.info(
        `GitHub answered ${statusOf(error) ?? 'an error'} (${shortMessage(error)}) when trying to ${operation}; ` +
          `retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${options.attempts}).`,
      );
      waited += delay;
      await context.clock.sleep(delay);
    }
  }
}

/** The wait before the next attempt, or undefined when GitHub asks for more than we allow. */
function delayFor(
  verdict: Extract<Verdict, { retry: true }>,
  attempt: number,
  options: CommentRetryOptions,
  random: () => number,
): number | undefined {
  if (verdict.waitMs !== undefined) {
    if (verdict.waitMs > options.maxRetryAfterMs) return undefined;
    // Never earlier than asked; a little later, so runners limited together spread out.
    return verdict.waitMs + Math.round(random() * 1_000);
  }
  return equalJitter(
    Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1)),
    random,
  );
}
