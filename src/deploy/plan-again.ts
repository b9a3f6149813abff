import type { EngineContext } from '../plan/context.js';
import { discardPlan, planStack } from '../plan/plan-stack.js';
import type { PlannedStack } from '../plan/plan-stack.js';
import type { StackSpec } from '../stacks/types.js';

/** Plans a stack from its spec: {@link planStack}, or a stage's own planner built on it. */
export type StackPlanner = (spec: StackSpec, ctx: EngineContext) => Promise<PlannedStack>;

/**
 * A stack planned again during a deploy, with values known only now (the stacks before it
 * deployed, the code's uploaded versions): its first change set is discarded, the fresh one
 * takes its place among the `pending` ones (discarded by the caller if anything fails), and
 * keeps the drift found before, so the gate judges the fresh change set with it. `plan` makes
 * the fresh plan (the environment stage runs its pre-checks with it).
 */
export async function planAgain(
  first: PlannedStack,
  spec: StackSpec,
  ctx: EngineContext,
  pending: Set<PlannedStack>,
  plan: StackPlanner = planStack,
): Promise<PlannedStack> {
  await discardPlan(first, ctx);
  pending.delete(first);
  const fresh = await plan(spec, ctx);
  const drift = first.plan.drift;
  const planned = drift ? { ...fresh, plan: { ...fresh.plan, drift } } : fresh;
  pending.add(planned);
  return planned;
}
