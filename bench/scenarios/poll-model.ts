/**
 * The wait loop's cost and promptness for long waits, without waiting: the library's own
 * pollUntil and DEFAULT_POLL_POLICY on a simulated clock (instantClock), with the operation
 * finishing after W. Jitter comes from a seeded generator, so every run reports the same.
 */
import { instantClock } from '../../src/shared/clock.js';
import { DEFAULT_POLL_POLICY, pollUntil } from '../../src/shared/poll.js';
import type { PollPolicy } from '../../src/shared/poll.js';
import { max, mean, min, seededRandom } from '../lib/stats.js';

export interface PollModelRow {
  readonly waitMs: number;
  readonly trials: number;
  /** Polls (one DescribeStacks each) until the finished operation is seen. */
  readonly polls: { readonly mean: number; readonly min: number; readonly max: number };
  /** How long after the operation finished the poll that saw it came. */
  readonly latency: { readonly mean: number; readonly max: number };
  /** The bound: max(1 s, 10% of the wait). */
  readonly bound: number;
}

/** Polls one simulated wait of waitMs; returns the number of polls and the detection latency. */
export async function simulateWait(
  waitMs: number,
  random: () => number,
  policy: PollPolicy = DEFAULT_POLL_POLICY,
): Promise<{ polls: number; latencyMs: number }> {
  const clock = instantClock(0);
  let polls = 0;
  await pollUntil(
    async () => {
      polls++;
      return clock.now() >= waitMs ? true : undefined;
    },
    { clock, timeoutMs: waitMs * 10 + 3_600_000, what: 'simulated stack', policy, random },
  );
  return { polls, latencyMs: clock.now() - waitMs };
}

export async function pollModel(
  waitsMs: readonly number[],
  trials: number,
  seed = 20_240_601,
): Promise<PollModelRow[]> {
  const rows: PollModelRow[] = [];
  for (const waitMs of waitsMs) {
    const random = seededRandom(seed + waitMs);
    const polls: number[] = [];
    const latencies: number[] = [];
    for (let i = 0; i < trials; i++) {
      const r = await simulateWait(waitMs, random);
      polls.push(r.polls);
      latencies.push(r.latencyMs);
    }
    // The extremes of the jitter: always the longest delay, always the shortest.
    for (const fixed of [() => 0.999_999, () => 0]) {
      const r = await simulateWait(waitMs, fixed);
      polls.push(r.polls);
      latencies.push(r.latencyMs);
    }
    rows.push({
      waitMs,
      trials: trials + 2,
      polls: { mean: mean(polls), min: min(polls), max: max(polls) },
      latency: { mean: mean(latencies), max: max(latencies) },
      bound: Math.max(1000, 0.1 * waitMs),
    });
  }
  return rows;
}

export interface PolicyVariant {
  readonly label: string;
  readonly policy: PollPolicy;
  /** Polls and max detection latency for each wait, in the order asked. */
  readonly results: readonly { waitMs: number; polls: number; maxLatencyMs: number }[];
}

/** Mean polls and max latency under other policies: what it would take to change the numbers. */
export async function policyWhatIf(
  policies: readonly { label: string; policy: PollPolicy }[],
  waitsMs: readonly number[],
  trials: number,
): Promise<PolicyVariant[]> {
  const out: PolicyVariant[] = [];
  for (const { label, policy } of policies) {
    const results = [];
    for (const waitMs of waitsMs) {
      const random = seededRandom(waitMs + 7);
      const polls: number[] = [];
      const latencies: number[] = [];
      for (let i = 0; i < trials; i++) {
        const r = await simulateWait(waitMs, random, policy);
        polls.push(r.polls);
        latencies.push(r.latencyMs);
      }
      results.push({ waitMs, polls: mean(polls), maxLatencyMs: max(latencies) });
    }
    out.push({ label, policy, results });
  }
  return out;
}
