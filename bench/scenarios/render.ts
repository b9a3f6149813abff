/**
 * Rendering synthetic plans (test/unit/render/factories.ts: a VPC stack and a stack of n
 * changes of every kind) for the PR comment, the job summary and the log: median time of
 * repeated runs, and the sizes against GitHub's limits.
 */
import {
  COMMENT_LIMIT,
  COMMENT_RESERVE,
  renderForComment,
  renderForSummary,
  renderPlanText,
  SUMMARY_LIMIT_BYTES,
} from '../../src/render/index.js';
import { composeComment } from '../../src/publish/comment-body.js';
import { formatMarker } from '../../src/publish/comment-marker.js';
import { bigStack, makePlan, runContext, vpcStack } from '../../test/unit/render/factories.js';
import { median } from '../lib/stats.js';

export interface Timing {
  /** Median per call, ms. */
  readonly cpuMs: number;
  readonly wallMs: number;
  /** Calls measured (after the warm-up). */
  readonly calls: number;
}

export interface RenderRow {
  readonly changes: number;
  readonly comment: Timing;
  readonly summary: Timing;
  readonly text: Timing;
  /** renderForComment's output and the comment as posted (marker line first). */
  readonly commentChars: number;
  readonly postedChars: number;
  readonly commentShortened: boolean;
  readonly postedCut: boolean;
  readonly summaryBytes: number;
  readonly summaryShortened: boolean;
  readonly textChars: number;
}

export const COMMENT_BUDGET = COMMENT_LIMIT - COMMENT_RESERVE;
export { COMMENT_LIMIT, SUMMARY_LIMIT_BYTES };

/**
 * Time per call of fn: calls in batches of at least batchMs (after one warm-up call), median
 * over the batches. CPU time (user + system, this process) is the headline: unlike wall time it
 * barely moves when other processes compete for the machine. Wall time is kept alongside.
 */
function timeIt(fn: () => unknown, batches: number, batchMs: number): Timing {
  fn();
  let perBatch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    if (performance.now() - t0 >= batchMs || perBatch >= 1024) break;
    perBatch *= 2;
  }
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let b = 0; b < batches; b++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    wall.push((performance.now() - t0) / perBatch);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / perBatch);
  }
  return { cpuMs: median(cpu), wallMs: median(wall), calls: batches * perBatch };
}

export function renderBench(sizes: readonly number[], quick: boolean): RenderRow[] {
  const ctx = runContext();
  const batches = quick ? 3 : 7;
  const batchMs = quick ? 20 : 100;
  const rows: RenderRow[] = [];
  for (const n of sizes) {
    const plan = makePlan([vpcStack(), bigStack(n)]);
    const comment = renderForComment(plan, ctx);
    const posted = composeComment(
      formatMarker(plan.environmentName, { fingerprint: 'f'.repeat(64), status: 'planned' }),
      comment,
    );
    const summary = renderForSummary(plan, ctx);
    const text = renderPlanText(plan, ctx);
    rows.push({
      changes: n,
      comment: timeIt(() => renderForComment(plan, ctx), batches, batchMs),
      summary: timeIt(() => renderForSummary(plan, ctx), batches, batchMs),
      text: timeIt(() => renderPlanText(plan, ctx), batches, batchMs),
      commentChars: comment.length,
      postedChars: posted.body.length,
      commentShortened: comment.includes('This comment is shortened'),
      postedCut: posted.truncated,
      summaryBytes: Buffer.byteLength(summary, 'utf8'),
      summaryShortened: summary.includes('This summary is shortened'),
      textChars: text.length,
    });
  }
  return rows;
}
