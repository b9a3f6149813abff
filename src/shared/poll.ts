import type { Clock } from './clock.js';

/** How often to ask whether a long AWS operation is done. */
export interface PollPolicy {
  /**
   * The first delay. Each later one is at least the time waited so far (so the delays double)
   * until they reach minDelayMs: CloudFormation often finishes a change set or a small update
   * within a second, and a fixed first delay of minDelayMs would be that much detection latency.
   */
  readonly firstDelayMs: number;
  /** The shortest delay once the ramp from firstDelayMs is over. */
  readonly minDelayMs: number;
  /** The longest delay between two polls. */
  readonly maxDelayMs: number;
  /** The delay grows to this fraction of the time waited so far. */
  readonly fraction: number;
}

/**
 * The default: detect completion within max(1 s, 10% of the wait). Polls at about 0, 0.1, 0.2,
 * 0.4 and 0.8 s, then every 0.7 s (at most 0.7 s plus one call's time: inside the 1 s bound of
 * short waits), then 9.8% of the time waited, just inside the 10% bound. The cap (150 s) only
 * bites past half an hour, so a 30-minute wait takes under a hundred polls even at the jitter's
 * worst (each poll reads the status and the new events: under 200 calls in all).
 */
export const DEFAULT_POLL_POLICY: PollPolicy = {
  firstDelayMs: 100,
  minDelayMs: 700,
  maxDelayMs: 150_000,
  fraction: 0.098,
};

/**
 * The next delay for a wait that has lasted elapsedMs. The jitter only shortens the delay
 * (between 75% and 100%) so the bound on detection latency still holds while concurrent runs
 * spread their calls.
 */
export function nextPollDelay(
  elapsedMs: number,
  policy: PollPolicy,
  random: () => number = Math.random,
): number {
  const floor = Math.min(policy.minDelayMs, Math.max(policy.firstDelayMs, elapsedMs));
  const base = Math.min(policy.maxDelayMs, Math.max(floor, elapsedMs * policy.fraction));
  return Math.max(1, Math.round(base * (0.75 + 0.25 * random())));
}

export class PollTimeoutError extends Error {}

/**
 * Calls check until it returns a value other than undefined, sleeping between calls as the
 * policy says. Throws PollTimeoutError (with what) once timeoutMs has passed.
 */
export async function pollUntil<T>(
  check: () => Promise<T | undefined>,
  options: {
    clock: Clock;
    timeoutMs: number;
    what: string;
    policy?: PollPolicy;
    signal?: AbortSignal;
    random?: () => number;
  },
): Promise<T> {
  const policy = options.policy ?? DEFAULT_POLL_POLICY;
  const start = options.clock.now();
  for (;;) {
    const result = await check();
    if (result !== undefined) return result;
    const elapsed = options.clock.now() - start;
    if (elapsed >= options.timeoutMs) {
      throw new PollTimeoutError(
        `Timed out after ${Math.round(elapsed / 1000)} s waiting for ${options.what}`,
      );
    }
    const delay = Math.min(
      nextPollDelay(elapsed, policy, options.random),
      options.timeoutMs - elapsed,
    );
    try {
      await options.clock.sleep(Math.max(1, delay), options.signal);
    } catch (error) {
      // Cancelled: say what was being waited for, so the step's error names it.
      if (options.signal?.aborted) throw new Error(`waiting for ${options.what}`, { cause: error });
      throw error;
    }
  }
}
