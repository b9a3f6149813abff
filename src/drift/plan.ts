/**
 * The drift stage of a run: after planning, drift detection on every stack that already
 * exists, all at once, each bounded by drift-timeout-seconds. The findings join the plan (each
 * stack's `drift`), so the comment, the summary and the gate all see them.
 */
import type { EngineContext } from '../plan/context.js';
import type { StackDrift } from '../plan/model.js';
import type { PlannedRun } from '../plan/plan.js';
import { detectStackDrift } from './detect.js';

/** The run with each existing stack's drift; unchanged when drift detection is off. */
export async function withDrift(run: PlannedRun, ctx: EngineContext): Promise<PlannedRun> {
  const seconds = ctx.settings.driftTimeoutSeconds;
  if (seconds === 0) return run;
  const found = await Promise.all(
    run.stacks.map(async (s): Promise<StackDrift | undefined> => {
      // A stack that does not exist yet (or only as this plan's review stack) has nothing to drift.
      if (s.state.kind !== 'healthy' || s.recreate) return undefined;
      const drift = await detectStackDrift(ctx.cfn, s.spec.name, {
        clock: ctx.clock,
        timeoutMs: seconds * 1000,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      if (drift.status === 'unavailable') {
        ctx.log.warning(`Stack ${s.spec.name}: ${drift.reason}; the plan goes on without it.`);
      } else if (drift.drifted.length > 0) {
        ctx.log.warning(
          `Stack ${s.spec.name}: ${drift.drifted.length} resource(s) changed outside CloudFormation (${drift.drifted
            .map((d) => d.logicalId)
            .join(', ')}); a deploy reverts drift on the resources it updates.`,
        );
      }
      return drift;
    }),
  );
  const stacks = run.stacks.map((s, i) => {
    const drift = found[i];
    return drift ? { ...s, plan: { ...s.plan, drift } } : s;
  }) as unknown as PlannedRun['stacks'];
  return { stacks, plan: { ...run.plan, stacks: stacks.map((s) => s.plan) } };
}
