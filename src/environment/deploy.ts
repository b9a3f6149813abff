/**
 * The environment stack's turn in a deploy, after the prerequisite stack: planned again when
 * the other stacks' outputs were not known at plan time (or changed), then applied while the
 * environment's own status is watched.
 */
import { applyStack } from '../deploy/apply-stack.js';
import type { AppliedStack } from '../deploy/apply-stack.js';
import type { EngineContext } from '../plan/context.js';
import { planAgain } from '../deploy/plan-again.js';
import type { PlannedStack } from '../plan/plan-stack.js';
import { currentCodeParameters, environmentStackSpec } from '../stacks/environment-spec.js';
import type { TemplateBodies } from '../stacks/specs.js';
import type { StackPlan } from '../plan/model.js';
import type { StackContext } from '../stacks/types.js';
import { applyEnvironmentStack } from './apply.js';
import { planEnvironmentStack } from './plan.js';

/**
 * Applies the environment stack with the deployed stacks' outputs. `pending` holds the change
 * sets not yet executed, which the caller discards if anything fails; `admit` is the gate each
 * change set passes before it executes.
 */
export async function deployEnvironment(
  first: PlannedStack,
  ctx: EngineContext,
  templates: TemplateBodies,
  context: StackContext,
  deploy: { readonly pending: Set<PlannedStack>; readonly admit: (plan: StackPlan) => void },
): Promise<AppliedStack> {
  const { pending, admit } = deploy;
  const spec = environmentStackSpec(ctx.settings, templates.environment ?? '', {
    environmentCodeKept: currentCodeParameters(first.state.stack?.Parameters),
    ...context,
  });
  let planned = first;
  if (planned.recreate) {
    planned = { ...planned, spec };
  } else if (!sameValues(planned, spec.parameters)) {
    ctx.log.info(
      `Planning stack ${spec.name} again with the other stacks' outputs and the code's versions.`,
    );
    // With the outputs known now, the pre-checks run in full before the change set is made.
    planned = await planAgain(planned, spec, ctx, pending, (s, c) =>
      planEnvironmentStack(s, c, context),
    );
  }
  // Admitted while still pending (a refused change set is discarded by the caller).
  admit(planned.plan);
  pending.delete(planned);
  const mwaa = ctx.environment?.mwaa;
  return mwaa ? applyEnvironmentStack(planned, ctx, mwaa, admit) : applyStack(planned, ctx, admit);
}

/** True when the planned change set was made with exactly these parameter values. */
function sameValues(
  planned: PlannedStack,
  fresh: readonly { key: string; value?: string }[],
): boolean {
  if (planned.plan.source !== 'change-set') return false;
  const before = new Map(planned.spec.parameters.map((p) => [p.key, p.value]));
  return (
    fresh.length === planned.spec.parameters.length &&
    fresh.every((p) => p.value !== undefined && before.get(p.key) === p.value)
  );
}
