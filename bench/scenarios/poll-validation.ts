/** The real scaled run's stack waits next to what the poll model predicts for the same waits. */
import type { Scenario } from './action-runs.js';
import { latency } from '../lib/timeline.js';
import { simulateWait } from './poll-model.js';
import { max, mean, min, seededRandom } from '../lib/stats.js';

export interface ValidationRow {
  readonly wait: string;
  readonly cfnMs: number;
  readonly realPolls: number;
  readonly realEventCalls: number;
  readonly realLatencyMs: number;
  readonly model: { mean: number; min: number; max: number; maxLatencyMs: number };
}

export async function validatePollModel(
  scenario: Scenario,
  trials: number,
): Promise<ValidationRow[]> {
  const rows: ValidationRow[] = [];
  for (const run of scenario.runs) {
    for (const w of run.timeline.waits) {
      const cfnMs = w.endedAt - w.startedAt;
      const random = seededRandom(cfnMs);
      const polls: number[] = [];
      const latencies: number[] = [];
      for (let i = 0; i < trials; i++) {
        const r = await simulateWait(cfnMs, random);
        polls.push(r.polls);
        latencies.push(r.latencyMs);
      }
      rows.push({
        wait: `${w.kind}: ${w.label}`,
        cfnMs,
        realPolls: w.polls,
        realEventCalls: w.eventCalls,
        realLatencyMs: latency(w),
        model: {
          mean: mean(polls),
          min: min(polls),
          max: max(polls),
          maxLatencyMs: max(latencies),
        },
      });
    }
  }
  return rows;
}
